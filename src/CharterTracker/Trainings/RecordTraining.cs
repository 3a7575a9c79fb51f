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
public sealed record RecordTrainingCommand : TrainingFields, ICommand<Training>
{
    public RecordTrainingCommand()
    {
    }

    /// <summary>The fields a form read, recorded for the office.</summary>
    public RecordTrainingCommand(long officeId, TrainingFields fields) : base(fields) => OfficeId = officeId;

    public long OfficeId { get; init; }

    /// <summary>SystemAdmin only, back-filling history.</summary>
    public DateOnly? RecordedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class RecordTrainingValidator : AbstractValidator<RecordTrainingCommand>
{
    public RecordTrainingValidator(FiscalCalendar calendar) => Include(new TrainingFieldsValidator(calendar));
}

public sealed class RecordTrainingHandler(DbSession db, RecordLifecycle records, FiscalCalendar calendar) : IRequestHandler<RecordTrainingCommand, Training>
{
    public async Task<Training> Handle(RecordTrainingCommand command, CancellationToken cancellationToken)
    {
        var recorded = records.RecordedOn(command.RecordedOn);
        await records.EnsureRecordableAsync(command.OfficeId, command.FiscalYear!, calendar.QuarterOf(command.HeldOn!.Value).Number, ActivityFeed.Trainings, cancellationToken);
        await TrainingStore.EnsureOfficesExistAsync(db, command.OfficesRepresented, cancellationToken);
        var id = await records.InsertAsync(TrainingStore.Table, command.OfficeId, recorded, command, TrainingStore.Columns(command, calendar), cancellationToken);
        return await TrainingStore.GetAsync(db, records, id, cancellationToken);
    }
}
