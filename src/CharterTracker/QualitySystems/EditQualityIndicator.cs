using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>
/// Changes an indicator's definition (its name, unit, targets, weight…); the version it replaces is kept in its
/// history. Its scores follow the new definition in every period, as a plan's do when the plan is corrected.
/// </summary>
public sealed record EditQualityIndicatorCommand : QualityIndicatorFields, ICommand<QualityIndicator>
{
    public EditQualityIndicatorCommand()
    {
    }

    public EditQualityIndicatorCommand(long id, int? version, QualityIndicatorFields fields) : base(fields) => (Id, Version) = (id, version);

    public long Id { get; init; }
    public int? Version { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.WriteOfficeOf(QualityIndicatorStore.OfficeOf(Id))];
}

public sealed class EditQualityIndicatorValidator : AbstractValidator<EditQualityIndicatorCommand>
{
    public EditQualityIndicatorValidator()
    {
        Include(new QualityIndicatorFieldsValidator());
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class EditQualityIndicatorHandler(DbSession db, RecordLifecycle records) : IRequestHandler<EditQualityIndicatorCommand, QualityIndicator>
{
    public async Task<QualityIndicator> Handle(EditQualityIndicatorCommand command, CancellationToken cancellationToken)
    {
        var before = await QualityIndicatorStore.GetAsync(db, command.Id, cancellationToken);
        if (before.Version != command.Version)
        {
            throw new ConflictException(Say.Text(
                $"আপনি সংস্করণ {Calendar.BengaliDigits.ToBengali(command.Version!.Value)} খোলার পর অন্য কেউ সূচকটি পরিবর্তন করেছেন।",
                $"Quality indicator {command.Id} is at version {before.Version}, not {command.Version}: someone changed it meanwhile. Reload and edit again."), "version");
        }
        await QualityIndicatorStore.EnsureCodeFreeAsync(db, before.OfficeId, command.Code!, command.Id, cancellationToken);
        await records.WriteHistoryAsync(QualityIndicatorStore.HistoryKind, command.Id, before.Version, "Edited", before, cancellationToken);
        var parameters = new Dapper.DynamicParameters(QualityIndicatorStore.Columns(command));
        parameters.AddDynamicParams(new { command.Id, records.Now });
        await db.ExecuteAsync(
            """
            UPDATE QualityIndicators SET Code = @Code, NameBn = @NameBn, NameEn = @NameEn, Unit = @Unit, Frequency = @Frequency, Aggregation = @Aggregation,
                Direction = @Direction, Weight = @Weight, Targets = @Targets, EvidenceRequired = @EvidenceRequired, Version = Version + 1, UpdatedAtUtc = @Now
            WHERE Id = @Id
            """, parameters, cancellationToken);
        return await QualityIndicatorStore.GetAsync(db, command.Id, cancellationToken);
    }
}
