namespace CharterTracker.Monitoring;

public enum RiskLevel
{
    Medium,
    High,
}

/// <summary>The facts about one office in a quarter still under way that the rule weighs.</summary>
/// <param name="MissedQuarters">Of the four quarters before this one, those in which the office missed an item.</param>
/// <param name="LateQuarters">Of those four, the ones in which it missed nothing but recorded an item late.</param>
/// <param name="DaysLeft">Days from today to the due date of its items still open.</param>
/// <param name="Recorded">This quarter's items it has already recorded.</param>
/// <param name="Expected">This quarter's items expected of it.</param>
public sealed record RiskFacts(int MissedQuarters, int LateQuarters, int DaysLeft, int Recorded, int Expected);

/// <summary>
/// The rule of the dashboard's risk list, explained on the page in these words: an office with items still open in
/// the quarter gets 2 points for every one of the last four quarters in which it missed an item and 1 for every two in
/// which it was late; 3 points when 15 days or fewer are left before the due date (1 when 30 or fewer); 2 points when
/// it has recorded nothing of the quarter yet within those 30 days (1 before). 4 points or more put it on the list,
/// 6 or more at high risk.
/// Calibrated on the demo data 41 days before a due date: the first rule (late quarters 1 point each, 45 "near" days,
/// listed at 3, high at 6) listed 20 of 34 offices, 9 at high risk — lateness is common and says little about missing,
/// and 45 days is half a quarter. Missing before weighs most; lateness, the calendar and an empty quarter add a little.
/// </summary>
public static class RiskRule
{
    public const int PointsPerMissedQuarter = 2;
    public const int LateQuartersPerPoint = 2;
    public const int CloseDays = 15;
    public const int PointsWhenClose = 3;
    public const int NearDays = 30;
    public const int PointsWhenNear = 1;
    public const int PointsWhenNothingRecorded = 2;
    public const int PointsWhenNothingRecordedEarly = 1;
    public const int Listed = 4;
    public const int High = 6;

    public static int Points(RiskFacts facts) =>
        facts.MissedQuarters * PointsPerMissedQuarter
        + facts.LateQuarters / LateQuartersPerPoint
        + (facts.DaysLeft <= CloseDays ? PointsWhenClose : facts.DaysLeft <= NearDays ? PointsWhenNear : 0)
        + (facts.Recorded > 0 ? 0 : facts.DaysLeft <= NearDays ? PointsWhenNothingRecorded : PointsWhenNothingRecordedEarly);

    /// <summary>Null when the office is not at risk: nothing open, or too few points.</summary>
    public static RiskLevel? Assess(RiskFacts facts)
    {
        if (facts.Recorded >= facts.Expected) return null;
        var points = Points(facts);
        return points >= High ? RiskLevel.High : points >= Listed ? RiskLevel.Medium : null;
    }
}
