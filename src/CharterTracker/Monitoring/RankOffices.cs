using System.Globalization;
using CharterTracker.Access;
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

    /// <summary>The quarter score (0–100), or the annual score when no quarter is given.</summary>
    public decimal Score { get; init; }
    public int Expected { get; init; }

    /// <summary>Expected items recorded, on time or late.</summary>
    public int Completed { get; init; }
}

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
        RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
        RuleFor(q => q.Quarter).OptionalQuarterNumber();
        this.ValidatePaging();
    }
}

public sealed class RankOfficesHandler(DbSession db, FiscalCalendar calendar) : IRequestHandler<RankOfficesQuery, PageOf<RankedOffice>>
{
    private const string Rows = "FROM OfficeScores s WHERE s.FiscalYear = @Name AND s.Quarter = @Quarter AND s.Path LIKE @Prefix";

    /// <summary>How many offices have each score: every rank follows from it, without numbering all the rows.</summary>
    private const string ScoreCounts = $"SELECT s.ScoreHundredths, COUNT(*) AS Offices {Rows} GROUP BY s.ScoreHundredths";

    private static string PageSql(Dialect dialect, RankOfficesQuery query) => $"""
        SELECT s.OfficeId, o.Code, o.NameBn, o.NameEn, s.Path, s.ScoreHundredths, s.Expected, s.OnTime + s.Late AS Completed
        FROM OfficeScores s JOIN Offices o ON o.Id = s.OfficeId
        WHERE s.FiscalYear = @Name AND s.Quarter = @Quarter AND s.Path LIKE @Prefix
        ORDER BY s.ScoreHundredths{(query.Lowest ? "" : " DESC")}, o.Code
        {query.Limit(dialect)}
        """;

    private sealed class Row
    {
        public long OfficeId { get; init; }
        public string Code { get; init; } = "";
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string Path { get; init; } = "";
        public int ScoreHundredths { get; init; }
        public int Expected { get; init; }
        public int Completed { get; init; }
    }

    public async Task<PageOf<RankedOffice>> Handle(RankOfficesQuery query, CancellationToken cancellationToken)
    {
        var year = calendar.Year(query.FiscalYear);
        var quarter = query.Quarter ?? 0;
        var parameters = new
        {
            year.Name, Quarter = quarter, Prefix = await OfficePeriods.PrefixAsync(db, query.OfficeId, year, quarter, cancellationToken),
            Skip = query.Skip(), Take = query.PageSize,
        };
        var counts = await db.QueryAsync<(int ScoreHundredths, int Offices)>(ScoreCounts, parameters, cancellationToken);
        // Equal scores share a rank and the next rank skips: one more than the offices scoring higher.
        var rankOf = new Dictionary<int, int>();
        var higher = 0;
        foreach (var (score, offices) in counts.OrderByDescending(c => c.ScoreHundredths))
        {
            rankOf[score] = higher + 1;
            higher += offices;
        }
        var rows = await db.QueryAsync<Row>(SqlText.Build(dialect => PageSql(dialect, query)), parameters, cancellationToken);
        var parents = await OfficeNames.OfAsync(db, rows.Select(r => OfficeNames.ParentInPath(r.Path)), cancellationToken);
        var items = rows.Select(r =>
        {
            var parent = OfficeNames.ParentInPath(r.Path);
            var name = parent is { } id && parents.TryGetValue(id, out var found) ? found : ((string Bn, string En)?)null;
            return new RankedOffice
            {
                Rank = rankOf[r.ScoreHundredths], OfficeId = r.OfficeId, Code = r.Code, NameBn = r.NameBn, NameEn = r.NameEn,
                ParentId = parent, ParentNameBn = name?.Bn, ParentNameEn = name?.En,
                Score = r.ScoreHundredths / 100m, Expected = r.Expected, Completed = r.Completed,
            };
        }).ToList();
        return new PageOf<RankedOffice>(items, query.Page, query.PageSize, higher);
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
