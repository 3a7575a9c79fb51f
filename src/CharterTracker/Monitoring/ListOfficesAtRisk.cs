using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;
using FluentValidation;
using MediatR;

namespace CharterTracker.Monitoring;

public sealed record OfficeAtRisk
{
    public long OfficeId { get; init; }
    public string Code { get; init; } = "";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string? ParentNameBn { get; init; }
    public string? ParentNameEn { get; init; }
    public RiskLevel Level { get; init; }
    public int Points { get; init; }
    public required RiskFacts Facts { get; init; }
    public DateOnly DueOn { get; init; }
}

/// <param name="Open">False once the quarter's due date has passed: what was not done is missed, not at risk.</param>
/// <param name="Assessed">Offices of the subtree with items of the quarter still open.</param>
public sealed record RiskList(string FiscalYear, int Quarter, bool Open, int Assessed, PageOf<OfficeAtRisk> Offices);

/// <summary>
/// The offices of a subtree likely to miss a quarter still under way, by <see cref="RiskRule"/>: highest points first,
/// then the nearest due date, then the office's place in the tree.
/// </summary>
public sealed record ListOfficesAtRiskQuery(long OfficeId, string? FiscalYear, int? Quarter) : IQuery<RiskList>, IPagedQuery
{
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListOfficesAtRiskValidator : AbstractValidator<ListOfficesAtRiskQuery>
{
    public ListOfficesAtRiskValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).OptionalFiscalYearName(calendar);
        RuleFor(q => q.Quarter).QuarterNumber();
        this.ValidatePaging();
    }
}

public sealed class ListOfficesAtRiskHandler(DbSession db, FiscalCalendar calendar, ActionPlanStore plans) : IRequestHandler<ListOfficesAtRiskQuery, RiskList>
{
    /// <summary>
    /// The quarter's rows with items still open and not yet due, with each office's own record in the four quarters
    /// before, read in one pass: 5 for a quarter in which it missed an item, 1 for one in which it was only late, summed
    /// (so History / 5 quarters missed and History % 5 late, four quarters at most).
    /// </summary>
    private static string Sql(string history) => $"""
        SELECT s.OfficeId, s.Path, s.Expected, s.Unrecorded, s.FirstOpenDueOn, s.LastOpenDueOn,
            (SELECT COALESCE(SUM(CASE WHEN h.Unrecorded > 0 AND h.FirstOpenDueOn < @Today THEN 5 WHEN h.Late > 0 THEN 1 ELSE 0 END), 0)
             FROM OfficeScores h WHERE h.OfficeId = s.OfficeId AND ({history})) AS History
        FROM OfficeScores s
        WHERE s.FiscalYear = @Name AND s.Quarter = @Quarter AND s.Path LIKE @Prefix AND s.Unrecorded > 0 AND s.LastOpenDueOn >= @Today
        """;

    private sealed class Row
    {
        public long OfficeId { get; init; }
        public string Path { get; init; } = "";
        public int Expected { get; init; }
        public int Unrecorded { get; init; }
        public DateOnly FirstOpenDueOn { get; init; }
        public DateOnly LastOpenDueOn { get; init; }
        public int History { get; init; }
    }

    public async Task<RiskList> Handle(ListOfficesAtRiskQuery query, CancellationToken cancellationToken)
    {
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var quarter = query.Quarter!.Value;
        var today = calendar.Today;
        var parameters = new Dapper.DynamicParameters(new
        {
            year.Name, Quarter = quarter, Today = today, Prefix = await OfficePeriods.PrefixAsync(db, query.OfficeId, year, quarter, cancellationToken),
        });
        var before = new List<string>();
        var (y, q) = (year, quarter);
        for (var i = 1; i <= 4; i++)
        {
            (y, q) = q == 1 ? (calendar.YearOf(y.Start.AddDays(-1)), 4) : (y, q - 1);
            parameters.Add($"Year{i}", y.Name);
            parameters.Add($"Quarter{i}", q);
            before.Add($"(h.FiscalYear = @Year{i} AND h.Quarter = @Quarter{i})");
        }
        var rows = await db.QueryAsync<Row>(Sql(string.Join(" OR ", before)), parameters, cancellationToken);

        var assessed = rows.Select(r =>
            {
                var due = r.FirstOpenDueOn >= today ? r.FirstOpenDueOn : r.LastOpenDueOn;
                var facts = new RiskFacts(r.History / 5, r.History % 5, due.DayNumber - today.DayNumber, r.Expected - r.Unrecorded, r.Expected);
                return (Row: r, Facts: facts, Due: due, Level: RiskRule.Assess(facts));
            })
            .Where(a => a.Level is not null)
            .OrderByDescending(a => RiskRule.Points(a.Facts)).ThenBy(a => a.Due).ThenBy(a => a.Row.Path, StringComparer.Ordinal)
            .ToList();
        var page = query.PageSize == 0 ? assessed : assessed.Skip(query.Skip()).Take(query.PageSize).ToList();
        var offices = (await db.QueryAsync<(long Id, string Code, string NameBn, string NameEn)>(
            "SELECT Id, Code, NameBn, NameEn FROM Offices WHERE Id IN @ids", new { ids = page.Select(a => a.Row.OfficeId).ToList() }, cancellationToken)).ToDictionary(o => o.Id);
        var parents = await OfficeNames.OfAsync(db, page.Select(a => OfficeNames.ParentInPath(a.Row.Path)), cancellationToken);
        var items = page.Select(a =>
        {
            var parent = OfficeNames.ParentInPath(a.Row.Path) is { } id && parents.TryGetValue(id, out var found) ? found : ((string Bn, string En)?)null;
            return new OfficeAtRisk
            {
                OfficeId = a.Row.OfficeId, Code = offices[a.Row.OfficeId].Code, NameBn = offices[a.Row.OfficeId].NameBn, NameEn = offices[a.Row.OfficeId].NameEn,
                ParentNameBn = parent?.Bn, ParentNameEn = parent?.En,
                Level = a.Level!.Value, Points = RiskRule.Points(a.Facts), Facts = a.Facts, DueOn = a.Due,
            };
        }).ToList();
        var plan = await plans.FindAsync(year.Name, cancellationToken);
        var open = plan is not null && today <= year.Quarter(quarter).End.AddDays(plan.QuarterlyDueDays);
        return new RiskList(year.Name, quarter, open, rows.Count, new PageOf<OfficeAtRisk>(items, query.Page, query.PageSize, assessed.Count));
    }
}
