using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.CharterUpdates;

/// <summary>An office's charter, updated in a quarter and uploaded to the Cabinet Division's portal.</summary>
public sealed record CharterUpdate : RecordMetadata, IIdentifiedResult
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public string FiscalYear { get; init; } = "";
    public int Quarter { get; init; }
    public DateOnly UpdatedOn { get; init; }
    public string? PortalReference { get; init; }
    public string? Notes { get; init; }
}

/// <summary>
/// The fields a focal point fills in for a charter update. <see cref="RecordCharterUpdateCommand"/> and
/// <see cref="EditCharterUpdateCommand"/> are these fields with what identifies the record.
/// </summary>
public record CharterUpdateFields : RecordFields
{
    public int? Quarter { get; init; }
    public DateOnly? UpdatedOn { get; init; }

    /// <summary>The reference of the upload to the Cabinet Division's portal (nis.cabinet.gov.bd).</summary>
    public string? PortalReference { get; init; }
    public string? Notes { get; init; }
}

internal static class CharterUpdateStore
{
    public static readonly RecordTable Table = new(RecordKind.CharterUpdate,
    [
        "FiscalYear",
        "Quarter",
        "UpdatedOn",
        "PortalReference",
        "Notes",
    ]);

    /// <summary>The fields as <see cref="Table"/>'s column values.</summary>
    public static object Columns(CharterUpdateFields fields) => new
    {
        fields.FiscalYear,
        fields.Quarter,
        fields.UpdatedOn,
        PortalReference = fields.PortalReference?.Trim(),
        fields.Notes,
    };

    public static async Task<CharterUpdate> GetAsync(DbSession db, RecordLifecycle records, long id, CancellationToken cancellationToken)
    {
        var update = await db.QuerySingleOrDefaultAsync<CharterUpdate>(Table.Select + " WHERE Id = @id", new { id }, cancellationToken)
            ?? throw new NotFoundException($"Charter update {id} does not exist.");
        return update with { EvidenceIds = await records.EvidenceIdsAsync(RecordKind.CharterUpdate, id, cancellationToken) };
    }
}
