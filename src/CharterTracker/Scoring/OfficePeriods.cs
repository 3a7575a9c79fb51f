using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Offices;

namespace CharterTracker.Scoring;

/// <summary>
/// How statements about a period's subtree read the read model (db/…/0007): every <c>OfficeScores</c> row holds the
/// office's path on the period's first day and the period's totals, so the rows of an office's subtree in a quarter are
/// <c>s.FiscalYear = @Name AND s.Quarter = @Quarter AND s.Path LIKE @Prefix</c> (an index range), with the tree as it
/// stood then. Statements name the row <c>s</c>.
/// </summary>
internal static class OfficePeriods
{
    /// <summary>
    /// The row's unrecorded items whose due date has passed on @Today. Exact when a period's items have different due
    /// dates (an indicator with its own due days): only then does it count the items themselves.
    /// </summary>
    public const string Missed = """
        CASE WHEN s.Unrecorded = 0 OR s.FirstOpenDueOn >= @Today THEN 0
             WHEN s.LastOpenDueOn < @Today THEN s.Unrecorded
             ELSE (SELECT COUNT(*) FROM ExpectedItems m
                   WHERE m.OfficeId = s.OfficeId AND m.FiscalYear = s.FiscalYear AND m.Quarter = s.Quarter AND m.RecordedOn IS NULL AND m.DueOn < @Today)
        END
        """;

    /// <summary>The row missed at least one item (one of its unrecorded items is past due).</summary>
    public const string MissedAny = "(s.Unrecorded > 0 AND s.FirstOpenDueOn < @Today)";

    /// <summary>
    /// The prefix of the office's subtree among the rows of a quarter: its path on the quarter's first day, then '%'.
    /// For the year's rows (quarter 0, each placed where it stood in the first quarter it was expected in), the path on
    /// the first day of the first quarter the office itself existed in.
    /// </summary>
    public static async Task<string> PrefixAsync(DbSession db, long officeId, FiscalYear year, int quarter, CancellationToken cancellationToken)
    {
        var day = year.Quarter(quarter == 0 ? 1 : quarter).Start;
        if (quarter == 0)
        {
            var activeFrom = await db.ExecuteScalarAsync<DateOnly>("SELECT ActiveFrom FROM Offices WHERE Id = @officeId", new { officeId }, cancellationToken);
            day = year.Quarters.Select(q => q.Start).FirstOrDefault(start => start >= activeFrom, day);
        }
        return await OfficeTree.SubtreePrefixOnAsync(db, officeId, day, cancellationToken);
    }

    /// <summary>
    /// The subtree's rows of each of <paramref name="quarters"/> (0: the year's rows) totalled, one row per period, in
    /// one statement: each period over the tree as it stood on its first day (<see cref="PrefixAsync"/>), a quarter's
    /// score as <see cref="PeriodPhases.ScoreColumn"/> shows it on @Today.
    /// </summary>
    public static async Task<IReadOnlyList<PeriodTotals>> TotalsAsync(DbSession db, ActionPlan? plan, FiscalYear year, long officeId, IReadOnlyList<int> quarters,
        DateOnly today, CancellationToken cancellationToken)
    {
        var parameters = new Dapper.DynamicParameters(new { year.Name, Today = today });
        foreach (var quarter in quarters)
        {
            parameters.Add($"Prefix{quarter}", await PrefixAsync(db, officeId, year, quarter, cancellationToken));
        }
        var sql = string.Join("\nUNION ALL\n", quarters.Select(quarter => Totals(quarter, PeriodPhases.ScoreColumnOf(PeriodPhases.SoFar(plan, year, quarter, today)))));
        return await db.QueryAsync<PeriodTotals>(sql, parameters, cancellationToken);
    }

    /// <summary>One period's rows of the subtree (at @PrefixN), totalled, with the period's score column.</summary>
    private static string Totals(int quarter, string score)
    {
        return $"""
            SELECT {quarter} AS Quarter, COUNT(*) AS Offices, COALESCE(SUM(s.Expected), 0) AS Expected, COALESCE(SUM(s.OnTime), 0) AS Done,
                   COALESCE(SUM(s.Late), 0) AS Late, COALESCE(SUM(s.Unrecorded), 0) AS Unrecorded, COALESCE(SUM({Missed}), 0) AS Missed,
                   COALESCE(SUM({score}), 0) AS ScoreSum, COUNT({score}) AS Scored,
                   COALESCE(SUM(CASE WHEN {score} >= 9000 THEN 1 ELSE 0 END), 0) AS Band90,
                   COALESCE(SUM(CASE WHEN {score} >= 8000 AND {score} < 9000 THEN 1 ELSE 0 END), 0) AS Band80,
                   COALESCE(SUM(CASE WHEN {score} >= 7000 AND {score} < 8000 THEN 1 ELSE 0 END), 0) AS Band70,
                   COALESCE(SUM(CASE WHEN {score} >= 6000 AND {score} < 7000 THEN 1 ELSE 0 END), 0) AS Band60
            FROM OfficeScores s
            WHERE s.FiscalYear = @Name AND s.Quarter = {quarter} AND s.Path LIKE @Prefix{quarter}
            """;
    }
}

/// <summary>A period's rows of a subtree, totalled (<see cref="OfficePeriods.TotalsAsync"/>); scores in hundredths.</summary>
internal sealed class PeriodTotals
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

    /// <summary>Offices per band of <see cref="Rollup.Distribution"/>, best first.</summary>
    public IReadOnlyList<int> Bands => [Band90, Band80, Band70, Band60, Scored - Band90 - Band80 - Band70 - Band60];
}
