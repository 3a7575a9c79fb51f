using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;
using FluentValidation;
using MediatR;

namespace CharterTracker.Monitoring;

/// <summary>Someone to contact about an office's items: one of its focal points today.</summary>
public sealed record FocalPointContact(long UserId, string DisplayName, string? Email);

/// <summary>An expected item that was missed (due date passed, nothing recorded) or recorded after its due date.</summary>
public sealed record Lapse
{
    public long OfficeId { get; init; }
    public string Code { get; init; } = "";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string IndicatorCode { get; init; } = "";

    /// <summary>Null for an annual item.</summary>
    public int? Quarter { get; init; }
    public DateOnly DueOn { get; init; }
    public DateOnly? RecordedOn { get; init; }

    /// <summary>Missed or Late.</summary>
    public ItemStatus Status { get; init; }

    /// <summary>Days past the due date: until it was recorded, or until today while it is missed.</summary>
    public int DaysLate { get; init; }
    public IReadOnlyList<FocalPointContact> FocalPoints { get; init; } = [];
}

/// <summary>
/// The missed and late items of a subtree in a quarter (or the whole year), the tree as it stood then, with the
/// offices' focal points: missed first, then by due date and office code.
/// </summary>
public sealed record ListLapsesQuery(long OfficeId, string? FiscalYear, int? Quarter) : IQuery<PageOf<Lapse>>, IPagedQuery
{
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListLapsesValidator : AbstractValidator<ListLapsesQuery>
{
    public ListLapsesValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).OptionalFiscalYearName(calendar);
        RuleFor(q => q.Quarter).OptionalQuarterNumber();
        this.ValidatePaging();
    }
}

public sealed class ListLapsesHandler(DbSession db, FiscalCalendar calendar, ActionPlanStore plans) : IRequestHandler<ListLapsesQuery, PageOf<Lapse>>
{
    private static string Periods(IEnumerable<int> periods) =>
        "s.FiscalYear = @Name AND (" + string.Join(" OR ", periods.Select(p => $"(s.Quarter = {p} AND s.Path LIKE @Prefix{p})")) + ")";

    /// <summary>The period rows' totals count the lapses without reading the items.</summary>
    private static string TotalSql(IEnumerable<int> periods) =>
        $"SELECT COALESCE(SUM(s.Late + {OfficePeriods.Missed}), 0) FROM OfficeScores s WHERE {Periods(periods)}";

    /// <summary>
    /// The period rows that lapsed at all lead to their items; the year reads each quarter's rows and the annual
    /// items' row, each period under the office's path in it.
    /// </summary>
    private static string PageSql(IEnumerable<int> periods, string limit) => $"""
        SELECT i.OfficeId, i.Quarter, i.IndicatorCode, i.DueOn, i.RecordedOn, o.Code, o.NameBn, o.NameEn
        FROM OfficeScores s CROSS JOIN ExpectedItems i JOIN Offices o ON o.Id = i.OfficeId
        WHERE {Periods(periods)} AND (s.Late > 0 OR {OfficePeriods.MissedAny})
          AND i.OfficeId = s.OfficeId AND i.FiscalYear = s.FiscalYear AND i.Quarter = s.Quarter
          AND ((i.RecordedOn IS NOT NULL AND i.RecordedOn > i.DueOn) OR (i.RecordedOn IS NULL AND i.DueOn < @Today))
        ORDER BY CASE WHEN i.RecordedOn IS NULL THEN 0 ELSE 1 END, i.DueOn, o.Code, i.IndicatorCode
        {limit}
        """;

    private sealed class Row
    {
        public long OfficeId { get; init; }
        public int Quarter { get; init; }
        public string IndicatorCode { get; init; } = "";
        public DateOnly DueOn { get; init; }
        public DateOnly? RecordedOn { get; init; }
        public string Code { get; init; } = "";
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
    }

    public async Task<PageOf<Lapse>> Handle(ListLapsesQuery query, CancellationToken cancellationToken)
    {
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var today = calendar.Today;
        var periods = query.Quarter is { } q ? [q] : new[] { 1, 2, 3, 4, 0 };
        var parameters = new Dapper.DynamicParameters(new { year.Name, Today = today, Skip = query.Skip(), Take = query.PageSize });
        foreach (var period in periods) parameters.Add($"Prefix{period}", await OfficePeriods.PrefixAsync(db, query.OfficeId, year, period, cancellationToken));
        var total = await db.ExecuteScalarAsync<int>(TotalSql(periods), parameters, cancellationToken);
        var rows = await db.QueryAsync<Row>(SqlText.Build(dialect => PageSql(periods, query.Limit(dialect))), parameters, cancellationToken);
        var contacts = await FocalPointsOfAsync(rows.Select(r => r.OfficeId).Distinct().ToList(), today, cancellationToken);
        var items = rows.Select(r => new Lapse
        {
            OfficeId = r.OfficeId, Code = r.Code, NameBn = r.NameBn, NameEn = r.NameEn, IndicatorCode = r.IndicatorCode,
            Quarter = r.Quarter == 0 ? null : r.Quarter, DueOn = r.DueOn, RecordedOn = r.RecordedOn,
            Status = r.RecordedOn is null ? ItemStatus.Missed : ItemStatus.Late,
            DaysLate = (r.RecordedOn ?? today).DayNumber - r.DueOn.DayNumber,
            FocalPoints = contacts[r.OfficeId].ToList(),
        }).ToList();
        return new PageOf<Lapse>(items, query.Page, query.PageSize, total);
    }

    /// <summary>
    /// The focal points of the offices on the page, 500 offices a statement: an export of every lapse of a ministry names
    /// thousands of offices, more than a statement should carry as parameters.
    /// </summary>
    private async Task<ILookup<long, FocalPointContact>> FocalPointsOfAsync(IReadOnlyList<long> offices, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = new List<(long OfficeId, long UserId, string DisplayName, string? Email)>();
        foreach (var batch in offices.Chunk(500))
        {
            rows.AddRange(await db.QueryAsync<(long OfficeId, long UserId, string DisplayName, string? Email)>(
                $"""
                WITH {FocalPoints.OnTodayCte}
                SELECT f.OfficeId, u.Id, u.DisplayName, u.Email FROM focal_points f JOIN Users u ON u.Id = f.UserId
                WHERE f.OfficeId IN @batch ORDER BY u.DisplayName
                """, new { batch, Today = today }, cancellationToken));
        }
        return rows.ToLookup(r => r.OfficeId, r => new FocalPointContact(r.UserId, r.DisplayName, r.Email));
    }
}
