using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Meetings;

/// <summary>Corrects a meeting's minutes data; the previous version stays in its history.</summary>
public sealed record EditMeetingCommand : MeetingFields, ICommand<Meeting>
{
    public EditMeetingCommand()
    {
    }

    /// <summary>The fields a form read, replacing the version the editor saw.</summary>
    public EditMeetingCommand(long id, int? version, MeetingFields fields) : base(fields) => (Id, Version) = (id, version);

    public long Id { get; init; }
    public int? Version { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Write(RecordKind.Meeting, Id)];
}

public sealed class EditMeetingValidator : AbstractValidator<EditMeetingCommand>
{
    public EditMeetingValidator(FiscalCalendar calendar)
    {
        Include(new MeetingFieldsValidator(calendar));
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class EditMeetingHandler(RecordLifecycle records, MeetingStore meetings) : IRequestHandler<EditMeetingCommand, Meeting>
{
    public async Task<Meeting> Handle(EditMeetingCommand command, CancellationToken cancellationToken)
    {
        var (version, officeId) = await records.EnsureEditableAsync(RecordKind.Meeting, command.Id, command.Version!.Value, cancellationToken);
        await records.EnsureRecordableAsync(officeId, command.FiscalYear!, command.Quarter, MeetingStore.FeedOf(command.Kind!.Value), cancellationToken);
        await meetings.EnsureFollowUpOwnersAsync(officeId, command, cancellationToken);
        var before = await meetings.GetAsync(command.Id, cancellationToken);
        await records.WriteHistoryAsync(RecordKind.Meeting, command.Id, version, "Edited", before with { CarriedForward = [] }, cancellationToken);
        await records.UpdateAsync(MeetingStore.Table, command.Id, command, MeetingStore.Columns(command), cancellationToken);
        await meetings.WritePartsAsync(command.Id, command, cancellationToken);
        return await meetings.GetAsync(command.Id, cancellationToken);
    }
}
