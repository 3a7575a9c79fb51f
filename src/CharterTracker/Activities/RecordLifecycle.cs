using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Scoring;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Evidence;
using CharterTracker.Pipeline;

namespace CharterTracker.Activities;

/// <summary>
/// A record's life from recording to editing, whatever its kind (named for that): the day it counts as recorded, the
/// period that must still take it, its row and evidence links, its history, and the guard that a withdrawn record or a
/// stale version is not edited.
/// </summary>
public sealed class RecordLifecycle(DbSession db, CurrentUser user, FiscalCalendar calendar, TimeProvider clock,
    ActionPlanStore plans, ScoringData scoring, ChangedPeriods changed, EvidenceAccess evidence)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string Who => user.Username;

    /// <summary>
    /// Done or Late is decided by the day a record was recorded. Only a SystemAdmin back-filling history may say
    /// another day; such a record is marked as back-filled (and its audit row carries the recordedOn it claimed).
    /// </summary>
    public (DateOnly RecordedOn, bool BackFilled) RecordedOn(DateOnly? claimed)
    {
        if (claimed is null) return (calendar.Today, false);
        if (user.Role != Role.SystemAdmin)
        {
            throw new RequestValidationException("recordedOn", "Only a system administrator back-filling history may set the day a record was recorded.");
        }
        if (claimed.Value > calendar.Today)
        {
            throw new RequestValidationException("recordedOn", "The day a record was recorded cannot be in the future.");
        }
        return (claimed.Value, true);
    }

    /// <summary>
    /// Refuses (409) a record the period cannot take: one for an office that was not in the tree on the quarter's
    /// first day (or is an internal branch), one whose kind feeds only the other variant of an indicator (an office with
    /// subordinates holds a coordination meeting, not a stakeholder awareness meeting), or one for a period locked
    /// since its lock date — unless the parent office granted an exception or a SystemAdmin is back-filling history.
    /// Marks the office's scores for refreshing when the command commits.
    /// </summary>
    public async Task EnsureRecordableAsync(long officeId, string fiscalYear, int? quarter, ActivityFeed? feed, CancellationToken cancellationToken)
    {
        using var span = Spans.Start("recordable");
        changed.Office(officeId, fiscalYear);
        if (changed.WantsParentInput(officeId, fiscalYear))
        {
            // Before the command changes anything: whether its parents must be refreshed is judged against this.
            changed.ParentInputBefore(officeId, fiscalYear, (await ParentInputs.ReadAsync(db, [officeId], fiscalYear, cancellationToken))[officeId]);
        }
        var year = calendar.Year(fiscalYear);
        var plan = await plans.FindAsync(year.Name, cancellationToken);
        if (plan is null) return;

        var facts = (await scoring.LoadAsync(year, [officeId], cancellationToken, RecordDetail.None))[officeId];
        var period = quarter is { } q ? $"{year.Name} Q{q}" : year.Name;
        var periodBn = BengaliDigits.ToBengali(year.Name) + " অর্থবছর" + (quarter is { } bq ? $"ের {BengaliDigits.ToBengali(bq)} নম্বর ত্রৈমাসিক" : "");
        var expected = quarter is { } number ? facts.Quarters[number].Expected : facts.ExpectedInYear;
        if (!expected)
        {
            var kind = await db.QuerySingleOrDefaultAsync<string>("SELECT Kind FROM Offices WHERE Id = @officeId", new { officeId }, cancellationToken);
            throw new ConflictException(kind == "Branch"
                ? Say.Text("এটি একটি অভ্যন্তরীণ শাখা: এর দপ্তর এর পক্ষে লিপিবদ্ধ করে।", $"Office {officeId} is an internal branch: its office records for it.")
                : Say.Text($"{periodBn}-এর প্রথম দিনে দপ্তরটি দপ্তর-কাঠামোতে ছিল না: তখন এর কাছে কিছু প্রত্যাশিত নয়।",
                    $"Office {officeId} was not part of the office tree on the first day of {period}: nothing is expected of it then."));
        }
        var fed = plan.Indicators.Where(i => i.OfficeId is null && i.FedBy == feed).ToList();
        if (feed is not null && fed.Count > 0)
        {
            var hasSubordinates = quarter is { } n ? facts.Quarters[n].HasSubordinates : facts.HasSubordinatesForYear;
            if (!fed.Any(i => i.AppliesTo(hasSubordinates, officeId)))
            {
                var applies = plan.Indicators.Where(i => i.OfficeId is null && fed.Any(f => f.AlternativeOf == i.Code || i.AlternativeOf == f.Code) && i.AppliesTo(hasSubordinates, officeId));
                var codes = string.Join("/", fed.Select(f => f.Code));
                var other = applies.FirstOrDefault();
                throw new ConflictException(Say.Text(
                    $"{periodBn}-এ দপ্তরটির {(hasSubordinates ? "আওতাধীন দপ্তর আছে" : "কোনো আওতাধীন দপ্তর নেই")}, তাই সূচক {BengaliDigits.ToBengali(codes)} এর জন্য প্রযোজ্য নয়"
                    + (other is not null ? $"; এর সূচক {BengaliDigits.ToBengali(other.Code)} ({other.TextBn})।" : "।"),
                    $"Office {officeId} {(hasSubordinates ? "has" : "has no")} subordinate offices in {period}, so indicator {codes} does not apply to it"
                    + (other is not null ? $"; its indicator is {other.Code} ({other.TextEn})." : ".")));
            }
        }

        var periodEnd = quarter is { } p ? year.Quarter(p).End : year.End;
        var lockedAfter = periodEnd.AddDays((quarter is null ? plan.AnnualDueDays : plan.QuarterlyDueDays) + plan.LockDays);
        if (calendar.Today > lockedAfter && user.Role != Role.SystemAdmin)
        {
            var exception = await db.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM LockExceptions WHERE OfficeId = @officeId AND FiscalYear = @Name AND Quarter = @Quarter AND OpenUntil >= @Today",
                new { officeId, year.Name, Quarter = quarter ?? 0, calendar.Today }, cancellationToken);
            if (exception == 0)
            {
                throw new ConflictException(Say.Text(
                    $"{periodBn} {BengaliDigits.Date(lockedAfter)} তারিখের পর বন্ধ হয়ে গেছে; ঊর্ধ্বতন দপ্তরের কাছে ব্যতিক্রম অনুমোদন চান।",
                    $"{period} was locked after {lockedAfter:yyyy-MM-dd}; ask the parent office for a lock exception."));
            }
        }
    }

    /// <summary>
    /// Inserts a new record into <paramref name="table"/>: the kind's column values (named after their columns), the
    /// office, the day it counts as recorded (see <see cref="RecordedOn"/>, checked first by the handler) and the new
    /// record's metadata; then links its evidence. Returns the new id.
    /// </summary>
    public async Task<long> InsertAsync(RecordTable table, long officeId, (DateOnly RecordedOn, bool BackFilled) recorded, RecordFields fields,
        object columns, CancellationToken cancellationToken)
    {
        using var span = Spans.Start("insert");
        // A new record has no links yet: its evidence is checked first, so the row is written once, with HasEvidence.
        var evidenceIds = await ReadableEvidenceAsync(fields.EvidenceIds, cancellationToken);
        var parameters = new Dapper.DynamicParameters(columns);
        parameters.AddDynamicParams(new { OfficeId = officeId, HasEvidence = evidenceIds.Count > 0 || fields.HasEvidence == true, recorded.RecordedOn, recorded.BackFilled, Who, Now });
        var id = await db.InsertAsync(table.Insert, parameters, cancellationToken);
        await InsertLinksAsync(table.Kind, id, evidenceIds, cancellationToken);
        return id;
    }

    /// <summary>Writes an edited record's column values and a new version; then links its evidence.</summary>
    public async Task UpdateAsync(RecordTable table, long id, RecordFields fields, object columns, CancellationToken cancellationToken)
    {
        var parameters = new Dapper.DynamicParameters(columns);
        parameters.AddDynamicParams(new { Id = id, Now });
        await db.ExecuteAsync(table.Update, parameters, cancellationToken);
        await SetEvidenceAsync(table, id, fields, cancellationToken);
    }

    /// <summary>The record has evidence when a file is linked or the focal point holds it on paper.</summary>
    private async Task SetEvidenceAsync(RecordTable table, long id, RecordFields fields, CancellationToken cancellationToken)
    {
        var linked = await LinkEvidenceAsync(table.Kind, id, fields.EvidenceIds, cancellationToken);
        await db.ExecuteAsync($"UPDATE {table.Name} SET HasEvidence = @has WHERE Id = @id", new { has = linked || fields.HasEvidence == true, id }, cancellationToken);
    }

    /// <summary>
    /// Links the evidence files to the record (replacing any earlier links); true when at least one is linked. A file
    /// the caller may not download is refused (403): a link would let the record's readers, the caller among them,
    /// download it. Checked before the old links go, so the files a record already has stay linkable by its editors.
    /// </summary>
    public async Task<bool> LinkEvidenceAsync(RecordKind kind, long recordId, IReadOnlyCollection<long>? evidenceIds, CancellationToken cancellationToken)
    {
        var ids = await ReadableEvidenceAsync(evidenceIds, cancellationToken);
        await db.ExecuteAsync("DELETE FROM RecordEvidence WHERE RecordKind = @Kind AND RecordId = @recordId", new { Kind = kind.ToString(), recordId }, cancellationToken);
        await InsertLinksAsync(kind, recordId, ids, cancellationToken);
        return ids.Count > 0;
    }

    /// <summary>The distinct evidence ids, each an existing file the caller may download (400 for an unknown id, 403 for another's file).</summary>
    private async Task<IReadOnlyList<long>> ReadableEvidenceAsync(IReadOnlyCollection<long>? evidenceIds, CancellationToken cancellationToken)
    {
        var ids = (evidenceIds ?? []).Distinct().ToList();
        if (ids.Count > 0)
        {
            var known = await db.QueryAsync<long>("SELECT Id FROM EvidenceFiles WHERE Id IN @ids", new { ids }, cancellationToken);
            var unknown = ids.Except(known).ToList();
            if (unknown.Count > 0)
            {
                throw new RequestValidationException("evidenceIds", $"No evidence file has id {string.Join(", ", unknown)}: upload it first (POST /api/v1/evidence).");
            }
            foreach (var evidenceId in ids)
            {
                await evidence.EnsureReadableAsync(evidenceId, cancellationToken);
            }
        }
        return ids;
    }

    private async Task InsertLinksAsync(RecordKind kind, long recordId, IReadOnlyList<long> evidenceIds, CancellationToken cancellationToken)
    {
        foreach (var evidenceId in evidenceIds)
        {
            await db.ExecuteAsync("INSERT INTO RecordEvidence (RecordKind, RecordId, EvidenceId) VALUES (@Kind, @recordId, @evidenceId)",
                new { Kind = kind.ToString(), recordId, evidenceId }, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<long>> EvidenceIdsAsync(RecordKind kind, long recordId, CancellationToken cancellationToken) =>
        await db.QueryAsync<long>("SELECT EvidenceId FROM RecordEvidence WHERE RecordKind = @Kind AND RecordId = @recordId ORDER BY EvidenceId",
            new { Kind = kind.ToString(), recordId }, cancellationToken);

    /// <summary>
    /// Refuses an edit of a withdrawn record or of a version the caller did not see (409). Returns the version the
    /// edit replaces and the record's office.
    /// </summary>
    public async Task<(int Version, long OfficeId)> EnsureEditableAsync(RecordKind kind, long recordId, int expectedVersion, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<EditableState>(
            $"""
            SELECT Version, CASE WHEN WithdrawnAtUtc IS NULL THEN 0 ELSE 1 END AS Withdrawn, OfficeId, FiscalYear, Quarter
            FROM {RecordTables.Of(kind)} WHERE Id = @recordId
            """,
            new { recordId }, cancellationToken)
            ?? throw new NotFoundException($"{kind} {recordId} does not exist.");
        if (row.Withdrawn)
        {
            throw new ConflictException(Say.Text("রেকর্ডটি প্রত্যাহার করা হয়েছে; এটি আর পরিবর্তন করা যায় না।", $"{kind} {recordId} was withdrawn; it can no longer be changed."));
        }
        if (expectedVersion != row.Version)
        {
            throw new ConflictException(Say.Text(
                $"আপনি সংস্করণ {BengaliDigits.ToBengali(expectedVersion)} খোলার পর অন্য কেউ রেকর্ডটি পরিবর্তন করেছেন (এখন সংস্করণ {BengaliDigits.ToBengali(row.Version)})।",
                $"{kind} {recordId} is at version {row.Version}, not {expectedVersion}: someone changed it meanwhile. Reload and edit again."), "version");
        }
        // The period the record counts for now must still be open to change it.
        await EnsureRecordableAsync(row.OfficeId, row.FiscalYear, row.Quarter, null, cancellationToken);
        return ((int)row.Version, row.OfficeId);
    }

    /// <summary>Keeps what the record held before a change, as JSON, with who changed it and when.</summary>
    public Task WriteHistoryAsync(RecordKind kind, long recordId, int version, string change, object snapshot, CancellationToken cancellationToken) =>
        WriteHistoryAsync(kind.ToString(), recordId, version, change, snapshot, cancellationToken);

    /// <summary>The same for what is kept like a record without being one (a quality indicator's definition).</summary>
    public Task WriteHistoryAsync(string kind, long recordId, int version, string change, object snapshot, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            INSERT INTO RecordHistory (RecordKind, RecordId, Version, Change, Snapshot, ChangedBy, ChangedAtUtc)
            VALUES (@Kind, @recordId, @version, @change, @Snapshot, @Who, @Now)
            """,
            new { Kind = kind, recordId, version, change, Snapshot = JsonSerializer.Serialize(snapshot, snapshot.GetType(), ApiJson.Options), Who, Now },
            cancellationToken);

    private sealed class EditableState
    {
        public long Version { get; init; }
        public bool Withdrawn { get; init; }
        public long OfficeId { get; init; }
        public string FiscalYear { get; init; } = "";
        public int? Quarter { get; init; }
    }
}
