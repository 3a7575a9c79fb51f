using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Offices;
using CharterTracker.Pipeline;

namespace CharterTracker.Meetings;

/// <summary>Writes a meeting's parts (annex, agenda, follow-ups, distribution) and reads a meeting whole.</summary>
public sealed class MeetingStore(DbSession db, RecordKeeping records, FiscalCalendar calendar)
{
    private sealed class MeetingRow
    {
        public long Id { get; init; }
        public long OfficeId { get; init; }
        public MeetingKind Kind { get; init; }
        public string FiscalYear { get; init; } = "";
        public int Quarter { get; init; }
        public string? Title { get; init; }
        public string? IssuingUnit { get; init; }
        public DateOnly HeldOn { get; init; }
        public TimeOnly StartTime { get; init; }
        public string Venue { get; init; } = "";
        public string ChairName { get; init; } = "";
        public string ChairDesignation { get; init; } = "";
        public string? Opening { get; init; }
        public string? MemoNumber { get; init; }
        public DateOnly? IssuedOn { get; init; }
        public string? SignatoryName { get; init; }
        public string? SignatoryDesignation { get; init; }
        public bool HasEvidence { get; init; }
        public DateOnly RecordedOn { get; init; }
        public bool BackFilled { get; init; }
        public int Version { get; init; }
        public bool Withdrawn { get; init; }
        public string? WithdrawnReason { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTime CreatedAtUtc { get; init; }
    }

    private const string SelectMeeting = """
        SELECT Id, OfficeId, Kind, FiscalYear, Quarter, Title, IssuingUnit, HeldOn, StartTime, Venue, ChairName, ChairDesignation, Opening, MemoNumber, IssuedOn,
               SignatoryName, SignatoryDesignation, HasEvidence, RecordedOn, BackFilled, Version,
               CASE WHEN WithdrawnAtUtc IS NULL THEN 0 ELSE 1 END AS Withdrawn, WithdrawnReason, CreatedBy, CreatedAtUtc
        FROM Meetings
        """;

    /// <summary>The indicator feed a meeting of this kind counts for (none for committee and other meetings).</summary>
    public static ActivityFeed? FeedOf(MeetingKind kind) => kind switch
    {
        MeetingKind.SubordinateCoordination => ActivityFeed.SubordinateCoordinationMeetings,
        MeetingKind.StakeholderAwareness => ActivityFeed.StakeholderAwarenessMeetings,
        _ => null,
    };

    /// <summary>The memo number in its canonical (Latin-digit) form, or null.</summary>
    public static string? CanonicalMemo(string? memo) => string.IsNullOrWhiteSpace(memo) ? null : MemoNumber.Parse(memo).Latin;

    /// <summary>
    /// Checks the offices follow-ups name (a field-named 400): the owner is the meeting's office, one of its parents or
    /// an office under it, in the tree as it stood on the meeting's day or as it stands today (a follow-up given to a
    /// subordinate stays valid when its meeting is edited after a re-organisation). An office of another ministry
    /// would otherwise see and complete it.
    /// </summary>
    public async Task EnsureFollowUpOwnersAsync(long meetingOfficeId, IMeetingFields fields, CancellationToken cancellationToken)
    {
        var owners = (fields.Agenda ?? []).SelectMany(item => item.FollowUps ?? []).Select(f => f.OwnerOfficeId ?? 0).Distinct().ToList();
        if (owners.Count == 0) return;
        var offices = owners.Append(meetingOfficeId).Distinct().ToList();
        var days = new[] { fields.HeldOn ?? calendar.Today, calendar.Today }.Distinct();
        var related = new HashSet<long>();
        foreach (var day in days)
        {
            var paths = await OfficeTree.PathsOnAsync(db, day, offices, cancellationToken);
            if (!paths.TryGetValue(meetingOfficeId, out var meetingPath)) continue;
            related.UnionWith(paths.Where(p => p.Value.StartsWith(meetingPath, StringComparison.Ordinal) || meetingPath.StartsWith(p.Value, StringComparison.Ordinal))
                .Select(p => p.Key));
        }
        for (var i = 0; i < (fields.Agenda?.Count ?? 0); i++)
        {
            for (var j = 0; j < (fields.Agenda![i].FollowUps?.Count ?? 0); j++)
            {
                var followUp = fields.Agenda[i].FollowUps![j];
                if (!related.Contains(followUp.OwnerOfficeId ?? 0))
                {
                    // One message whether the office exists or not: the answer must not tell other ministries' offices apart.
                    throw new RequestValidationException($"agenda[{i}].followUps[{j}].ownerOfficeId", Say.Text(
                        $"{BengaliDigits.ToBengali(followUp.OwnerOfficeId ?? 0)} নম্বরের দপ্তরটি সভার দপ্তর, এর কোনো ঊর্ধ্বতন দপ্তর বা এর অধীন কোনো দপ্তর নয়।",
                        $"Office {followUp.OwnerOfficeId} is neither the meeting's office, one of its parents nor an office under it."));
                }
                if (followUp.DueOn < fields.HeldOn)
                {
                    throw new RequestValidationException($"agenda[{i}].followUps[{j}].dueOn",
                        Say.Text("শেষ তারিখ সভার তারিখের আগে হতে পারে না।", "A follow-up cannot be due before the meeting was held."));
                }
            }
        }
    }

    /// <summary>Replaces the annex, agenda, distribution and open follow-ups with the given ones; done follow-ups stay.</summary>
    public async Task WritePartsAsync(long meetingId, IMeetingFields fields, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "MeetingAttendees", "MeetingAgendaItems", "MeetingDistribution" })
        {
            await db.ExecuteAsync($"DELETE FROM {table} WHERE MeetingId = @meetingId", new { meetingId }, cancellationToken);
        }
        await db.ExecuteAsync("DELETE FROM FollowUps WHERE MeetingId = @meetingId AND Status = 'Open'", new { meetingId }, cancellationToken);

        var seq = 0;
        foreach (var attendee in fields.Attendees ?? [])
        {
            await db.ExecuteAsync("INSERT INTO MeetingAttendees (MeetingId, Seq, Name, Designation, Office, Attended) VALUES (@meetingId, @seq, @Name, @Designation, @Office, @Attended)",
                new { meetingId, seq = ++seq, Name = attendee.Name!.Trim(), Designation = attendee.Designation!.Trim(), Office = attendee.Office!.Trim(), attendee.Attended }, cancellationToken);
        }
        seq = 0;
        foreach (var item in fields.Agenda ?? [])
        {
            seq++;
            await db.ExecuteAsync("INSERT INTO MeetingAgendaItems (MeetingId, Seq, Discussion, Decision) VALUES (@meetingId, @seq, @Discussion, @Decision)",
                new { meetingId, seq, Discussion = item.Discussion!.Trim(), Decision = item.Decision!.Trim() }, cancellationToken);
            foreach (var followUp in item.FollowUps ?? [])
            {
                var alreadyDone = await db.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM FollowUps WHERE MeetingId = @meetingId AND AgendaSeq = @seq AND Action = @Action AND Status = 'Done'",
                    new { meetingId, seq, Action = followUp.Action!.Trim() }, cancellationToken);
                if (alreadyDone > 0) continue;
                await db.ExecuteAsync(
                    "INSERT INTO FollowUps (MeetingId, AgendaSeq, Action, OwnerOfficeId, DueOn, Status, CreatedAtUtc) VALUES (@meetingId, @seq, @Action, @OwnerOfficeId, @DueOn, 'Open', @Now)",
                    new { meetingId, seq, Action = followUp.Action!.Trim(), followUp.OwnerOfficeId, followUp.DueOn, records.Now }, cancellationToken);
            }
        }
        seq = 0;
        foreach (var line in fields.Distribution ?? [])
        {
            await db.ExecuteAsync("INSERT INTO MeetingDistribution (MeetingId, Seq, Recipient) VALUES (@meetingId, @seq, @line)",
                new { meetingId, seq = ++seq, line = line.Trim() }, cancellationToken);
        }
        var linked = await records.LinkEvidenceAsync(RecordKind.Meeting, meetingId, fields.EvidenceIds, cancellationToken);
        await db.ExecuteAsync("UPDATE Meetings SET HasEvidence = @has WHERE Id = @meetingId", new { has = linked || fields.HasEvidence == true, meetingId }, cancellationToken);
    }

    public async Task<Meeting> GetAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<MeetingRow>(SelectMeeting + " WHERE Id = @id", new { id }, cancellationToken)
            ?? throw new NotFoundException($"Meeting {id} does not exist.");
        var today = calendar.Today;
        var attendees = await db.QueryAsync<Attendee>("SELECT Name, Designation, Office, Attended FROM MeetingAttendees WHERE MeetingId = @id ORDER BY Seq", new { id }, cancellationToken);
        var items = await db.QueryAsync<AgendaItem>("SELECT Seq AS Number, Discussion, Decision FROM MeetingAgendaItems WHERE MeetingId = @id ORDER BY Seq", new { id }, cancellationToken);
        var followUps = (await db.QueryAsync<FollowUp>(FollowUp.Select + " WHERE f.MeetingId = @id ORDER BY f.AgendaSeq, f.Id", new { id }, cancellationToken))
            .Select(f => f.WithStatusOn(today)).ToList();
        var distribution = await db.QueryAsync<string>("SELECT Recipient FROM MeetingDistribution WHERE MeetingId = @id ORDER BY Seq", new { id }, cancellationToken);
        var carried = (await db.QueryAsync<FollowUp>(
                FollowUp.Select + " WHERE m.OfficeId = @OfficeId AND m.Id <> @id AND m.HeldOn < @HeldOn AND m.WithdrawnAtUtc IS NULL AND (f.Status = 'Open' OR f.DoneOn > @HeldOn) ORDER BY m.HeldOn, f.AgendaSeq, f.Id",
                new { row.OfficeId, id, row.HeldOn }, cancellationToken))
            .Select(f => f.WithStatusOn(today)).ToList();

        return new Meeting
        {
            Id = row.Id,
            OfficeId = row.OfficeId,
            Kind = row.Kind,
            FiscalYear = row.FiscalYear,
            Quarter = row.Quarter,
            Title = row.Title,
            IssuingUnit = row.IssuingUnit,
            HeldOn = row.HeldOn,
            StartTime = row.StartTime,
            Venue = row.Venue,
            Chair = new Person { Name = row.ChairName, Designation = row.ChairDesignation },
            Opening = row.Opening,
            Attendees = attendees,
            Agenda = items.Select(item => item with { FollowUps = followUps.Where(f => f.AgendaItem == item.Number).ToList() }).ToList(),
            MemoNumber = row.MemoNumber,
            IssuedOn = row.IssuedOn,
            Signatory = row.SignatoryName is null ? null : new Person { Name = row.SignatoryName, Designation = row.SignatoryDesignation },
            Distribution = distribution,
            CarriedForward = carried,
            HasEvidence = row.HasEvidence,
            EvidenceIds = await records.EvidenceIdsAsync(RecordKind.Meeting, id, cancellationToken),
            RecordedOn = row.RecordedOn,
            BackFilled = row.BackFilled,
            Version = row.Version,
            Withdrawn = row.Withdrawn,
            WithdrawnReason = row.WithdrawnReason,
            CreatedBy = row.CreatedBy,
            CreatedAtUtc = row.CreatedAtUtc,
        };
    }
}
