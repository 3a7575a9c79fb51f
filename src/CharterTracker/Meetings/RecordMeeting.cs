using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Meetings;

/// <summary>Records a meeting the office organised, with everything its minutes hold.</summary>
public sealed record RecordMeetingCommand : MeetingFields, ICommand<Meeting>
{
    public RecordMeetingCommand()
    {
    }

    /// <summary>The fields a form read, recorded for the office.</summary>
    public RecordMeetingCommand(long officeId, MeetingFields fields) : base(fields) => OfficeId = officeId;

    public long OfficeId { get; init; }

    /// <summary>SystemAdmin only, back-filling history.</summary>
    public DateOnly? RecordedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class RecordMeetingValidator : AbstractValidator<RecordMeetingCommand>
{
    public RecordMeetingValidator(FiscalCalendar calendar) => Include(new MeetingFieldsValidator(calendar));
}

public sealed class RecordMeetingHandler(RecordLifecycle records, MeetingStore meetings) : IRequestHandler<RecordMeetingCommand, Meeting>
{
    public async Task<Meeting> Handle(RecordMeetingCommand command, CancellationToken cancellationToken)
    {
        var recorded = records.RecordedOn(command.RecordedOn);
        await records.EnsureRecordableAsync(command.OfficeId, command.FiscalYear!, command.Quarter, MeetingStore.FeedOf(command.Kind!.Value), cancellationToken);
        await meetings.EnsureFollowUpOwnersAsync(command.OfficeId, command, cancellationToken);
        var id = await records.InsertAsync(MeetingStore.Table, command.OfficeId, recorded, command, MeetingStore.Columns(command), cancellationToken);
        await meetings.WritePartsAsync(id, command, cancellationToken);
        return await meetings.GetAsync(id, cancellationToken);
    }
}
