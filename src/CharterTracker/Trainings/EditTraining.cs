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
public sealed record EditTrainingCommand : TrainingFields, ICommand<Training>
{
    public EditTrainingCommand()
    {
    }

    /// <summary>The fields a form read, replacing the version the editor saw.</summary>
    public EditTrainingCommand(long id, int? version, TrainingFields fields) : base(fields) => (Id, Version) = (id, version);

    public long Id { get; init; }
    public int? Version { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Write(RecordKind.Training, Id)];
}

public sealed class EditTrainingValidator : AbstractValidator<EditTrainingCommand>
{
    public EditTrainingValidator(FiscalCalendar calendar)
    {
        Include(new TrainingFieldsValidator(calendar));
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class EditTrainingHandler(DbSession db, RecordLifecycle records, FiscalCalendar calendar) : IRequestHandler<EditTrainingCommand, Training>
{
    public async Task<Training> Handle(EditTrainingCommand command, CancellationToken cancellationToken)
    {
        var (version, officeId) = await records.EnsureEditableAsync(RecordKind.Training, command.Id, command.Version!.Value, cancellationToken);
        await records.EnsureRecordableAsync(officeId, command.FiscalYear!, calendar.QuarterOf(command.HeldOn!.Value).Number, ActivityFeed.Trainings, cancellationToken);
        await TrainingStore.EnsureOfficesExistAsync(db, command.OfficesRepresented, cancellationToken);
        var before = await TrainingStore.GetAsync(db, records, command.Id, cancellationToken);
        await records.WriteHistoryAsync(RecordKind.Training, command.Id, version, "Edited", before, cancellationToken);
        await records.UpdateAsync(TrainingStore.Table, command.Id, command, TrainingStore.Columns(command, calendar), cancellationToken);
        return await TrainingStore.GetAsync(db, records, command.Id, cancellationToken);
    }
}
