using System.Globalization;
using CharterTracker.Data;

namespace CharterTracker.Offices;

/// <summary>
/// The whole effective-dated office tree held in memory, for the questions a write's score refresh asks about a few
/// offices on a quarter's first day (did it exist, who hung under it, its path, its parents in a year). The tree
/// changes rarely and a write would otherwise walk it in SQL several times; <c>TreeVersions</c> (db 0020, kept by
/// triggers, a random number at each change, never reused by a rolled-back one) tells whether the copy is current, so each use costs one small read — inside a write's transaction, a
/// read of the same state the write sees, on every node of a cluster.
/// </summary>
public sealed class OfficeTreeCache
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private OfficeTreeSnapshot? _snapshot;

    /// <summary>The tree as the session sees it now.</summary>
    public async Task<OfficeTreeSnapshot> CurrentAsync(DbSession db, CancellationToken cancellationToken)
    {
        var version = await db.ExecuteScalarAsync<long>("SELECT Version FROM TreeVersions WHERE Id = 1", null, cancellationToken);
        if (_snapshot is { } held && held.Version == version) return held;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && loaded.Version == version) return loaded;
            // Read after the version, so the rows are at least as new as it: a change in between only makes the next
            // use load again.
            var offices = await db.QueryAsync<OfficeTreeSnapshot.Office>("SELECT Id, Kind, ActiveFrom, ActiveUntil FROM Offices", null, cancellationToken);
            var placements = await db.QueryAsync<OfficeTreeSnapshot.Placement>("SELECT OfficeId, ParentId, ValidFrom, ValidUntil FROM OfficePlacements", null, cancellationToken);
            var snapshot = new OfficeTreeSnapshot(version, offices, placements);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }
}

/// <summary>One version of the tree (<see cref="OfficeTreeCache"/>); the same answers as the SQL walks of <see cref="OfficeTree"/>.</summary>
public sealed class OfficeTreeSnapshot
{
    public sealed class Office
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public DateOnly ActiveFrom { get; init; }
        public DateOnly? ActiveUntil { get; init; }

        public bool ActiveOn(DateOnly day) => ActiveFrom <= day && (ActiveUntil is null || ActiveUntil > day);
    }

    public sealed class Placement
    {
        public long OfficeId { get; init; }
        public long? ParentId { get; init; }
        public DateOnly ValidFrom { get; init; }
        public DateOnly? ValidUntil { get; init; }

        public bool ValidOn(DateOnly day) => ValidFrom <= day && (ValidUntil is null || ValidUntil > day);

        public bool Overlaps(DateOnly start, DateOnly end) => ValidFrom <= end && (ValidUntil is null || ValidUntil > start);
    }

    private readonly Dictionary<long, Office> _offices;
    private readonly ILookup<long, Placement> _placementsOf;
    private readonly ILookup<long, Placement> _placementsUnder;

    internal OfficeTreeSnapshot(long version, IEnumerable<Office> offices, IEnumerable<Placement> placements)
    {
        Version = version;
        _offices = offices.ToDictionary(o => o.Id);
        var all = placements.ToList();
        _placementsOf = all.ToLookup(p => p.OfficeId);
        _placementsUnder = all.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value);
    }

    public long Version { get; }

    /// <summary>The office existed on the day and is not an internal branch: what a period expects records of.</summary>
    public bool ExistsOn(long officeId, DateOnly day) =>
        _offices.TryGetValue(officeId, out var office) && office.Kind != "Branch" && office.ActiveOn(day);

    /// <summary>The offices placed directly under the office on the day that <see cref="ExistsOn"/> then.</summary>
    public IReadOnlyList<long> ChildrenOn(long officeId, DateOnly day) =>
        _placementsUnder[officeId].Where(p => p.ValidOn(day) && ExistsOn(p.OfficeId, day)).Select(p => p.OfficeId).ToList();

    /// <summary>The office's parents at any time between the two days.</summary>
    public IEnumerable<long> ParentsBetween(long officeId, DateOnly start, DateOnly end) =>
        _placementsOf[officeId].Where(p => p.ParentId is not null && p.Overlaps(start, end)).Select(p => p.ParentId!.Value);

    /// <summary>The office's path on the day ('/1/14/203/'), as <see cref="OfficeTree.PathsOnAsync"/> gives it; null for an unknown office.</summary>
    public string? PathOn(long officeId, DateOnly day)
    {
        if (!_offices.ContainsKey(officeId)) return null;
        var chain = new List<long> { officeId };
        var id = officeId;
        for (var hops = 0; hops < 50; hops++)
        {
            var parent = _placementsOf[id].FirstOrDefault(p => p.ValidOn(day) && p.ParentId is not null)?.ParentId;
            if (parent is null) break;
            chain.Add(parent.Value);
            id = parent.Value;
        }
        chain.Reverse();
        return "/" + string.Concat(chain.Select(c => c.ToString(CultureInfo.InvariantCulture) + "/"));
    }
}
