using System.Globalization;
using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;
using FluentValidation;
using MediatR;

namespace CharterTracker.Monitoring;

/// <summary>An office's place among the offices of a subtree in a period, with where it stood then.</summary>
public sealed record RankedOffice
{
    /// <summary>Equal scores share a rank, and the next rank skips (1, 2, 2, 4).</summary>
    public int Rank { get; init; }
    public long OfficeId { get; init; }
    public string Code { get; init; } = "";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";

    /// <summary>Its parent office in that period (null for the subtree's top office when it is a root).</summary>
    public long? ParentId { get; init; }
    public string? ParentNameBn { get; init; }
    public string? ParentNameEn { get; init; }

    /// <summary>
    /// The quarter score (0–100), or the annual score when no quarter is given. In a quarter under way it is over the
    /// items recorded so far; null (and no rank) for an office that has recorded nothing of it yet.
    /// </summary>
    public decimal? Score { get; init; }
    public int Expected { get; init; }

    /// <summary>Expected items recorded, on time or late.</summary>
    public int Completed { get; init; }

    /// <summary>What made the score: the period's expected items by status.</summary>
    public int Done { get; init; }
    public int Late { get; init; }
    public int Missed { get; init; }
    public int Pending { get; init; }

    /// <summary>Quarter: each expected item with its weight, status and marks (the score is their marks over their weights × 100).</summary>
    public IReadOnlyList<RankedItem> Items { get; init; } = [];
}

/// <summary>One expected item behind a ranked score: an indicator, its weight, what became of it and the marks it earned.</summary>
public sealed record RankedItem(string Code, decimal Weight, ItemStatus Status, decimal Marks, bool Counted);

/// <summary>
/// Every office of the subtree (the office included, internal branches not) ranked by its score in the period, the
/// tree as it stood then: highest first, or lowest first, a page at a time.
/// </summary>
public sealed record RankOfficesQuery(long OfficeId, string? FiscalYear, int? Quarter) : IQuery<PageOf<RankedOffice>>, IPagedQuery
{
    /// <summary>Lowest scores first (the offices that need help).</summary>
    public bool Lowest { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class RankOfficesValidator : AbstractValidator<RankOfficesQuery>
{
    public RankOfficesValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).OptionalFiscalYearName(calendar);
        RuleFor(q => q.Quarter).OptionalQuarterNumber();
        this.ValidatePaging();
    }
}

public sealed class RankOfficesHandler(DbSession db, FiscalCalendar calendar, ActionPlanStore plans) : IRequestHandler<RankOfficesQuery, PageOf<RankedOffice>>
{
    private const string Rows = "FROM OfficeScores s WHERE s.FiscalYear = @Name AND s.Quarter = @Quarter AND s.Path LIKE @Prefix";

    /// <summary>
    /// How many offices have each score: every rank follows from it, without numbering all the rows. The score column is
    /// named outright (<see cref="PeriodPhases.ScoreColumnOf"/>): the statements read a ministry's 25,000 rows.
    /// </summary>
    private static string ScoreCounts(int soFar) => $"SELECT {PeriodPhases.ScoreColumnOf(soFar)} AS ScoreHundredths, COUNT(*) AS Offices {Rows} GROUP BY {PeriodPhases.ScoreColumnOf(soFar)}";

    /// <summary>Offices without a score yet (a quarter under way, nothing recorded) come last in either order.</summary>
    /// <param name="bounded">The page lies among the scores at or past @Threshold (known from the counts): only those rows are joined and sorted.</param>
    private static string PageSql(Dialect dialect, RankOfficesQuery query, int soFar, bool bounded) => $"""
        SELECT s.OfficeId, o.Code, o.NameBn, o.NameEn, s.Path, {PeriodPhases.ScoreColumnOf(soFar)} AS ScoreHundredths, s.Expected, s.OnTime + s.Late AS Completed
        FROM OfficeScores s JOIN Offices o ON o.Id = s.OfficeId
        WHERE s.FiscalYear = @Name AND s.Quarter = @Quarter AND s.Path LIKE @Prefix{(bounded ? $" AND {PeriodPhases.ScoreColumnOf(soFar)} {(query.Lowest ? "<=" : ">=")} @Threshold" : "")}
        ORDER BY CASE WHEN {PeriodPhases.ScoreColumnOf(soFar)} IS NULL THEN 1 ELSE 0 END, {PeriodPhases.ScoreColumnOf(soFar)}{(query.Lowest ? "" : " DESC")}, o.Code
        {query.Limit(dialect)}
        """;

    /// <summary>The expected items of the page's offices in the period (for the year: every item of the year).</summary>
    private const string ItemsSql = """
        SELECT i.OfficeId, i.Quarter, i.IndicatorCode, i.DueOn, i.RecordedOn, i.ScoreHundredths FROM ExpectedItems i
        WHERE i.OfficeId IN @ids AND i.FiscalYear = @Name AND (@Quarter = 0 OR i.Quarter = @Quarter)
        ORDER BY i.OfficeId, i.Quarter, i.IndicatorCode
        """;

    private sealed class ScoreCount
    {
        public long? ScoreHundredths { get; init; }
        public int Offices { get; init; }
    }

    private sealed class ItemRow
    {
        public long OfficeId { get; init; }
        public int Quarter { get; init; }
        public string IndicatorCode { get; init; } = "";
        public DateOnly DueOn { get; init; }
        public DateOnly? RecordedOn { get; init; }
        public long? ScoreHundredths { get; init; }
    }

    private sealed class Row
    {
        public long OfficeId { get; init; }
        public string Code { get; init; } = "";
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string Path { get; init; } = "";
        public long? ScoreHundredths { get; init; }
        public int Expected { get; init; }
        public int Completed { get; init; }
    }

    public async Task<PageOf<RankedOffice>> Handle(RankOfficesQuery query, CancellationToken cancellationToken)
    {
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var quarter = query.Quarter ?? 0;
        var plan = await plans.FindAsync(year.Name, cancellationToken);
        var today = calendar.Today;
        var parameters = new
        {
            year.Name, Quarter = quarter, Prefix = await OfficePeriods.PrefixAsync(db, query.OfficeId, year, quarter, cancellationToken),
            Skip = query.Skip(), Take = query.PageSize, SoFar = PeriodPhases.SoFar(plan, year, quarter, today),
        };
        var counts = await db.QueryAsync<ScoreCount>(ScoreCounts(parameters.SoFar), parameters, cancellationToken);
        // Equal scores share a rank and the next rank skips: one more than the offices scoring higher.
        var rankOf = new Dictionary<long, int>();
        var higher = 0;
        foreach (var count in counts.Where(c => c.ScoreHundredths is not null).OrderByDescending(c => c.ScoreHundredths))
        {
            rankOf[count.ScoreHundredths!.Value] = higher + 1;
            higher += count.Offices;
        }
        var total = higher + counts.Where(c => c.ScoreHundredths is null).Sum(c => c.Offices);
        // The scores the page reaches to, in the list's order: rows past them cannot be on it (offices without a score
        // come last, so a page that ends among the scored needs none of them).
        long? threshold = null;
        if (query.PageSize > 0)
        {
            var scored = counts.Where(c => c.ScoreHundredths is not null);
            var seen = 0;
            foreach (var count in query.Lowest ? scored.OrderBy(c => c.ScoreHundredths) : scored.OrderByDescending(c => c.ScoreHundredths))
            {
                seen += count.Offices;
                if (seen >= query.Skip() + query.PageSize) { threshold = count.ScoreHundredths; break; }
            }
        }
        var page = new Dapper.DynamicParameters(parameters);
        page.Add("Threshold", threshold);
        var rows = await db.QueryAsync<Row>(SqlText.Build(dialect => PageSql(dialect, query, parameters.SoFar, threshold is not null)), page, cancellationToken);
        var parents = await OfficeNames.OfAsync(db, rows.Select(r => OfficeNames.ParentInPath(r.Path)), cancellationToken);
        var weights = plan?.Indicators.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First().Weight) ?? [];
        var itemsOf = (await db.QueryAsync<ItemRow>(ItemsSql, new { ids = rows.Select(r => r.OfficeId).ToList(), year.Name, Quarter = quarter }, cancellationToken))
            .ToLookup(i => i.OfficeId);
        var soFar = parameters.SoFar == 1;
        var items = rows.Select(r =>
        {
            var parent = OfficeNames.ParentInPath(r.Path);
            var name = parent is { } id && parents.TryGetValue(id, out var found) ? found : ((string Bn, string En)?)null;
            var ranked = new RankedOffice
            {
                Rank = r.ScoreHundredths is { } score ? rankOf[score] : 0, OfficeId = r.OfficeId, Code = r.Code, NameBn = r.NameBn, NameEn = r.NameEn,
                ParentId = parent, ParentNameBn = name?.Bn, ParentNameEn = name?.En,
                Score = r.ScoreHundredths / 100m, Expected = r.Expected, Completed = r.Completed,
            };
            return Explain(ranked, itemsOf[r.OfficeId], weights, quarter, soFar, today);
        }).ToList();
        return new PageOf<RankedOffice>(items, query.Page, query.PageSize, total);
    }

    /// <summary>
    /// What made an office's score: its items by status and, in a quarter, each item's weight and marks; while the
    /// quarter is not due, only recorded items count (the others are not yet due, not zero).
    /// </summary>
    private static RankedOffice Explain(RankedOffice office, IEnumerable<ItemRow> rows, IReadOnlyDictionary<string, decimal> weights, int quarter, bool soFar, DateOnly today)
    {
        var items = rows.Select(i => new RankedItem(i.IndicatorCode, weights.GetValueOrDefault(i.IndicatorCode), ScoringEngine.Status(i.RecordedOn, i.DueOn, today),
            (i.ScoreHundredths ?? 0) / 100m, !soFar || i.RecordedOn is not null)).ToList();
        return office with
        {
            Done = items.Count(i => i.Status == ItemStatus.Done),
            Late = items.Count(i => i.Status == ItemStatus.Late),
            Missed = items.Count(i => i.Status == ItemStatus.Missed),
            Pending = items.Count(i => i.Status == ItemStatus.Pending),
            Items = quarter == 0 ? [] : items,
        };
    }
}

/// <summary>Office names by id, for the few offices a page of a list names besides its own rows.</summary>
internal static class OfficeNames
{
    public static async Task<IReadOnlyDictionary<long, (string Bn, string En)>> OfAsync(DbSession db, IEnumerable<long?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<long>().Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<long, (string, string)>();
        var rows = await db.QueryAsync<(long Id, string NameBn, string NameEn)>("SELECT Id, NameBn, NameEn FROM Offices WHERE Id IN @wanted", new { wanted }, cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (r.NameBn, r.NameEn));
    }

    /// <summary>'/1/14/203/' → 14.</summary>
    public static long? ParentInPath(string path)
    {
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return ids.Length >= 2 ? long.Parse(ids[^2], CultureInfo.InvariantCulture) : null;
    }
}
