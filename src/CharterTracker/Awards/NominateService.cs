using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Evidence;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// Nominates a service of an office for one of the cycle's categories: a focal point for an office of their subtree,
/// which must lie in the organising office's subtree; while nominations are open. Evidence files are linked as for
/// records: only files the caller may download.
/// </summary>
public sealed record NominateServiceCommand : ICommand<AwardNomination>
{
    public long CycleId { get; init; }
    public long? OfficeId { get; init; }
    public string? CategoryCode { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<long>? EvidenceIds { get; init; }
    public bool? HasEvidence { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [OfficeId is { } office ? AccessDemand.Write(office) : AccessDemand.SignedIn];
}

public sealed class NominateServiceValidator : AbstractValidator<NominateServiceCommand>
{
    public NominateServiceValidator()
    {
        RuleFor(c => c.OfficeId).NotNull().WithMessage(_ => Say.Text("মনোনীত দপ্তর বেছে নিন।", "The nominated office (officeId) is required."));
        RuleFor(c => c.CategoryCode).NotEmpty().WithMessage(_ => Say.Text("পুরস্কারের ধরন বেছে নিন।", "The category (categoryCode) is required."));
        RuleFor(c => c.Title).Text("The title", 500, whatBn: "সেবার নাম");
        RuleFor(c => c.Summary).Text("The summary", 8000, whatBn: "সারসংক্ষেপ");
        RuleFor(c => c.EvidenceIds).Must(ids => ids is null || ids.Count <= 20)
            .WithMessage(_ => Say.Text("সর্বোচ্চ ২০টি প্রমাণক।", "At most 20 evidence files."));
    }
}

public sealed class NominateServiceHandler(DbSession db, AwardStore store, EvidenceAccess evidence, CurrentUser user, TimeProvider clock)
    : IRequestHandler<NominateServiceCommand, AwardNomination>
{
    public async Task<AwardNomination> Handle(NominateServiceCommand command, CancellationToken cancellationToken)
    {
        var cycle = await store.CycleAsync(command.CycleId, cancellationToken);
        var organiser = await store.PathAsync(cycle.OfficeId, cancellationToken);
        var nominated = await store.PathAsync(command.OfficeId!.Value, cancellationToken);
        if (organiser is null || nominated is null || !nominated.StartsWith(organiser, StringComparison.Ordinal))
        {
            throw new RequestValidationException("officeId", Say.Text(
                $"মনোনীত দপ্তরটি আয়োজক দপ্তর ({cycle.OfficeNameBn})-এর আওতার বাইরে।",
                $"Office {command.OfficeId} is outside the subtree of the organising office ({cycle.OfficeNameEn})."));
        }
        if (cycle.Categories.All(c => !string.Equals(c.Code, command.CategoryCode, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RequestValidationException("categoryCode", Say.Text(
                $"এই চক্রে এই ধরন নেই; আছে: {string.Join(", ", cycle.Categories.Select(c => c.Code))}।",
                $"The cycle has no category '{command.CategoryCode}'; its categories are {string.Join(", ", cycle.Categories.Select(c => c.Code))}."));
        }
        EnsureOpen(cycle);
        var ids = (command.EvidenceIds ?? []).Distinct().ToList();
        if (ids.Count > 0)
        {
            var unknown = ids.Except(await db.QueryAsync<long>("SELECT Id FROM EvidenceFiles WHERE Id IN @ids", new { ids }, cancellationToken)).ToList();
            if (unknown.Count > 0)
            {
                throw new RequestValidationException("evidenceIds", $"No evidence file has id {string.Join(", ", unknown)}: upload it first (POST /api/v1/evidence).");
            }
            foreach (var evidenceId in ids) await evidence.EnsureReadableAsync(evidenceId, cancellationToken);
        }
        var category = cycle.Categories.First(c => string.Equals(c.Code, command.CategoryCode, StringComparison.OrdinalIgnoreCase)).Code;
        var id = await db.InsertAsync(
            """
            INSERT INTO AwardNominations (CycleId, OfficeId, CategoryCode, Title, Summary, HasEvidence, NominatedBy, NominatedAtUtc)
            VALUES (@CycleId, @OfficeId, @category, @Title, @Summary, @hasEvidence, @Username, @now)
            """,
            new
            {
                command.CycleId, command.OfficeId, category, Title = command.Title!.Trim(), Summary = command.Summary!.Trim(),
                hasEvidence = ids.Count > 0 || command.HasEvidence == true, user.Username, now = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken);
        foreach (var evidenceId in ids)
        {
            await db.ExecuteAsync("INSERT INTO AwardNominationEvidence (NominationId, EvidenceId) VALUES (@id, @evidenceId)", new { id, evidenceId }, cancellationToken);
        }
        return await store.NominationAsync(id, cancellationToken);
    }

    /// <summary>409 once the last day of nominations has passed.</summary>
    internal static void EnsureOpen(AwardCycle cycle)
    {
        if (cycle.Stage != AwardStage.Nominating)
        {
            throw new ConflictException(Say.Text(
                $"এই চক্রের মনোনয়ন {BengaliDigits.Date(cycle.NominationsCloseOn)} তারিখে বন্ধ হয়ে গেছে।",
                $"Nominations for this cycle closed on {cycle.NominationsCloseOn:yyyy-MM-dd}."));
        }
    }
}
