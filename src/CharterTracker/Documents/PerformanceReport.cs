using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Meetings;
using CharterTracker.Scoring;

namespace CharterTracker.Documents;

public sealed record RankedOffice(int Rank, long OfficeId, string Code, string Name, decimal Score);

public sealed record ReportItem(string Office, string IndicatorCode, int? Quarter, DateOnly DueOn, DateOnly? RecordedOn, ItemStatus Status);

/// <summary>One office's missed and late items, with its subtotals.</summary>
public sealed record ReportOfficeLapses(string Office, IReadOnlyList<ReportItem> Items)
{
    public int Missed => Items.Count(i => i.Status == ItemStatus.Missed);
    public int Late => Items.Count(i => i.Status == ItemStatus.Late);
}

/// <summary>
/// The issuing block of a government report: the issuing office (the report's office unless given), the memo number
/// and date, the signatory's name and designation — each printed only when given.
/// </summary>
public sealed record ReportIssue(string? IssuingOffice, string? MemoNumber, DateOnly? MemoDate, string? SignatoryName, string? SignatoryDesignation);

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

    /// <summary>The quarters the report covers: 1..n for a quarter's report (none after it), all four for the year.</summary>
    public required IReadOnlyList<Scorecard> Quarters { get; init; }
    public required Rollup Rollup { get; init; }

    /// <summary>The subtree's figures per quarter, for the same quarters as <see cref="Quarters"/>.</summary>
    public required IReadOnlyList<Rollup> QuarterRollups { get; init; }
    public required IReadOnlyList<RankedOffice> Ranking { get; init; }

    /// <summary>Offices with nothing recorded yet in a quarter under way: no score so far, listed after the ranking.</summary>
    public IReadOnlyList<string> NotYetScored { get; init; } = [];
    public required IReadOnlyList<ReportOfficeLapses> MissedAndLate { get; init; }
    public required ReportIssue Issue { get; init; }
    public required IReadOnlyList<ReportFollowUp> OpenFollowUps { get; init; }
    public required DateOnly AsOf { get; init; }

    /// <summary>Identifies the data: the read model changes with every write, so the roll-up figures are the version.</summary>
    public string SourceVersion => $"{Year.Name}{(Quarter is { } q ? "Q" + q : "")}:{Rollup.Expected}/{Rollup.Done}/{Rollup.Late}/{Rollup.Missed}/{Rollup.AverageScore}";
}
