using CharterTracker.ActionPlans;
using CharterTracker.Calendar;

namespace CharterTracker.Scoring;

/// <summary>Where a period stands on a day: what a page may say about it without calling a future quarter a failure.</summary>
public enum PeriodPhase
{
    /// <summary>It has not begun: nothing is due, nothing is shown as a score or a share.</summary>
    NotStarted,

    /// <summary>Begun, its due date not passed: scored on the items recorded so far (items not yet due do not count as zero).</summary>
    Running,

    /// <summary>Its due date has passed: every item counts, an unrecorded one as missed.</summary>
    Due,
}

public static class PeriodPhases
{
    /// <summary>A quarter (or the year, with <paramref name="quarter"/> null) on <paramref name="today"/>; the due date is the plan's (15 days after by default).</summary>
    public static PeriodPhase Of(ActionPlan? plan, FiscalYear year, int? quarter, DateOnly today)
    {
        var (start, due) = quarter is { } q and >= 1
            ? (year.Quarter(q).Start, ScoringEngine.QuarterDue(plan, year, q))
            : (year.Start, year.End.AddDays(plan?.AnnualDueDays ?? 15));
        return today < start ? PeriodPhase.NotStarted : today <= due ? PeriodPhase.Running : PeriodPhase.Due;
    }

    /// <summary>
    /// The score column a read of the quarter's <c>OfficeScores</c> rows (named <c>s</c>) shows, with @SoFar = 1 while
    /// the quarter is not due: the score over the recorded items (NULL when none), else over every item.
    /// </summary>
    public const string ScoreColumn = "(CASE WHEN @SoFar = 1 THEN s.RecordedScoreHundredths ELSE s.ScoreHundredths END)";

    /// <summary>
    /// The same column named outright for a statement over many rows (<paramref name="soFar"/> = <see cref="SoFar"/> = 1):
    /// a read of a ministry's 25,000 rows then evaluates no CASE per row and comparison.
    /// </summary>
    public static string ScoreColumnOf(int soFar) => soFar == 1 ? "s.RecordedScoreHundredths" : "s.ScoreHundredths";

    public static int SoFar(ActionPlan? plan, FiscalYear year, int quarter, DateOnly today) =>
        quarter >= 1 && Of(plan, year, quarter, today) != PeriodPhase.Due ? 1 : 0;
}
