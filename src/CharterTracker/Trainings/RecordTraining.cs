using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Trainings;

/// <summary>Records a workshop, training or seminar the office held; it counts in the quarter of its date.</summary>
public sealed record RecordTrainingCommand : ICommand<Training>, ITrainingFields
{
    public long OfficeId { get; init; }
    public TrainingKind? Kind { get; init; }
    public string? FiscalYear { get; init; }
    public DateOnly? HeldOn { get; init; }
    public string? Title { get; init; }
    public int? Participants { get; init; }
    public IReadOnlyList<long>? OfficesRepresented { get; init; }
    public IReadOnlyList<long>? EvidenceIds { get; init; }
    public bool? HasEvidence { get; init; }
    public DateOnly? RecordedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class RecordTrainingValidator : AbstractValidator<RecordTrainingCommand>
{
    public RecordTrainingValidator(FiscalCalendar calendar) => Include(new TrainingFieldsValidator(calendar));
}

public sealed class RecordTrainingHandler(DbSession db, RecordKeeping records, FiscalCalendar calendar) : IRequestHandler<RecordTrainingCommand, Training>
{
    public async Task<Training> Handle(RecordTrainingCommand command, CancellationToken cancellationToken)
    {
        var (recordedOn, backFilled) = records.RecordedOn(command.RecordedOn);
        await records.EnsureRecordableAsync(command.OfficeId, command.FiscalYear!, calendar.QuarterOf(command.HeldOn!.Value).Number, ActivityFeed.Trainings, cancellationToken);
        await TrainingStore.EnsureOfficesExistAsync(db, command.OfficesRepresented, cancellationToken);
        var id = await db.InsertAsync(
            "INSERT INTO Trainings (OfficeId, Kind, FiscalYear, Quarter, HeldOn, Title, Participants, OfficesRepresented, HasEvidence, RecordedOn, BackFilled, Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc) VALUES (@OfficeId, @Kind, @FiscalYear, @Quarter, @HeldOn, @Title, @Participants, @Offices, 0, @recordedOn, @backFilled, 1, @Who, @Now, @Now)",
            new
            {
                command.OfficeId, Kind = command.Kind!.Value.ToString(), command.FiscalYear, Quarter = calendar.QuarterOf(command.HeldOn!.Value).Number, command.HeldOn,
                Title = command.Title!.Trim(), command.Participants, Offices = TrainingStore.Join(command.OfficesRepresented), recordedOn, backFilled, records.Who, records.Now,
            }, cancellationToken);
        await TrainingStore.SetEvidenceAsync(db, records, id, command, cancellationToken);
        return await TrainingStore.GetAsync(db, records, id, cancellationToken);
    }
}
