using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Trainings;

/// <summary>Corrects a training record; the previous version stays in its history.</summary>
public sealed record EditTrainingCommand : ICommand<Training>, ITrainingFields
{
    public long Id { get; init; }
    public int? Version { get; init; }
    public TrainingKind? Kind { get; init; }
    public string? FiscalYear { get; init; }
    public DateOnly? HeldOn { get; init; }
    public string? Title { get; init; }
    public int? Participants { get; init; }
    public IReadOnlyList<long>? OfficesRepresented { get; init; }
    public IReadOnlyList<long>? EvidenceIds { get; init; }
    public bool? HasEvidence { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Write(RecordKind.Training, Id)];
}

public sealed class EditTrainingValidator : AbstractValidator<EditTrainingCommand>
{
    public EditTrainingValidator(FiscalCalendar calendar) {
        Include(new TrainingFieldsValidator(calendar));
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class EditTrainingHandler(DbSession db, RecordKeeping records, FiscalCalendar calendar) : IRequestHandler<EditTrainingCommand, Training>
{
    public async Task<Training> Handle(EditTrainingCommand command, CancellationToken cancellationToken)
    {
        var version = await records.EnsureEditableAsync(RecordKind.Training, command.Id, command.Version!.Value, cancellationToken);
        var officeId = await db.ExecuteScalarAsync<long>("SELECT OfficeId FROM Trainings WHERE Id = @Id", command, cancellationToken);
        await records.EnsureRecordableAsync(officeId, command.FiscalYear!, calendar.QuarterOf(command.HeldOn!.Value).Number, ActivityFeed.Trainings, cancellationToken);
        await TrainingStore.EnsureOfficesExistAsync(db, command.OfficesRepresented, cancellationToken);
        await records.WriteHistoryAsync(RecordKind.Training, command.Id, version, "Edited", await TrainingStore.GetAsync(db, records, command.Id, cancellationToken), cancellationToken);
        await db.ExecuteAsync(
            "UPDATE Trainings SET Kind = @Kind, FiscalYear = @FiscalYear, Quarter = @Quarter, HeldOn = @HeldOn, Title = @Title, Participants = @Participants, OfficesRepresented = @Offices, Version = Version + 1, UpdatedAtUtc = @Now WHERE Id = @Id",
            new
            {
                Kind = command.Kind!.Value.ToString(), command.FiscalYear, Quarter = calendar.QuarterOf(command.HeldOn!.Value).Number, command.HeldOn, Title = command.Title!.Trim(),
                command.Participants, Offices = TrainingStore.Join(command.OfficesRepresented), records.Now, command.Id,
            }, cancellationToken);
        await TrainingStore.SetEvidenceAsync(db, records, command.Id, command, cancellationToken);
        return await TrainingStore.GetAsync(db, records, command.Id, cancellationToken);
    }
}
