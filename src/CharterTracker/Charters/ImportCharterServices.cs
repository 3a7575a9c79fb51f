using CharterTracker.Access;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Charters;

/// <summary>
/// Fills the office's draft with the services of a CSV file (one row per service, <see cref="CharterServicesCsv"/>),
/// replacing the draft's services; the rest of the charter (vision, mission, grievance redress, expectations) is the
/// draft's, or the latest version's when the draft is new. Every error of every line is reported at once
/// (<c>lines[4].fee</c>), and nothing is saved unless the whole file is good.
/// </summary>
public sealed record ImportCharterServicesCommand(long OfficeId, string Csv, int? Revision) : ICommand<CharterVersion>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class ImportCharterServicesValidator : AbstractValidator<ImportCharterServicesCommand>
{
    public const int MaxLength = 2_000_000;

    public ImportCharterServicesValidator() =>
        RuleFor(c => c.Csv).NotEmpty().WithMessage(_ => Say.Text("একটি CSV ফাইল দিন।", "A CSV file is required."))
            .MaximumLength(MaxLength).WithMessage(_ => Say.Text("ফাইলটি অনেক বড় (সর্বোচ্চ ২ মেগাবাইট)।", "The file is too large (at most 2 MB)."));
}

public sealed class ImportCharterServicesHandler(CharterStore charters) : IRequestHandler<ImportCharterServicesCommand, CharterVersion>
{
    public async Task<CharterVersion> Handle(ImportCharterServicesCommand command, CancellationToken cancellationToken)
    {
        var (rows, errors) = CharterServicesCsv.Read(command.Csv);
        var start = await charters.DraftOrLatestAsync(command.OfficeId, cancellationToken)
            ?? throw new ConflictException(Say.Text("আগে প্রতিশ্রুতির রূপকল্প ও অভিলক্ষ্য লিখে খসড়াটি সংরক্ষণ করুন, তারপর সেবাগুলো আমদানি করুন।",
                "Save a draft with the vision and mission first, then import its services."));
        var content = new CharterContent
        {
            VisionBn = start.VisionBn, VisionEn = start.VisionEn, MissionBn = start.MissionBn, MissionEn = start.MissionEn,
            Grievance = start.Grievance, Expectations = start.Expectations,
            Services = rows.Select(r => r.Service).ToList(),
        };
        var lines = rows.Select(r => r.Line).ToList();
        foreach (var failure in new CharterContentValidator().Validate(content).Errors)
        {
            var key = CharterServicesCsv.LineKey(Pipeline.ValidationBehavior<object, object>.FieldName(failure.PropertyName), lines) ?? "file";
            (errors.TryGetValue(key, out var list) ? list : errors[key] = []).Add(failure.ErrorMessage);
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors
                .OrderBy(e => e.Key.Length).ThenBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray()));
        }
        try
        {
            return await charters.SaveDraftAsync(command.OfficeId, command.Revision, content, cancellationToken);
        }
        catch (RequestValidationException unknownIds)
        {
            // A service id that is not the office's: named by the line it came from.
            throw new RequestValidationException(unknownIds.Errors.ToDictionary(e => CharterServicesCsv.LineKey(e.Key, lines) ?? e.Key, e => e.Value));
        }
    }
}
