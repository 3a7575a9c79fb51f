using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;
using FluentValidation;
using MediatR;

namespace CharterTracker.Monitoring;

public sealed record HeatColumn(string Code, string TextBn, string TextEn);

public sealed record HeatCell(string Code, ItemStatus Status);

/// <param name="Own">The office the map is drawn for (its own items), as opposed to one of its subordinate offices.</param>
/// <param name="Expected">Whether anything was expected of the office in the quarter (it existed on its first day).</param>
/// <param name="Subordinates">Its direct subordinate offices that quarter: a drill-down leads somewhere.</param>
public sealed record HeatRow(long OfficeId, string Code, string NameBn, string NameEn, bool Own, bool Expected, decimal? Score, int Subordinates, IReadOnlyList<HeatCell> Cells);

public sealed record HeatMap(string FiscalYear, int Quarter, IReadOnlyList<HeatColumn> Columns, PageOf<HeatRow> Rows);

/// <summary>
/// An office and its direct subordinate offices (internal branches excepted) as they stood on the quarter's first day,
/// against the plan's quarterly indicators: each cell the status of that office's item, Not applicable where the
/// indicator's other variant applies to it. The office's own row comes first on the first page; then its subordinates
/// in code order, a page at a time.
/// </summary>
public sealed record GetHeatMapQuery(long OfficeId, string? FiscalYear, int? Quarter) : IQuery<HeatMap>, IPagedQuery
{
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetHeatMapValidator : AbstractValidator<GetHeatMapQuery>
{
    public GetHeatMapValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).OptionalFiscalYearName(calendar);
        RuleFor(q => q.Quarter).QuarterNumber();
        this.ValidatePaging();
    }
}

public sealed class GetHeatMapHandler(DbSession db, ActionPlanStore plans, FiscalCalendar calendar, OfficeTreeCache trees) : IRequestHandler<GetHeatMapQuery, HeatMap>
{
    private sealed class Item
    {
        public long OfficeId { get; init; }
        public string IndicatorCode { get; init; } = "";
        public DateOnly DueOn { get; init; }
        public DateOnly? RecordedOn { get; init; }
    }

    public async Task<HeatMap> Handle(GetHeatMapQuery query, CancellationToken cancellationToken)
    {
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var quarter = query.Quarter!.Value;
        var day = year.Quarter(quarter).Start;
        var plan = await plans.FindAsync(year.Name, cancellationToken);
        var columns = (plan?.Indicators ?? []).Where(i => i.OfficeId is null && i.Frequency == IndicatorFrequency.Quarterly)
            .Select(i => new HeatColumn(i.Code, i.TextBn, i.TextEn)).ToList();

        var own = (await db.QuerySingleOrDefaultAsync<OfficeRow>($"SELECT {OfficeRow.Columns} FROM Offices WHERE Id = @OfficeId", query, cancellationToken))!;
        var children = (await db.QueryAsync<OfficeRow>(OfficeTree.ChildrenAsOfSql, new { query.OfficeId, AsOf = day }, cancellationToken))
            .Where(c => c.Kind != OfficeKind.Branch).ToList();
        var page = query.PageSize == 0 ? children : children.Skip(query.Skip()).Take(query.PageSize).ToList();
        var offices = (query.Page == 1 ? page.Prepend(own) : page).ToList();
        var ids = offices.Select(o => o.Id).ToList();

        var parameters = new { ids, year.Name, Quarter = quarter, Day = day, SoFar = PeriodPhases.SoFar(plan, year, quarter, calendar.Today) };
        var items = (await db.QueryAsync<Item>(
            "SELECT OfficeId, IndicatorCode, DueOn, RecordedOn FROM ExpectedItems WHERE OfficeId IN @ids AND FiscalYear = @Name AND Quarter = @Quarter",
            parameters, cancellationToken)).ToLookup(i => i.OfficeId);
        // A quarter under way shows the score over the items recorded so far (none while nothing is recorded).
        var scores = (await db.QueryAsync<(long OfficeId, long? ScoreHundredths)>(
            $"SELECT s.OfficeId, {PeriodPhases.ScoreColumn} FROM OfficeScores s WHERE s.OfficeId IN @ids AND s.FiscalYear = @Name AND s.Quarter = @Quarter",
            parameters, cancellationToken)).ToDictionary(s => s.OfficeId, s => s.ScoreHundredths / 100m);
        // How many offices hang under each row's office that day (a drill-down leads somewhere): from the tree in memory,
        // not a count over the placements of every row's subtree.
        var tree = await trees.CurrentAsync(db, cancellationToken);
        var subordinates = ids.ToDictionary(id => id, id => tree.ChildrenOn(id, day).Count);

        var today = calendar.Today;
        var rows = offices.Select(office =>
        {
            var expected = scores.ContainsKey(office.Id);
            var cells = columns.Select(column => items[office.Id].FirstOrDefault(i => i.IndicatorCode == column.Code) is { } item
                ? new HeatCell(column.Code, ScoringEngine.Status(item.RecordedOn, item.DueOn, today))
                : new HeatCell(column.Code, ItemStatus.NotApplicable)).ToList();
            return new HeatRow(office.Id, office.Code, office.NameBn, office.NameEn, office.Id == own.Id, expected, scores.GetValueOrDefault(office.Id),
                subordinates.GetValueOrDefault(office.Id), cells);
        }).ToList();
        return new HeatMap(year.Name, quarter, columns, new PageOf<HeatRow>(rows, query.Page, query.PageSize, children.Count));
    }
}
