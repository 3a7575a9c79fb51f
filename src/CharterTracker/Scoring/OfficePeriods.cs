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
}
