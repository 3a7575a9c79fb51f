using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Meetings;
using CharterTracker.Scoring;

namespace CharterTracker.Documents;

public sealed record RankedOffice(int Rank, long OfficeId, string Code, string Name, decimal Score);

public sealed record ReportItem(string Office, string IndicatorCode, int? Quarter, DateOnly DueOn, DateOnly? RecordedOn, ItemStatus Status);

public sealed record ReportFollowUp(string Office, string Action, DateOnly DueOn, FollowUpStatus Status);

/// <summary>
/// The quarterly implementation report of an office (with a quarter) or the annual report of its subtree: the plan's
/// indicators with targets, achievements, statuses and scores; the subtree's figures per quarter (charted); the ranking
/// of its offices; missed and late items; open follow-ups.
/// </summary>
public sealed record PerformanceReport
{
    public required DocumentText Text { get; init; }
    public required string OfficeName { get; init; }
    public required string Ministry { get; init; }
    public required ActionPlan Plan { get; init; }
    public required FiscalYear Year { get; init; }
    public int? Quarter { get; init; }
    public required Scorecard Scorecard { get; init; }
    public required IReadOnlyList<Scorecard> Quarters { get; init; }
    public required Rollup Rollup { get; init; }
    public required IReadOnlyList<Rollup> QuarterRollups { get; init; }
    public required IReadOnlyList<RankedOffice> Ranking { get; init; }
    public required IReadOnlyList<ReportItem> MissedAndLate { get; init; }
    public required IReadOnlyList<ReportFollowUp> OpenFollowUps { get; init; }
    public required DateOnly AsOf { get; init; }

    /// <summary>Identifies the data: the read model changes with every write, so the roll-up figures are the version.</summary>
    public string SourceVersion => $"{Year.Name}{(Quarter is { } q ? "Q" + q : "")}:{Rollup.Expected}/{Rollup.Done}/{Rollup.Late}/{Rollup.Missed}/{Rollup.AverageScore}";
}
