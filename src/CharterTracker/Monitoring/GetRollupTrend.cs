using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;
using FluentValidation;
using MediatR;

namespace CharterTracker.Monitoring;

/// <summary>
/// The roll-up of an office's subtree for each quarter of a year, each quarter over the tree as it stood on its
/// first day: the same figures as <see cref="GetRollupQuery"/> with that quarter, read from the read model's period
/// rows in one statement, for the dashboard's trend charts and headline.
/// </summary>
public sealed record GetRollupTrendQuery(long OfficeId, string? FiscalYear) : IQuery<IReadOnlyList<Rollup>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetRollupTrendValidator : AbstractValidator<GetRollupTrendQuery>
{
    public GetRollupTrendValidator(FiscalCalendar calendar) => RuleFor(q => q.FiscalYear).OptionalFiscalYearName(calendar);
}

public sealed class GetRollupTrendHandler(DbSession db, FiscalCalendar calendar, ActionPlanStore plans) : IRequestHandler<GetRollupTrendQuery, IReadOnlyList<Rollup>>
{
    /// <summary>One quarter's rows of the subtree, totalled (the read model's period rows; see <see cref="OfficePeriods"/>).</summary>
    private static string QuarterTotals(int quarter) => $"""
        SELECT {quarter} AS Quarter, COUNT(*) AS Offices, COALESCE(SUM(s.Expected), 0) AS Expected, COALESCE(SUM(s.OnTime), 0) AS Done,
               COALESCE(SUM(s.Late), 0) AS Late, COALESCE(SUM(s.Unrecorded), 0) AS Unrecorded, COALESCE(SUM({OfficePeriods.Missed}), 0) AS Missed,
               COALESCE(SUM({Score(quarter)}), 0) AS ScoreSum, COUNT({Score(quarter)}) AS Scored,
               COALESCE(SUM(CASE WHEN {Score(quarter)} >= 9000 THEN 1 ELSE 0 END), 0) AS Band90,
               COALESCE(SUM(CASE WHEN {Score(quarter)} >= 8000 AND {Score(quarter)} < 9000 THEN 1 ELSE 0 END), 0) AS Band80,
               COALESCE(SUM(CASE WHEN {Score(quarter)} >= 7000 AND {Score(quarter)} < 8000 THEN 1 ELSE 0 END), 0) AS Band70,
               COALESCE(SUM(CASE WHEN {Score(quarter)} >= 6000 AND {Score(quarter)} < 7000 THEN 1 ELSE 0 END), 0) AS Band60
        FROM OfficeScores s
        WHERE s.FiscalYear = @Name AND s.Quarter = {quarter} AND s.Path LIKE @Prefix{quarter}
        """;

    /// <summary>The quarter's score column: over the recorded items while it is not due (@SoFarN = 1), see <see cref="PeriodPhases"/>.</summary>
    private static string Score(int quarter) => $"(CASE WHEN @SoFar{quarter} = 1 THEN s.RecordedScoreHundredths ELSE s.ScoreHundredths END)";

    private static readonly string Sql = string.Join("\nUNION ALL\n", Enumerable.Range(1, 4).Select(QuarterTotals));

    private sealed class Row
    {
        public int Quarter { get; init; }
        public int Offices { get; init; }
        public int Expected { get; init; }
        public int Done { get; init; }
        public int Late { get; init; }
        public int Unrecorded { get; init; }
        public int Missed { get; init; }
        public long ScoreSum { get; init; }
        public int Scored { get; init; }
        public int Band90 { get; init; }
        public int Band80 { get; init; }
        public int Band70 { get; init; }
        public int Band60 { get; init; }
    }

    public async Task<IReadOnlyList<Rollup>> Handle(GetRollupTrendQuery query, CancellationToken cancellationToken)
    {
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var plan = await plans.FindAsync(year.Name, cancellationToken);
        var parameters = new Dapper.DynamicParameters(new { year.Name, calendar.Today });
        foreach (var quarter in year.Quarters)
        {
            parameters.Add($"SoFar{quarter.Number}", PeriodPhases.SoFar(plan, year, quarter.Number, calendar.Today));
            parameters.Add($"Prefix{quarter.Number}", await OfficePeriods.PrefixAsync(db, query.OfficeId, year, quarter.Number, cancellationToken));
        }
        var rows = await db.QueryAsync<Row>(Sql, parameters, cancellationToken);
        return rows.OrderBy(r => r.Quarter).Select(r => new Rollup
        {
            OfficeId = query.OfficeId,
            FiscalYear = year.Name,
            Quarter = r.Quarter,
            Offices = r.Offices,
            Expected = r.Expected,
            Done = r.Done,
            Late = r.Late,
            Missed = r.Missed,
            Pending = r.Unrecorded - r.Missed,
            AverageScore = r.Scored == 0 ? 0 : ScoringEngine.Round(r.ScoreSum / 100m / r.Scored),
            ScoredOffices = r.Scored,
            Phase = PeriodPhases.Of(plan, year, r.Quarter, calendar.Today),
            DueOn = ScoringEngine.QuarterDue(plan, year, r.Quarter),
            Distribution = GetRollupHandler.Distribution([r.Band90, r.Band80, r.Band70, r.Band60, r.Scored - r.Band90 - r.Band80 - r.Band70 - r.Band60]),
        }).ToList();
    }
}
