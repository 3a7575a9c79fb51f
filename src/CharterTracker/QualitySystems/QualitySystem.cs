using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.QualitySystems;

/// <summary>A quality system as an office adopted it, with its names (the catalog's, or the office's own).</summary>
public sealed record QualitySystem : IIdentifiedResult
{
    public long Id { get; init; }
    public long OfficeId { get; init; }

    /// <summary>ISO9001, PSO-01 … PSO-10, or OWN.</summary>
    public string SystemCode { get; init; } = "";
    public QualityStandard Standard { get; init; }
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";
    public DateOnly AdoptedOn { get; init; }
    public DateOnly? RetiredOn { get; init; }
    public string? RetiredReason { get; init; }
    public int Version { get; init; }
    public IReadOnlyList<QualityIndicator> Indicators { get; init; } = [];

    /// <summary>In force on some day of the period.</summary>
    public bool InForce(DateOnly start, DateOnly end) => AdoptedOn <= end && (RetiredOn is null || RetiredOn >= start);
}

/// <summary>The statements the quality system use cases share: reading adoptions with their catalog names.</summary>
internal static class QualitySystemStore
{
    private sealed class Row
    {
        public long Id { get; init; }
        public long OfficeId { get; init; }
        public string SystemCode { get; init; } = "";
        public string? NameBn { get; init; }
        public string? NameEn { get; init; }
        public DateOnly AdoptedOn { get; init; }
        public DateOnly? RetiredOn { get; init; }
        public string? RetiredReason { get; init; }
        public int Version { get; init; }
    }

    private const string Select = "SELECT Id, OfficeId, SystemCode, NameBn, NameEn, AdoptedOn, RetiredOn, RetiredReason, Version FROM QualitySystemAdoptions";

    /// <summary>For access demands: the office an adoption belongs to.</summary>
    public static OfficeLookup OfficeOf(long id) => new("SELECT OfficeId FROM QualitySystemAdoptions WHERE Id = @Id", id, $"Quality system {id} does not exist.");

    public static async Task<QualitySystem> GetAsync(DbSession db, long id, CancellationToken cancellationToken) =>
        Named(await db.QuerySingleOrDefaultAsync<Row>(Select + " WHERE Id = @id", new { id }, cancellationToken)
              ?? throw new NotFoundException($"Quality system {id} does not exist."));

    /// <summary>The offices' adoptions, oldest first.</summary>
    public static async Task<IReadOnlyList<QualitySystem>> OfOfficesAsync(DbSession db, IReadOnlyCollection<long> officeIds, CancellationToken cancellationToken) =>
        officeIds.Count == 0 ? [] : (await db.QueryAsync<Row>(Select + " WHERE OfficeId IN @officeIds ORDER BY AdoptedOn, Id", new { officeIds }, cancellationToken)).Select(Named).ToList();

    private static QualitySystem Named(Row row)
    {
        var known = QualitySystemCatalog.Find(row.SystemCode);
        return new QualitySystem
        {
            Id = row.Id,
            OfficeId = row.OfficeId,
            SystemCode = row.SystemCode,
            Standard = known?.Standard ?? QualityStandard.Own,
            NameBn = known?.NameBn ?? row.NameBn ?? "",
            NameEn = known?.NameEn ?? (string.IsNullOrWhiteSpace(row.NameEn) ? row.NameBn ?? "" : row.NameEn),
            AdoptedOn = row.AdoptedOn,
            RetiredOn = row.RetiredOn,
            RetiredReason = row.RetiredReason,
            Version = row.Version,
        };
    }
}
