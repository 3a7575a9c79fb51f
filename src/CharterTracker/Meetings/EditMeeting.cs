using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Meetings;

/// <summary>Corrects a meeting's minutes data; the previous version stays in its history.</summary>
public sealed record EditMeetingCommand : ICommand<Meeting>, IMeetingFields
{
    public long Id { get; init; }
    public int? Version { get; init; }
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

    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Write(RecordKind.Meeting, Id)];
}

public sealed class EditMeetingValidator : AbstractValidator<EditMeetingCommand>
{
    public EditMeetingValidator(FiscalCalendar calendar) {
        Include(new MeetingFieldsValidator(calendar));
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class EditMeetingHandler(DbSession db, RecordKeeping records, MeetingStore meetings) : IRequestHandler<EditMeetingCommand, Meeting>
{
    public async Task<Meeting> Handle(EditMeetingCommand command, CancellationToken cancellationToken)
    {
        var version = await records.EnsureEditableAsync(RecordKind.Meeting, command.Id, command.Version!.Value, cancellationToken);
        var officeId = await db.ExecuteScalarAsync<long>("SELECT OfficeId FROM Meetings WHERE Id = @Id", command, cancellationToken);
        await records.EnsureRecordableAsync(officeId, command.FiscalYear!, command.Quarter, MeetingStore.FeedOf(command.Kind!.Value), cancellationToken);
        await meetings.EnsureFollowUpOwnersAsync(officeId, command, cancellationToken);
        var before = await meetings.GetAsync(command.Id, cancellationToken);
        await records.WriteHistoryAsync(RecordKind.Meeting, command.Id, version, "Edited", before with { CarriedForward = [] }, cancellationToken);
        await db.ExecuteAsync(
            """
            UPDATE Meetings SET Kind = @Kind, FiscalYear = @FiscalYear, Quarter = @Quarter, Title = @Title, IssuingUnit = @IssuingUnit, HeldOn = @HeldOn, StartTime = @StartTime,
                Venue = @Venue, ChairName = @ChairName, ChairDesignation = @ChairDesignation, Opening = @Opening, MemoNumber = @Memo, IssuedOn = @IssuedOn,
                SignatoryName = @SignatoryName, SignatoryDesignation = @SignatoryDesignation, Version = Version + 1, UpdatedAtUtc = @Now
            WHERE Id = @Id
            """,
            new
            {
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
                records.Now,
                command.Id,
            }, cancellationToken);
        await meetings.WritePartsAsync(command.Id, command, cancellationToken);
        return await meetings.GetAsync(command.Id, cancellationToken);
    }
}
