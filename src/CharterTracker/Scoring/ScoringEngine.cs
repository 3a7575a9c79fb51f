using CharterTracker.ActionPlans;
using CharterTracker.Calendar;

namespace CharterTracker.Scoring;

public enum ItemStatus
{
    Pending,
    Done,
    Late,
    Missed,
    NotApplicable,
}

/// <summary>What the tree said about an office on a quarter's first day: that is what the quarter expects of it, for good.</summary>
public sealed record QuarterFacts(bool Expected, bool HasSubordinates);

/// <summary>
/// One record as the engine sees it: which feed, which quarter it counts for, whether it has evidence, when it was
/// recorded. <paramref name="Indicator"/> names the one indicator it counts for (an office's own indicator's value);
/// null: every indicator of its feed.
/// </summary>
public sealed record Entry(ActivityFeed Feed, int? Quarter, bool HasEvidence, DateOnly RecordedOn, string Reference, DateOnly? Date = null, decimal Value = 1,
    string? Indicator = null)
{
    public bool Feeds(PlanIndicator indicator) => Feed == indicator.FedBy && (Indicator is null || Indicator == indicator.Code);
}

/// <summary>For indicator 1.2.1: the office's direct subordinates expected in a quarter, and those whose own update counts.</summary>
public sealed record SubordinateUpdates(int Expected, IReadOnlyList<string> Counted, IReadOnlyList<DateOnly> RecordedOn);

public sealed record ScoreOverride(decimal Score, string Remark, string By, DateTime AtUtc);

/// <summary>Everything needed to score one office for one fiscal year.</summary>
public sealed record OfficeYear(
    long OfficeId,
    FiscalYear Year,
    IReadOnlyDictionary<int, QuarterFacts> Quarters,
    IReadOnlyList<Entry> Entries,
    IReadOnlyDictionary<int, SubordinateUpdates> Subordinates,
    IReadOnlyDictionary<(int Quarter, string Code), ScoreOverride> Overrides)
{
    public bool ExpectedInYear => Quarters.Values.Any(q => q.Expected);

    /// <summary>Annual indicators follow the variant of the first quarter the office was expected in.</summary>
    public bool HasSubordinatesForYear => Quarters.OrderBy(q => q.Key).FirstOrDefault(q => q.Value.Expected).Value?.HasSubordinates ?? false;
}

/// <summary>One indicator of a scorecard, explained: the records that counted and what is missing.</summary>
public sealed record IndicatorScore
{
    public string Code { get; init; } = "";
    public string TextBn { get; init; } = "";
    public string TextEn { get; init; } = "";
    public string? AlternativeOf { get; init; }
    public IndicatorUnit Unit { get; init; }
    public IndicatorFrequency Frequency { get; init; }

    /// <summary>Which records count for it: tells a focal point which form to fill.</summary>
    public ActivityFeed FedBy { get; init; }
    public bool Applicable { get; init; }

    /// <summary>The office's own extra indicator: scored and shown, but outside the plan total.</summary>
    public bool OfficeSpecific { get; init; }
    public ItemStatus Status { get; init; }
    public DateOnly? DueOn { get; init; }

    /// <summary>The day the first record for the item was recorded (decides Done or Late).</summary>
    public DateOnly? RecordedOn { get; init; }
    public decimal? Actual { get; init; }
    public DateOnly? ActualDate { get; init; }
    public string? Target { get; init; }
    public decimal Raw { get; init; }
    public decimal Weight { get; init; }
    public decimal Score { get; init; }

    /// <summary>The engine's score when a monitoring committee override replaced it.</summary>
    public decimal? ComputedScore { get; init; }
    public ScoreOverride? Override { get; init; }
    public IReadOnlyList<string> Counted { get; init; } = [];

    /// <summary>What the office still has to do for this item, in words; null when nothing.</summary>
    public string? Missing { get; init; }
}

public sealed record Scorecard
{
    public long OfficeId { get; init; }
    public string FiscalYear { get; init; } = "";

    /// <summary>Null for the annual scorecard.</summary>
    public int? Quarter { get; init; }
    public bool Expected { get; init; }
    public bool HasSubordinates { get; init; }

    /// <summary>
    /// 0–100: the quarter score, or the annual score as a percentage of the plan total. A quarter whose due date has
    /// not passed (<see cref="DueSoFar"/>) is scored on the items recorded so far: items not yet due do not count as zero.
    /// </summary>
    public decimal Score { get; init; }

    /// <summary>Quarter: true until the quarter's due date has passed (the score is over the items recorded so far).</summary>
    public bool DueSoFar { get; init; }

    /// <summary>Quarter: the day its quarterly items are due.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>Quarter: the score over every quarterly indicator, unrecorded ones as zero (the score once the quarter is due).</summary>
    public decimal? ScoreOfAllItems { get; init; }

    /// <summary>Quarter: the score over the quarterly indicators with a record; null when none has one.</summary>
    public decimal? ScoreOfRecordedItems { get; init; }

    /// <summary>Quarter: the marks behind <see cref="Score"/> (sum of the counted indicators' scores) and their weights: Score = Marks / MarksAvailable × 100.</summary>
    public decimal? Marks { get; init; }
    public decimal? MarksAvailable { get; init; }

    /// <summary>Annual: the marks out of <see cref="PlanTotal"/>.</summary>
    public decimal? PlanScore { get; init; }
    public decimal PlanTotal { get; init; }

    /// <summary>Annual: the plan score converted to its APA weight (20/25 × 3 = 2.4).</summary>
    public decimal? ApaScore { get; init; }
    public decimal? ApaWeight { get; init; }
    public IReadOnlyList<IndicatorScore> Indicators { get; init; } = [];
}

/// <summary>
/// The scoring rules of docs/rules.md, as pure functions of a plan, an office's year of facts and records, and
/// today's date. No I/O: every rule can be checked with hand-worked examples.
/// </summary>
public static class ScoringEngine
{
    public static Scorecard Quarter(ActionPlan plan, OfficeYear office, int quarter, DateOnly today)
    {
        var facts = office.Quarters.GetValueOrDefault(quarter) ?? new QuarterFacts(false, false);
        var period = office.Year.Quarter(quarter);
        var indicators = new List<IndicatorScore>();
        foreach (var indicator in plan.Indicators.Where(i => i.OfficeId is null || i.OfficeId == office.OfficeId))
        {
            var applicable = facts.Expected && indicator.AppliesTo(facts.HasSubordinates, office.OfficeId);
            if (indicator.Frequency == IndicatorFrequency.Annual)
            {
                indicators.Add(applicable
                    ? AnnualInQuarter(plan, indicator, office, quarter)
                    : Describe(indicator) with { Applicable = false, Status = ItemStatus.NotApplicable, Weight = indicator.Weight });
                continue;
            }
            if (!applicable)
            {
                indicators.Add(Describe(indicator) with { Applicable = false, Status = ItemStatus.NotApplicable, Weight = indicator.Weight });
                continue;
            }
            var measure = MeasureQuarter(indicator, office, quarter);
            var target = indicator.QuarterTarget(quarter);
            // A count summed over the year has a quarter's share as its target; a percentage or a date keeps the year's levels.
            var levels = indicator.Aggregation == Aggregation.Average || indicator.Unit == IndicatorUnit.Date || target is null
                ? indicator.Targets
                : new Targets { At100 = target };
            var raw = Raw(plan.Method, indicator, measure.Actual, measure.ActualDate, levels, quarterly: true);
            var due = period.End.AddDays(plan.DueDays(indicator));
            indicators.Add(Scored(indicator, office, quarter, raw) with
            {
                Applicable = true,
                Status = Status(measure.FirstRecorded, due, today),
                DueOn = due,
                RecordedOn = measure.FirstRecorded,
                Actual = measure.Actual,
                ActualDate = measure.ActualDate,
                Target = (levels.At100 ?? target)?.ToString(),
                Counted = measure.Counted,
                Missing = Missing(indicator, measure, target),
            });
        }
        var scored = indicators.Where(i => i.Applicable && i.Frequency == IndicatorFrequency.Quarterly).ToList();
        var ofAll = QuarterScore(scored);
        var recorded = scored.Where(i => i.RecordedOn is not null).ToList();
        decimal? ofRecorded = recorded.Count == 0 ? null : QuarterScore(recorded);
        var dueSoFar = today <= QuarterDue(plan, office.Year, quarter);
        return new Scorecard
        {
            OfficeId = office.OfficeId,
            FiscalYear = office.Year.Name,
            Quarter = quarter,
            Expected = facts.Expected,
            HasSubordinates = facts.HasSubordinates,
            Score = dueSoFar ? ofRecorded ?? 0 : ofAll,
            DueSoFar = dueSoFar,
            DueOn = QuarterDue(plan, office.Year, quarter),
            ScoreOfAllItems = ofAll,
            ScoreOfRecordedItems = ofRecorded,
            Marks = dueSoFar ? recorded.Sum(i => i.Score) : scored.Sum(i => i.Score),
            MarksAvailable = dueSoFar ? recorded.Sum(i => i.Weight) : scored.Sum(i => i.Weight),
            PlanTotal = plan.Total,
            Indicators = indicators,
        };
    }

    /// <summary>
    /// The quarter score: the indicators' marks (each rounded as printed) over their weights, × 100 — so that a reader
    /// can add up the rows of a report and get the printed score.
    /// </summary>
    private static decimal QuarterScore(IReadOnlyList<IndicatorScore> indicators)
    {
        var weight = indicators.Sum(i => i.Weight);
        return weight == 0 ? 0 : Round(indicators.Sum(i => i.Score) / weight * 100);
    }

    /// <summary>The quarter's due date: until it has passed, the quarter is scored on the items recorded so far.</summary>
    public static DateOnly QuarterDue(ActionPlan? plan, FiscalYear year, int quarter) => year.Quarter(quarter).End.AddDays(plan?.QuarterlyDueDays ?? 15);

    /// <summary>
    /// An annual indicator in a quarter's scorecard, as it stood at the quarter's end: due after the year (so Pending),
    /// what its records of quarters 1..n add up to against the annual target, and no score — it is scored once, in
    /// the annual scorecard.
    /// </summary>
    private static IndicatorScore AnnualInQuarter(ActionPlan plan, PlanIndicator indicator, OfficeYear office, int quarter)
    {
        var end = office.Year.Quarter(quarter).End;
        var soFar = office with { Entries = office.Entries.Where(e => e.Quarter is { } q ? q <= quarter : e.RecordedOn <= end).ToList() };
        var measure = MeasureYear(indicator, soFar);
        return Describe(indicator) with
        {
            Applicable = true,
            Status = ItemStatus.Pending,
            DueOn = AnnualDue(plan, indicator, office.Year),
            RecordedOn = measure.FirstRecorded,
            Actual = measure.Actual,
            ActualDate = measure.ActualDate,
            Target = indicator.Targets.At100?.ToString(),
            Weight = indicator.Weight,
            Counted = measure.Counted,
        };
    }

    public static Scorecard Annual(ActionPlan plan, OfficeYear office, DateOnly today)
    {
        var hasSubordinates = office.HasSubordinatesForYear;
        var expected = office.ExpectedInYear;
        var indicators = new List<IndicatorScore>();
        foreach (var indicator in plan.Indicators.Where(i => i.OfficeId is null || i.OfficeId == office.OfficeId))
        {
            var applicable = expected && indicator.AppliesTo(hasSubordinates, office.OfficeId);
            if (!applicable)
            {
                indicators.Add(Describe(indicator) with { Applicable = false, Status = ItemStatus.NotApplicable, Weight = indicator.Weight });
                continue;
            }
            var measure = MeasureYear(indicator, office);
            var raw = Raw(plan.Method, indicator, measure.Actual, measure.ActualDate, indicator.Targets, quarterly: false);
            var due = AnnualDue(plan, indicator, office.Year);
            indicators.Add(Scored(indicator, office, 0, raw) with
            {
                Applicable = true,
                Status = indicator.Frequency == IndicatorFrequency.Annual ? Status(measure.FirstRecorded, due, today) : YearStatus(plan, indicator, office, today),
                DueOn = due,
                RecordedOn = measure.FirstRecorded,
                Actual = measure.Actual,
                ActualDate = measure.ActualDate,
                Target = indicator.Targets.At100?.ToString(),
                Counted = measure.Counted,
                Missing = Missing(indicator, measure, indicator.Targets.At100),
            });
        }
        var planScore = Round(indicators.Where(i => i.Applicable && !i.OfficeSpecific).Sum(i => i.Score));
        return new Scorecard
        {
            OfficeId = office.OfficeId,
            FiscalYear = office.Year.Name,
            Quarter = null,
            Expected = expected,
            HasSubordinates = hasSubordinates,
            Score = plan.Total == 0 ? 0 : Round(planScore / plan.Total * 100),
            PlanScore = planScore,
            PlanTotal = plan.Total,
            ApaWeight = plan.ApaWeight,
            ApaScore = plan.ApaWeight is { } apa && plan.Total > 0 ? Round(planScore / plan.Total * apa) : null,
            Indicators = indicators,
        };
    }

    /// <summary>The quarter scorecards of the quarters the office was expected in, and the annual one: each computed once.</summary>
    public static (IReadOnlyList<Scorecard> Quarters, Scorecard Annual) Cards(ActionPlan plan, OfficeYear office, DateOnly today) =>
        (Enumerable.Range(1, 4).Where(q => office.Quarters.GetValueOrDefault(q)?.Expected == true).Select(q => Quarter(plan, office, q, today)).ToList(),
         Annual(plan, office, today));

    /// <summary>Every expected item of the year: office × applicable indicator × quarter (annual indicators once, quarter 0).</summary>
    public static IEnumerable<(int Quarter, IndicatorScore Item)> Items(IReadOnlyList<Scorecard> quarters, Scorecard annual) =>
        quarters.SelectMany(card => card.Indicators.Where(i => i.Applicable && i.Frequency == IndicatorFrequency.Quarterly).Select(i => (card.Quarter!.Value, i)))
            .Concat(annual.Indicators.Where(i => i.Applicable && i.Frequency == IndicatorFrequency.Annual).Select(i => (0, i)));

    public static IEnumerable<(int Quarter, IndicatorScore Item)> Items(ActionPlan plan, OfficeYear office, DateOnly today)
    {
        var (quarters, annual) = Cards(plan, office, today);
        return Items(quarters, annual);
    }

    /// <summary>
    /// raw, the fraction of the weight earned. Proportional: min(actual / target100, 1), 0 below 60 %.
    /// Levels: interpolate between the defined levels; dates by days, earlier being better.
    /// </summary>
    public static decimal Raw(ScoringMethod method, PlanIndicator indicator, decimal? actual, DateOnly? actualDate, Targets targets, bool quarterly)
    {
        if (indicator.Unit == IndicatorUnit.Date)
        {
            return actualDate is { } date ? DateLevels(date, targets) : 0;
        }
        if (actual is not { } value) return 0;
        var lowerIsBetter = indicator.Direction == IndicatorDirection.LowerIsBetter;
        if (method == ScoringMethod.Proportional || quarterly && targets.Defined().Count() == 1)
        {
            var target = targets.At100?.Number ?? 0;
            // Falling: the target over the actual (twice the target earns half), nothing at or under zero to divide by.
            if (lowerIsBetter && value <= Math.Max(target, 0)) return 1;
            if (lowerIsBetter && target <= 0) return 0;
            if (target <= 0) return 1;
            var ratio = lowerIsBetter ? target / value : value / target;
            return ratio >= 1 ? 1 : ratio < 0.6m ? 0 : ratio;
        }
        return lowerIsBetter ? FallingLevels(value, targets) : NumberLevels(value, targets);
    }

    /// <summary>Levels of a number that should fall: at or below the 100 % level earns 1, interpolated up to the lowest level defined.</summary>
    private static decimal FallingLevels(decimal actual, Targets targets)
    {
        var levels = targets.Defined().Where(l => l.Target.Number is not null).Select(l => (l.Raw, Value: l.Target.Number!.Value)).ToList();
        if (levels.Count == 0) return 0;
        if (actual <= levels[0].Value) return 1;
        for (var i = 1; i < levels.Count; i++)
        {
            var (betterRaw, better) = levels[i - 1];
            var (worseRaw, worse) = levels[i];
            if (actual <= worse)
            {
                return betterRaw - (betterRaw - worseRaw) * (actual - better) / (worse - better);
            }
        }
        return 0;
    }

    private static decimal NumberLevels(decimal actual, Targets targets)
    {
        var levels = targets.Defined().Where(l => l.Target.Number is not null).Select(l => (l.Raw, Value: l.Target.Number!.Value)).ToList();
        if (levels.Count == 0) return 0;
        if (actual >= levels[0].Value) return 1;
        for (var i = 1; i < levels.Count; i++)
        {
            var (upperRaw, upper) = levels[i - 1];
            var (lowerRaw, lower) = levels[i];
            if (actual >= lower)
            {
                return lowerRaw + (upperRaw - lowerRaw) * (actual - lower) / (upper - lower);
            }
        }
        return 0;
    }

    private static decimal DateLevels(DateOnly actual, Targets targets)
    {
        var levels = targets.Defined().Where(l => l.Target.Date is not null).Select(l => (l.Raw, Date: l.Target.Date!.Value)).ToList();
        if (levels.Count == 0) return 0;
        if (actual <= levels[0].Date) return 1;
        for (var i = 1; i < levels.Count; i++)
        {
            var (betterRaw, better) = levels[i - 1];
            var (worseRaw, worse) = levels[i];
            if (actual <= worse)
            {
                decimal span = worse.DayNumber - better.DayNumber;
                return betterRaw - (betterRaw - worseRaw) * (actual.DayNumber - better.DayNumber) / span;
            }
        }
        return 0;
    }

    public static ItemStatus Status(DateOnly? firstRecorded, DateOnly due, DateOnly today) => firstRecorded switch
    {
        { } recorded when recorded <= due => ItemStatus.Done,
        not null => ItemStatus.Late,
        null when today > due => ItemStatus.Missed,
        _ => ItemStatus.Pending,
    };

    private sealed record Measure(decimal? Actual, DateOnly? ActualDate, DateOnly? FirstRecorded, IReadOnlyList<string> Counted, int WithoutEvidence);

    private static Measure MeasureQuarter(PlanIndicator indicator, OfficeYear office, int quarter)
    {
        if (indicator.FedBy == ActivityFeed.SubordinateCharterUpdates)
        {
            var subordinates = office.Subordinates.GetValueOrDefault(quarter) ?? new SubordinateUpdates(0, [], []);
            decimal? share = subordinates.Expected == 0 ? null : Round(100m * subordinates.Counted.Count / subordinates.Expected);
            // Recorded once every expected subordinate has its update in: the day the last one came.
            DateOnly? complete = subordinates.Expected > 0 && subordinates.RecordedOn.Count >= subordinates.Expected ? subordinates.RecordedOn.Max() : null;
            return new Measure(share, null, complete, subordinates.Counted, 0);
        }
        var entries = office.Entries.Where(e => e.Feeds(indicator) && e.Quarter == quarter).ToList();
        return Count(indicator, entries, cumulativeUpTo: indicator.Aggregation == Aggregation.Cumulative
            ? office.Entries.Where(e => e.Feeds(indicator) && e.Quarter <= quarter).ToList()
            : null);
    }

    private static Measure MeasureYear(PlanIndicator indicator, OfficeYear office)
    {
        if (indicator.FedBy == ActivityFeed.SubordinateCharterUpdates)
        {
            var quarters = Enumerable.Range(1, 4).Where(q => office.Quarters.GetValueOrDefault(q)?.Expected == true).Select(q => MeasureQuarter(indicator, office, q)).ToList();
            var shares = quarters.Where(m => m.Actual is not null).Select(m => m.Actual!.Value).ToList();
            return new Measure(shares.Count == 0 ? null : Round(shares.Average()), null, null, quarters.SelectMany(m => m.Counted).ToList(), 0);
        }
        var entries = office.Entries.Where(e => e.Feeds(indicator)).ToList();
        if (indicator.Aggregation == Aggregation.Average)
        {
            var perQuarter = Enumerable.Range(1, 4).Select(q => Count(indicator, entries.Where(e => e.Quarter == q).ToList(), null).Actual ?? 0).ToList();
            var measured = Count(indicator, entries, null);
            if (indicator.Direction == IndicatorDirection.LowerIsBetter)
            {
                // A quarter without a value would count as 0, the best a falling number can be: average the quarters measured.
                var measuredQuarters = Enumerable.Range(1, 4).Where(q => entries.Any(e => e.Quarter == q && (e.HasEvidence || !indicator.EvidenceRequired))).Select(q => perQuarter[q - 1]).ToList();
                return measured with { Actual = measuredQuarters.Count == 0 ? null : Round(measuredQuarters.Average()) };
            }
            return measured with { Actual = Round(perQuarter.Average()) };
        }
        return Count(indicator, entries, indicator.Aggregation == Aggregation.Cumulative ? entries : null);
    }

    /// <summary>Entries without evidence do not count where evidence is required, but they do show that something was recorded.</summary>
    private static Measure Count(PlanIndicator indicator, IReadOnlyList<Entry> entries, IReadOnlyList<Entry>? cumulativeUpTo)
    {
        bool Counts(Entry e) => e.HasEvidence || !indicator.EvidenceRequired;
        var counting = entries.Where(Counts).ToList();
        var first = entries.Count == 0 ? (DateOnly?)null : entries.Min(e => e.RecordedOn);
        decimal? actual = cumulativeUpTo is null ? counting.Sum(e => e.Value) : cumulativeUpTo.Where(Counts).Sum(e => e.Value);
        // Nothing counted is 0 of a rising number but no measure at all of a falling one (0 would be its best).
        if (indicator.Direction == IndicatorDirection.LowerIsBetter && !(cumulativeUpTo ?? entries).Any(Counts)) actual = null;
        DateOnly? latest = counting.Where(e => e.Date is not null).Select(e => e.Date).Max();
        return new Measure(actual, latest, first, counting.Select(e => e.Reference).ToList(), entries.Count - counting.Count);
    }

    /// <summary>The year's status of a quarterly indicator: the worst of its quarters.</summary>
    private static ItemStatus YearStatus(ActionPlan plan, PlanIndicator indicator, OfficeYear office, DateOnly today)
    {
        var statuses = Enumerable.Range(1, 4).Where(q => office.Quarters.GetValueOrDefault(q)?.Expected == true)
            .Select(q => Status(MeasureQuarter(indicator, office, q).FirstRecorded, office.Year.Quarter(q).End.AddDays(plan.DueDays(indicator)), today))
            .ToList();
        foreach (var worst in new[] { ItemStatus.Missed, ItemStatus.Late, ItemStatus.Pending })
        {
            if (statuses.Contains(worst)) return worst;
        }
        return ItemStatus.Done;
    }

    private static DateOnly AnnualDue(ActionPlan plan, PlanIndicator indicator, FiscalYear year) => year.End.AddDays(plan.DueDays(indicator));

    private static string? Missing(PlanIndicator indicator, Measure measure, Target? target)
    {
        if (indicator.FedBy == ActivityFeed.SubordinateCharterUpdates)
        {
            return measure.Actual is >= 100 ? null : "Not every direct subordinate office has recorded its charter update with evidence.";
        }
        if (indicator.FedBy == ActivityFeed.OfficeIndicatorValues)
        {
            // One value per period: how far it is from the target is the score's to say.
            return measure.WithoutEvidence > 0 ? "Evidence for the value (recorded without evidence)."
                : measure.Counted.Count == 0 ? "The value to record." : null;
        }
        var needed = target?.Number ?? 1;
        var have = measure.Actual ?? 0;
        if (have >= needed) return null;
        var noun = indicator.FedBy switch
        {
            ActivityFeed.CharterUpdates => "charter update",
            ActivityFeed.StakeholderAwarenessMeetings => "stakeholder awareness meeting",
            ActivityFeed.SubordinateCoordinationMeetings => "meeting with subordinate offices",
            ActivityFeed.QuarterlyImplementationReports => "quarterly implementation report",
            ActivityFeed.Trainings => "workshop, training or seminar",
            ActivityFeed.AnnualProgressReports => "annual progress report",
            ActivityFeed.KaizenCases => "implemented Kaizen case",
            _ => "record",
        };
        return measure.WithoutEvidence > 0
            ? $"Evidence for the {noun} ({measure.WithoutEvidence} recorded without evidence)."
            : $"{needed - have:0.##} {noun}{(needed - have == 1 ? "" : "s")} to record.";
    }

    private static IndicatorScore Describe(PlanIndicator indicator) => new()
    {
        Code = indicator.Code,
        TextBn = indicator.TextBn,
        TextEn = indicator.TextEn,
        AlternativeOf = indicator.AlternativeOf,
        Unit = indicator.Unit,
        Frequency = indicator.Frequency,
        FedBy = indicator.FedBy,
        OfficeSpecific = indicator.OfficeId is not null,
    };

    private static IndicatorScore Scored(PlanIndicator indicator, OfficeYear office, int quarter, decimal raw)
    {
        var computed = Round(indicator.Weight * raw);
        var overridden = office.Overrides.GetValueOrDefault((quarter, indicator.Code));
        return Describe(indicator) with
        {
            Raw = Math.Round(raw, 4),
            Weight = indicator.Weight,
            Score = overridden?.Score ?? computed,
            ComputedScore = overridden is null ? null : computed,
            Override = overridden,
        };
    }

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
