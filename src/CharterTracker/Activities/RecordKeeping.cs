using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.Activities;

/// <summary>
/// What every record kind does the same way: the day it counts as recorded, its evidence links, its history,
/// and the guard that a withdrawn record or a stale version is not edited.
/// </summary>
public sealed class RecordKeeping(DbSession db, CurrentUser user, FiscalCalendar calendar, TimeProvider clock)
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

    /// <summary>Links the evidence files to the record (replacing any earlier links); true when at least one is linked.</summary>
    public async Task<bool> LinkEvidenceAsync(RecordKind kind, long recordId, IReadOnlyCollection<long>? evidenceIds, CancellationToken cancellationToken)
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
        }
        await db.ExecuteAsync("DELETE FROM RecordEvidence WHERE RecordKind = @Kind AND RecordId = @recordId", new { Kind = kind.ToString(), recordId }, cancellationToken);
        foreach (var evidenceId in ids)
        {
            await db.ExecuteAsync("INSERT INTO RecordEvidence (RecordKind, RecordId, EvidenceId) VALUES (@Kind, @recordId, @evidenceId)",
                new { Kind = kind.ToString(), recordId, evidenceId }, cancellationToken);
        }
        return ids.Count > 0;
    }

    public async Task<IReadOnlyList<long>> EvidenceIdsAsync(RecordKind kind, long recordId, CancellationToken cancellationToken) =>
        await db.QueryAsync<long>("SELECT EvidenceId FROM RecordEvidence WHERE RecordKind = @Kind AND RecordId = @recordId ORDER BY EvidenceId",
            new { Kind = kind.ToString(), recordId }, cancellationToken);

    /// <summary>Refuses an edit of a withdrawn record or of a version the caller did not see (409).</summary>
    public async Task<int> EnsureEditableAsync(RecordKind kind, long recordId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<EditableState>(
            $"SELECT Version, CASE WHEN WithdrawnAtUtc IS NULL THEN 0 ELSE 1 END AS Withdrawn FROM {RecordTables.Of(kind)} WHERE Id = @recordId",
            new { recordId }, cancellationToken)
            ?? throw new NotFoundException($"{kind} {recordId} does not exist.");
        if (row.Withdrawn) throw new ConflictException($"{kind} {recordId} was withdrawn; it can no longer be changed.");
        if (expectedVersion is { } expected && expected != row.Version)
        {
            throw new ConflictException($"{kind} {recordId} is at version {row.Version}, not {expected}: someone changed it meanwhile. Reload and edit again.", "version");
        }
        return (int)row.Version;
    }

    /// <summary>Keeps what the record held before a change, as JSON, with who changed it and when.</summary>
    public Task WriteHistoryAsync(RecordKind kind, long recordId, int version, string change, object snapshot, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "INSERT INTO RecordHistory (RecordKind, RecordId, Version, Change, Snapshot, ChangedBy, ChangedAtUtc) VALUES (@Kind, @recordId, @version, @change, @Snapshot, @Who, @Now)",
            new { Kind = kind.ToString(), recordId, version, change, Snapshot = JsonSerializer.Serialize(snapshot, snapshot.GetType(), ApiJson.Options), Who, Now },
            cancellationToken);

    private sealed class EditableState
    {
        public long Version { get; init; }
        public bool Withdrawn { get; init; }
    }
}
