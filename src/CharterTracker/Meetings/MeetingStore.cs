using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Offices;
using CharterTracker.Pipeline;

namespace CharterTracker.Meetings;

/// <summary>Writes a meeting's parts (annex, agenda, follow-ups, distribution) and reads a meeting whole.</summary>
public sealed class MeetingStore(DbSession db, RecordLifecycle records, FiscalCalendar calendar)
{
    /// <summary>The columns a meeting's fields fill (its parts have tables of their own).</summary>
    public static readonly RecordTable Table = new(RecordKind.Meeting,
    [
        "Kind",
        "FiscalYear",
        "Quarter",
        "Title",
        "IssuingUnit",
        "HeldOn",
        "StartTime",
        "Venue",
        "ChairName",
        "ChairDesignation",
        "Opening",
        "Closing",
        "MemoNumber",
        "IssuedOn",
        "SignatoryName",
        "SignatoryDesignation",
    ]);

    /// <summary>The fields as <see cref="Table"/>'s column values: trimmed, the memo number in its canonical form.</summary>
    public static object Columns(MeetingFields fields) => new
    {
        Kind = fields.Kind!.Value.ToString(),
        fields.FiscalYear,
        fields.Quarter,
        Title = fields.Title?.Trim(),
        IssuingUnit = fields.IssuingUnit?.Trim(),
        fields.HeldOn,
        fields.StartTime,
        Venue = fields.Venue!.Trim(),
        ChairName = fields.Chair!.Name!.Trim(),
        ChairDesignation = fields.Chair.Designation!.Trim(),
        Opening = Typed(fields.Opening),
        Closing = Typed(fields.Closing),
        MemoNumber = CanonicalMemo(fields.MemoNumber),
        fields.IssuedOn,
        SignatoryName = fields.Signatory?.Name?.Trim(),
        SignatoryDesignation = fields.Signatory?.Designation?.Trim(),
    };

    /// <summary>
    /// Text as typed, for the minutes' paragraphs: line breaks kept (Windows' CR LF as LF), the whole trimmed, each line's
    /// trailing spaces dropped; null when empty.
    /// </summary>
    public static string? Typed(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(line => line.TrimEnd());
        return string.Join('\n', lines).Trim();
    }

    /// <summary>A sub-decision without the letter a person may have typed before it ("ক) ", "(b) ", "c. ").</summary>
    public static string SubDecisionText(string typed) => MinutesLetters.WithoutLetter(Typed(typed) ?? "");

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
    public async Task EnsureFollowUpOwnersAsync(long meetingOfficeId, MeetingFields fields, CancellationToken cancellationToken)
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
    public async Task WritePartsAsync(long meetingId, MeetingFields fields, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "MeetingAttendees", "MeetingAgendaItems", "MeetingSubDecisions", "MeetingDistribution" })
        {
            await db.ExecuteAsync($"DELETE FROM {table} WHERE MeetingId = @meetingId", new { meetingId }, cancellationToken);
        }
        await db.ExecuteAsync("DELETE FROM FollowUps WHERE MeetingId = @meetingId AND Status = 'Open'", new { meetingId }, cancellationToken);

        var seq = 0;
        foreach (var attendee in fields.Attendees ?? [])
        {
            await db.ExecuteAsync(
                """
                INSERT INTO MeetingAttendees (MeetingId, Seq, Name, Designation, Office, Attended)
                VALUES (@meetingId, @seq, @Name, @Designation, @Office, @Attended)
                """,
                new
                {
                    meetingId, seq = ++seq, Name = attendee.Name!.Trim(), Designation = attendee.Designation!.Trim(), Office = attendee.Office!.Trim(),
                    attendee.Attended,
                }, cancellationToken);
        }
        seq = 0;
        foreach (var item in fields.Agenda ?? [])
        {
            seq++;
            await db.ExecuteAsync("INSERT INTO MeetingAgendaItems (MeetingId, Seq, Discussion, Decision) VALUES (@meetingId, @seq, @Discussion, @Decision)",
                new { meetingId, seq, Discussion = Typed(item.Discussion)!, Decision = Typed(item.Decision) ?? "" }, cancellationToken);
            var letter = 0;
            foreach (var subDecision in item.SubDecisions ?? [])
            {
                await db.ExecuteAsync("INSERT INTO MeetingSubDecisions (MeetingId, AgendaSeq, Seq, Text) VALUES (@meetingId, @seq, @letter, @text)",
                    new { meetingId, seq, letter = ++letter, text = SubDecisionText(subDecision) }, cancellationToken);
            }
            foreach (var followUp in item.FollowUps ?? [])
            {
                var alreadyDone = await db.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM FollowUps WHERE MeetingId = @meetingId AND AgendaSeq = @seq AND Action = @Action AND Status = 'Done'",
                    new { meetingId, seq, Action = followUp.Action!.Trim() }, cancellationToken);
                if (alreadyDone > 0) continue;
                await db.ExecuteAsync(
                    """
                    INSERT INTO FollowUps (MeetingId, AgendaSeq, Action, OwnerOfficeId, DueOn, Status, CreatedAtUtc)
                    VALUES (@meetingId, @seq, @Action, @OwnerOfficeId, @DueOn, 'Open', @Now)
                    """,
                    new { meetingId, seq, Action = followUp.Action!.Trim(), followUp.OwnerOfficeId, followUp.DueOn, records.Now }, cancellationToken);
            }
        }
        seq = 0;
        foreach (var line in fields.Distribution ?? [])
        {
            await db.ExecuteAsync("INSERT INTO MeetingDistribution (MeetingId, Seq, Recipient) VALUES (@meetingId, @seq, @line)",
                new { meetingId, seq = ++seq, line = line.Trim() }, cancellationToken);
        }
    }

    public async Task<Meeting> GetAsync(long id, CancellationToken cancellationToken)
    {
        var meeting = await db.QuerySingleOrDefaultAsync<Meeting>(Table.Select + " WHERE Id = @id", new { id }, cancellationToken)
            ?? throw new NotFoundException($"Meeting {id} does not exist.");
        var today = calendar.Today;
        var attendees = await db.QueryAsync<Attendee>(
            "SELECT Name, Designation, Office, Attended FROM MeetingAttendees WHERE MeetingId = @id ORDER BY Seq", new { id }, cancellationToken);
        var items = await db.QueryAsync<AgendaItem>(
            "SELECT Seq AS Number, Discussion, Decision FROM MeetingAgendaItems WHERE MeetingId = @id ORDER BY Seq", new { id }, cancellationToken);
        var subDecisions = (await db.QueryAsync<(long AgendaSeq, string Text)>(
                "SELECT AgendaSeq, Text FROM MeetingSubDecisions WHERE MeetingId = @id ORDER BY AgendaSeq, Seq", new { id }, cancellationToken))
            .ToLookup(s => (int)s.AgendaSeq, s => s.Text);
        var followUps = (await db.QueryAsync<FollowUp>(FollowUp.Select + " WHERE f.MeetingId = @id ORDER BY f.AgendaSeq, f.Id", new { id }, cancellationToken))
            .Select(f => f.WithStatusOn(today)).ToList();
        var distribution = await db.QueryAsync<string>("SELECT Recipient FROM MeetingDistribution WHERE MeetingId = @id ORDER BY Seq", new { id }, cancellationToken);
        var carried = (await db.QueryAsync<FollowUp>(
                $"""
                {FollowUp.Select}
                WHERE m.OfficeId = @OfficeId AND m.Id <> @id AND m.HeldOn < @HeldOn AND m.WithdrawnAtUtc IS NULL AND (f.Status = 'Open' OR f.DoneOn > @HeldOn)
                ORDER BY m.HeldOn, f.AgendaSeq, f.Id
                """,
                new { meeting.OfficeId, id, meeting.HeldOn }, cancellationToken))
            .Select(f => f.WithStatusOn(today)).ToList();

        return meeting with
        {
            Attendees = attendees,
            Agenda = items.Select(item => item with
            {
                SubDecisions = subDecisions[item.Number].ToList(),
                FollowUps = followUps.Where(f => f.AgendaItem == item.Number).ToList(),
            }).ToList(),
            Distribution = distribution,
            CarriedForward = carried,
            EvidenceIds = await records.EvidenceIdsAsync(RecordKind.Meeting, id, cancellationToken),
        };
    }
}
