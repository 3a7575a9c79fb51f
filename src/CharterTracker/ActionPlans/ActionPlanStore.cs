using System.Text.Json;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.ActionPlans;

/// <summary>Plans are stored whole, as the JSON document the API imports and exports.</summary>
public sealed class ActionPlanStore(DbSession db, TimeProvider clock, ActionPlanCache documents)
{
    private readonly Dictionary<string, ActionPlan?> _read = [];

    private sealed class Stamp
    {
        public long Id { get; init; }
        public long Version { get; init; }
    }

    public async Task<ActionPlan?> FindAsync(string fiscalYear, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(fiscalYear, out var cached)) return cached;
        // Every write and read of scores needs the plan: its row's id and version say whether the copy this process
        // read before is still the plan, so the document is read and parsed only when it changed.
        var stamp = await db.QuerySingleOrDefaultAsync<Stamp>("SELECT Id, Version FROM ActionPlans WHERE FiscalYear = @fiscalYear", new { fiscalYear }, cancellationToken);
        if (stamp is null) return _read[fiscalYear] = null;
        if (documents.Find(fiscalYear, stamp.Id, stamp.Version) is { } known) return _read[fiscalYear] = known;
        var document = await db.QuerySingleOrDefaultAsync<string>("SELECT Document FROM ActionPlans WHERE Id = @Id AND Version = @Version", stamp, cancellationToken);
        if (document is null) return _read[fiscalYear] = null;
        var plan = JsonSerializer.Deserialize<ActionPlan>(document, ApiJson.Options);
        if (plan is not null) documents.Keep(fiscalYear, stamp.Id, stamp.Version, plan);
        return _read[fiscalYear] = plan;
    }

    public async Task<ActionPlan> GetAsync(string fiscalYear, CancellationToken cancellationToken) =>
        await FindAsync(fiscalYear, cancellationToken) ?? throw new NotFoundException($"There is no action plan for fiscal year {fiscalYear}.");

    /// <summary>
    /// The year a validated read request names, or — when it names none — the year the dashboard opens on: today's
    /// fiscal year when it has a plan, otherwise the latest planned year before it (the first planned one when all lie
    /// ahead). Validators let the name be left out with <c>OptionalFiscalYearName</c>.
    /// </summary>
    public async Task<FiscalYear> YearOrRunningAsync(FiscalCalendar calendar, string? name, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(name)) return calendar.Year(name);
        var today = calendar.YearOf(calendar.Today);
        var planned = await FiscalYearsAsync(cancellationToken);
        if (planned.Count == 0 || planned.Contains(today.Name)) return today;
        return calendar.Year(planned.Where(y => string.CompareOrdinal(y, today.Name) < 0).OrderBy(y => y, StringComparer.Ordinal).LastOrDefault() ?? planned[0]);
    }

    public async Task<IReadOnlyList<string>> FiscalYearsAsync(CancellationToken cancellationToken) =>
        await db.QueryAsync<string>("SELECT FiscalYear FROM ActionPlans ORDER BY FiscalYear", null, cancellationToken);

    public async Task SaveAsync(ActionPlan plan, string who, CancellationToken cancellationToken)
    {
        var document = JsonSerializer.Serialize(plan, ApiJson.Options);
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.ExecuteAsync(
            "UPDATE ActionPlans SET Document = @document, Version = Version + 1, UpdatedBy = @who, UpdatedAtUtc = @now WHERE FiscalYear = @FiscalYear",
            new { document, who, now, plan.FiscalYear }, cancellationToken);
        if (updated == 0)
        {
            await db.ExecuteAsync(
                "INSERT INTO ActionPlans (FiscalYear, Document, Version, UpdatedBy, UpdatedAtUtc) VALUES (@FiscalYear, @document, 1, @who, @now)",
                new { plan.FiscalYear, document, who, now }, cancellationToken);
        }
        _read[plan.FiscalYear] = plan;
    }
}

/// <summary>
/// The plans this process has parsed, by fiscal year, with the row id and version they were read at (a plan is an
/// immutable record, so one copy serves every request).
/// </summary>
public sealed class ActionPlanCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Id, long Version, ActionPlan Plan)> _plans = new();

    public ActionPlan? Find(string fiscalYear, long id, long version) =>
        _plans.TryGetValue(fiscalYear, out var held) && held.Id == id && held.Version == version ? held.Plan : null;

    public void Keep(string fiscalYear, long id, long version, ActionPlan plan) => _plans[fiscalYear] = (id, version, plan);
}
