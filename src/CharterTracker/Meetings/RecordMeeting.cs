using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Meetings;

/// <summary>Records a meeting the office organised, with everything its minutes hold.</summary>
public sealed record RecordMeetingCommand : ICommand<Meeting>, IMeetingFields
{
    public long OfficeId { get; init; }
    public MeetingKind? Kind { get; init; }
    public string? FiscalYear { get; init; }
    public int? Quarter { get; init; }
    public string? Title { get; init; }
    public string? IssuingUnit { get; init; }
    public DateOnly? HeldOn { get; init; }
    public TimeOnly? StartTime { get; init; }
    public string? Venue { get; init; }
    public Person? Chair { get; init; }
    public string? Opening { get; init; }
    public IReadOnlyList<Attendee>? Attendees { get; init; }
    public IReadOnlyList<AgendaItemInput>? Agenda { get; init; }
    public string? MemoNumber { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public Person? Signatory { get; init; }
    public IReadOnlyList<string>? Distribution { get; init; }
    public IReadOnlyList<long>? EvidenceIds { get; init; }
    public bool? HasEvidence { get; init; }

    /// <summary>SystemAdmin only, back-filling history.</summary>
    public DateOnly? RecordedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class RecordMeetingValidator : AbstractValidator<RecordMeetingCommand>
{
    public RecordMeetingValidator(FiscalCalendar calendar) => Include(new MeetingFieldsValidator(calendar));
}

public sealed class RecordMeetingHandler(DbSession db, RecordKeeping records, MeetingStore meetings) : IRequestHandler<RecordMeetingCommand, Meeting>
{
    public async Task<Meeting> Handle(RecordMeetingCommand command, CancellationToken cancellationToken)
    {
        var (recordedOn, backFilled) = records.RecordedOn(command.RecordedOn);
        await records.EnsureRecordableAsync(command.OfficeId, command.FiscalYear!, command.Quarter, MeetingStore.FeedOf(command.Kind!.Value), cancellationToken);
        await meetings.EnsureFollowUpOwnersAsync(command.OfficeId, command, cancellationToken);
        var id = await db.InsertAsync(
            "INSERT INTO Meetings (OfficeId, Kind, FiscalYear, Quarter, Title, IssuingUnit, HeldOn, StartTime, Venue, ChairName, ChairDesignation, Opening, MemoNumber, IssuedOn, SignatoryName, SignatoryDesignation, HasEvidence, RecordedOn, BackFilled, Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc) VALUES (@OfficeId, @Kind, @FiscalYear, @Quarter, @Title, @IssuingUnit, @HeldOn, @StartTime, @Venue, @ChairName, @ChairDesignation, @Opening, @Memo, @IssuedOn, @SignatoryName, @SignatoryDesignation, 0, @recordedOn, @backFilled, 1, @Who, @Now, @Now)",
            new
            {
                command.OfficeId,
                Kind = command.Kind!.Value.ToString(),
                command.FiscalYear,
                command.Quarter,
                Title = command.Title?.Trim(),
                IssuingUnit = command.IssuingUnit?.Trim(),
                command.HeldOn,
                command.StartTime,
                Venue = command.Venue!.Trim(),
                ChairName = command.Chair!.Name!.Trim(),
                ChairDesignation = command.Chair.Designation!.Trim(),
                Opening = command.Opening?.Trim(),
                Memo = MeetingStore.CanonicalMemo(command.MemoNumber),
                command.IssuedOn,
                SignatoryName = command.Signatory?.Name?.Trim(),
                SignatoryDesignation = command.Signatory?.Designation?.Trim(),
                recordedOn,
                backFilled,
                records.Who,
                records.Now,
            }, cancellationToken);
        await meetings.WritePartsAsync(id, command, cancellationToken);
        return await meetings.GetAsync(id, cancellationToken);
    }
}
