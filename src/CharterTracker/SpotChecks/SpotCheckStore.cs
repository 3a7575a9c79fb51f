using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.SpotChecks;

/// <summary>The statements the spot check use cases share: the population a draw reads, and a spot check with its items.</summary>
public sealed class SpotCheckStore(DbSession db)
{
    /// <summary>
    /// Every service of the latest charter each office of the subtree (<c>@Prefix</c>, open on <c>@Today</c>) had
    /// published by <c>@Today</c>.
    /// </summary>
    public Task<IReadOnlyList<SampledService>> PopulationAsync(string subtreePrefix, DateOnly today, CancellationToken cancellationToken) =>
        db.QueryAsync<SampledService>(
            """
            SELECT v.OfficeId, v.Id AS CharterVersionId, s.ServiceId
            FROM Offices o
            JOIN CharterVersions v ON v.OfficeId = o.Id AND v.Status = 'Published'
            JOIN CharterServices s ON s.CharterVersionId = v.Id
            WHERE o.Path LIKE @Prefix AND o.ActiveFrom <= @Today AND (o.ActiveUntil IS NULL OR o.ActiveUntil > @Today)
              AND v.Version = (SELECT MAX(l.Version) FROM CharterVersions l
                               WHERE l.OfficeId = o.Id AND l.Status = 'Published' AND l.PublishedOn <= @Today)
            ORDER BY v.OfficeId, s.ServiceId
            """, new { Prefix = subtreePrefix + "%", Today = today }, cancellationToken);

    /// <summary>The services of the charter versions a spot check drew from: its population, to repeat its draw.</summary>
    public Task<IReadOnlyList<SampledService>> PopulationOfAsync(long spotCheckId, CancellationToken cancellationToken) =>
        db.QueryAsync<SampledService>(
            """
            SELECT v.OfficeId, v.Id AS CharterVersionId, s.ServiceId
            FROM SpotCheckCharters c
            JOIN CharterVersions v ON v.Id = c.CharterVersionId
            JOIN CharterServices s ON s.CharterVersionId = v.Id
            WHERE c.SpotCheckId = @spotCheckId
            ORDER BY v.OfficeId, s.ServiceId
            """, new { spotCheckId }, cancellationToken);

    public async Task<SpotCheck> GetAsync(long id, CancellationToken cancellationToken)
    {
        var check = await db.QuerySingleOrDefaultAsync<SpotCheck>($"SELECT {SpotCheck.Columns} FROM SpotChecks WHERE Id = @id", new { id }, cancellationToken)
            ?? throw new NotFoundException($"Spot check {id} does not exist.");
        var items = await db.QueryAsync<SpotCheckItem>(SpotCheckItem.Select + " WHERE i.SpotCheckId = @id ORDER BY i.Position", new { id }, cancellationToken);
        var evidence = (await db.QueryAsync<(long ItemId, long EvidenceId)>(
                "SELECT e.ItemId, e.EvidenceId FROM SpotCheckItemEvidence e JOIN SpotCheckItems i ON i.Id = e.ItemId WHERE i.SpotCheckId = @id ORDER BY e.EvidenceId",
                new { id }, cancellationToken))
            .ToLookup(e => e.ItemId, e => e.EvidenceId);
        var versions = await db.QueryAsync<long>("SELECT CharterVersionId FROM SpotCheckCharters WHERE SpotCheckId = @id ORDER BY CharterVersionId", new { id }, cancellationToken);
        return check with { Items = items.Select(i => i with { EvidenceIds = evidence[i.ItemId].ToList() }).ToList(), CharterVersionIds = versions };
    }

    /// <summary>The office's place in today's tree (<c>/1/14/</c>): its subtree is every path that starts with it.</summary>
    public async Task<string> PathOfAsync(long officeId, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<string>("SELECT Path FROM Offices WHERE Id = @officeId", new { officeId }, cancellationToken)
        ?? throw new NotFoundException($"Office {officeId} does not exist.");

    /// <summary>Who oversees a spot check: the committee of the office it was drawn for.</summary>
    public static Access.OfficeLookup OfficeOf(long id) => new("SELECT OfficeId FROM SpotChecks WHERE Id = @Id", id, $"Spot check {id} does not exist.");
}
