using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Scoring;

namespace CharterTracker.Tests.Scoring;

/// <summary>Hand-worked examples of docs/rules.md "Scoring", on the built-in 2024-25 plan unless a test says otherwise.</summary>
public sealed class ScoringEngineTests
{
    private static readonly ActionPlan Plan = BuiltInPlans.CitizenCharter2024;
    private static readonly FiscalYear Year = new(2024, 7);
    private static readonly DateOnly AfterTheYear = new(2025, 8, 31);

    private static OfficeYear Office(bool hasSubordinates, IEnumerable<Entry> entries, Dictionary<int, SubordinateUpdates>? subordinates = null,
        Dictionary<(int, string), ScoreOverride>? overrides = null) =>
        new(1, Year, Enumerable.Range(1, 4).ToDictionary(q => q, _ => new QuarterFacts(true, hasSubordinates)), entries.ToList(),
            subordinates ?? new Dictionary<int, SubordinateUpdates>(), overrides ?? new Dictionary<(int, string), ScoreOverride>());

    private static Entry E(ActivityFeed feed, int? quarter, bool evidence = true, string recordedOn = "2024-09-01") =>
        new(feed, quarter, evidence, DateOnly.Parse(recordedOn, System.Globalization.CultureInfo.InvariantCulture), $"{feed}#{quarter}");

    private static IEnumerable<Entry> EachQuarter(ActivityFeed feed, params int[] quarters) => quarters.Select(q => E(feed, q));

    private static IndicatorScore Indicator(Scorecard card, string code) => card.Indicators.Single(i => i.Code == code);

    [Test]
    public void An_office_without_subordinates_that_did_everything_scores_25_of_25_and_3_APA_marks()
    {
        var office = Office(false, EachQuarter(ActivityFeed.CharterUpdates, 1, 2, 3, 4)
            .Concat(EachQuarter(ActivityFeed.StakeholderAwarenessMeetings, 1, 2, 3, 4))
            .Concat(EachQuarter(ActivityFeed.QuarterlyImplementationReports, 1, 2, 3, 4))
            .Append(E(ActivityFeed.Trainings, 2))
            .Append(E(ActivityFeed.AnnualProgressReports, null)));

        var card = ScoringEngine.Annual(Plan, office, AfterTheYear);

        Assert.Multiple(() =>
        {
            Assert.That((card.PlanScore, card.PlanTotal, card.Score, card.ApaScore), Is.EqualTo((25m, 25m, 100m, 3m)));
            Assert.That(card.Indicators.Where(i => i.Applicable).Select(i => i.Code), Is.EqualTo(new[] { "1.1.1", "1.2.2", "1.3.2", "2.1.2", "2.2.2" }));
            Assert.That(card.Indicators.Where(i => !i.Applicable).Select(i => (i.Code, i.Status)),
                Is.EqualTo(new[] { ("1.2.1", ItemStatus.NotApplicable), ("1.3.1", ItemStatus.NotApplicable), ("2.1.1", ItemStatus.NotApplicable) }));
        });
    }

    [Test]
    public void Proportional_scoring_with_the_60_percent_floor_and_the_evidence_rule()
    {
        // 3 of 4 updates → 3/4 = 0.75 × 5 = 3.75; 2 of 4 meetings → 0.5 < 0.6 → 0; 4 reports → 4; the training → 6;
        // the annual report has no evidence → 0. Plan score 13.75 of 25 = 55 %; APA 13.75 / 25 × 3 = 1.65.
        var office = Office(false, EachQuarter(ActivityFeed.CharterUpdates, 1, 2, 3)
            .Concat(EachQuarter(ActivityFeed.StakeholderAwarenessMeetings, 1, 2))
            .Concat(EachQuarter(ActivityFeed.QuarterlyImplementationReports, 1, 2, 3, 4))
            .Append(E(ActivityFeed.Trainings, 3))
            .Append(E(ActivityFeed.AnnualProgressReports, null, evidence: false)));

        var card = ScoringEngine.Annual(Plan, office, AfterTheYear);

        Assert.Multiple(() =>
        {
            Assert.That((Indicator(card, "1.1.1").Actual, Indicator(card, "1.1.1").Raw, Indicator(card, "1.1.1").Score), Is.EqualTo((3m, 0.75m, 3.75m)));
            Assert.That((Indicator(card, "1.2.2").Raw, Indicator(card, "1.2.2").Score), Is.EqualTo((0m, 0m)));
            Assert.That(Indicator(card, "1.3.2").Score, Is.EqualTo(4m));
            Assert.That(Indicator(card, "2.1.2").Score, Is.EqualTo(6m));
            Assert.That((Indicator(card, "2.2.2").Actual, Indicator(card, "2.2.2").Score, Indicator(card, "2.2.2").Status), Is.EqualTo((0m, 0m, ItemStatus.Done)),
                "recorded on time, but without evidence it earns nothing");
            Assert.That(Indicator(card, "2.2.2").Missing, Does.Contain("Evidence"));
            Assert.That((card.PlanScore, card.Score, card.ApaScore), Is.EqualTo((13.75m, 55m, 1.65m)));
        });
    }

    [Test]
    public void The_quarter_score_is_over_the_quarterly_indicators_only()
    {
        // Q3: update (5) and report (4) but no stakeholder meeting (4): 9 / 13 = 69.23.
        var office = Office(false, new[] { E(ActivityFeed.CharterUpdates, 3), E(ActivityFeed.QuarterlyImplementationReports, 3), E(ActivityFeed.Trainings, 3) });

        var card = ScoringEngine.Quarter(Plan, office, 3, AfterTheYear);

        Assert.Multiple(() =>
        {
            Assert.That(card.Score, Is.EqualTo(69.23m));
            Assert.That(card.Indicators.Where(i => i.Applicable && i.Frequency == IndicatorFrequency.Quarterly).Select(i => (i.Code, i.Score)),
                Is.EqualTo(new[] { ("1.1.1", 5m), ("1.2.2", 0m), ("1.3.2", 4m) }));
            Assert.That(Indicator(card, "1.2.2").Status, Is.EqualTo(ItemStatus.Missed));
        });
    }

    [Test]
    public void An_office_with_subordinates_is_scored_on_its_subordinates_updates_averaged_over_the_quarters()
    {
        // Q1 3 of 4 (one without evidence does not count) = 75 %, Q2 100 %, Q3 100 %, Q4 2 of 4 = 50 %:
        // quarter 1: 1.2.1 raw 0.75 → 3.00; with 1.1.1 (5) and 1.3.1 (4): 12 / 13 = 92.31.
        // year: average 81.25 % → raw 0.8125 → 3.25.
        var subordinates = new Dictionary<int, SubordinateUpdates>
        {
            [1] = new(4, ["Office#2", "Office#3", "Office#4"], Dates(4)),
            [2] = new(4, ["Office#2", "Office#3", "Office#4", "Office#5"], Dates(4)),
            [3] = new(4, ["Office#2", "Office#3", "Office#4", "Office#5"], Dates(4)),
            [4] = new(4, ["Office#2", "Office#3"], Dates(2)),
        };
        var office = Office(true, EachQuarter(ActivityFeed.CharterUpdates, 1, 2, 3, 4).Concat(EachQuarter(ActivityFeed.SubordinateCoordinationMeetings, 1, 2, 3, 4)).Append(E(ActivityFeed.Trainings, 2)),
            subordinates);

        var q1 = ScoringEngine.Quarter(Plan, office, 1, AfterTheYear);
        var year = ScoringEngine.Annual(Plan, office, AfterTheYear);

        Assert.Multiple(() =>
        {
            Assert.That((Indicator(q1, "1.2.1").Actual, Indicator(q1, "1.2.1").Score), Is.EqualTo((75m, 3m)));
            Assert.That(q1.Score, Is.EqualTo(92.31m));
            Assert.That(Indicator(q1, "1.2.1").Counted, Is.EqualTo(new[] { "Office#2", "Office#3", "Office#4" }));
            Assert.That((Indicator(year, "1.2.1").Actual, Indicator(year, "1.2.1").Raw, Indicator(year, "1.2.1").Score), Is.EqualTo((81.25m, 0.8125m, 3.25m)));
            Assert.That(Indicator(year, "2.1.1").Score, Is.EqualTo(12m));
            Assert.That(year.PlanScore, Is.EqualTo(5 + 3.25m + 4 + 12));
            Assert.That(year.Indicators.Where(i => !i.Applicable).Select(i => i.Code), Is.EqualTo(new[] { "1.2.2", "1.3.2", "2.1.2", "2.2.2" }));
        });
    }

    private static DateOnly[] Dates(int count) => Enumerable.Repeat(new DateOnly(2024, 9, 1), count).ToArray();

    private static readonly PlanIndicator Counted = new()
    {
        Code = "9.1.1", Unit = IndicatorUnit.Count, Weight = 10, Frequency = IndicatorFrequency.Annual, Aggregation = Aggregation.Sum,
        Targets = new Targets { At100 = 4, At90 = 3 }, FedBy = ActivityFeed.CharterUpdates,
    };

    [TestCase(4, 1.0)]
    [TestCase(5, 1.0)]
    [TestCase(3, 0.9)]
    [TestCase(3.5, 0.95)]
    [TestCase(2.9, 0.0)]
    public void Levels_interpolate_between_the_defined_levels_and_score_nothing_below_the_lowest(decimal actual, decimal raw)
    {
        Assert.That(ScoringEngine.Raw(ScoringMethod.Levels, Counted, actual, null, Counted.Targets, quarterly: false), Is.EqualTo(raw));
    }

    [TestCase(100, 1.0)]
    [TestCase(85, 0.85)]
    [TestCase(60, 0.6)]
    [TestCase(59, 0.0)]
    public void Percent_levels_100_90_80_70_60(decimal actual, decimal raw)
    {
        var percent = Counted with { Unit = IndicatorUnit.Percent, Targets = new Targets { At100 = 100, At90 = 90, At80 = 80, At70 = 70, At60 = 60 } };

        Assert.That(ScoringEngine.Raw(ScoringMethod.Levels, percent, actual, null, percent.Targets, quarterly: false), Is.EqualTo(raw));
    }

    [TestCase(4, 1.0)]
    [TestCase(3, 0.75)]
    [TestCase(2.4, 0.6)]
    [TestCase(2.36, 0.0)]
    public void Proportional_is_actual_over_the_100_percent_target_capped_at_1_and_zero_below_60_percent(decimal actual, decimal raw)
    {
        Assert.That(ScoringEngine.Raw(ScoringMethod.Proportional, Counted, actual, null, Counted.Targets, quarterly: false), Is.EqualTo(raw));
    }

    [TestCase("2024-10-31", 1.0)]
    [TestCase("2024-10-01", 1.0)]
    [TestCase("2024-11-15", 0.95)]
    [TestCase("2024-11-30", 0.9)]
    [TestCase("2024-12-31", 0.8)]
    [TestCase("2025-01-01", 0.0)]
    public void Date_targets_interpolate_by_days_and_earlier_is_better(string actual, decimal raw)
    {
        var dated = Counted with
        {
            Unit = IndicatorUnit.Date, Aggregation = Aggregation.Date,
            Targets = new Targets { At100 = Target.On(new DateOnly(2024, 10, 31)), At90 = Target.On(new DateOnly(2024, 11, 30)), At80 = Target.On(new DateOnly(2024, 12, 31)) },
        };

        Assert.That(ScoringEngine.Raw(ScoringMethod.Levels, dated, null, DateOnly.Parse(actual, System.Globalization.CultureInfo.InvariantCulture), dated.Targets, quarterly: false),
            Is.EqualTo(raw).Within(0.0001m));
    }

    [Test]
    public void Cumulative_counts_the_running_total_against_a_growing_quarter_target()
    {
        var plan = Plan with
        {
            Total = 10,
            Areas = [new PlanArea { Code = "9", Weight = 10, Indicators = [Counted with { Frequency = IndicatorFrequency.Quarterly, Aggregation = Aggregation.Cumulative, Targets = new Targets { At100 = 8 } }] }],
        };
        // Two a quarter: Q2 running total 4 against 8 × 2/4 = 4 → full; Q3 with none: 4 against 6 → 0.67.
        var office = Office(false, new[] { E(ActivityFeed.CharterUpdates, 1), E(ActivityFeed.CharterUpdates, 1), E(ActivityFeed.CharterUpdates, 2), E(ActivityFeed.CharterUpdates, 2) });

        Assert.Multiple(() =>
        {
            Assert.That(Indicator(ScoringEngine.Quarter(plan, office, 2, AfterTheYear), "9.1.1").Actual, Is.EqualTo(4m));
            Assert.That(ScoringEngine.Quarter(plan, office, 2, AfterTheYear).Score, Is.EqualTo(100m));
            Assert.That(ScoringEngine.Quarter(plan, office, 3, AfterTheYear).Score, Is.EqualTo(66.7m), "the printed marks, 6.67 of 10");
            Assert.That(ScoringEngine.Annual(plan, office, AfterTheYear).PlanScore, Is.EqualTo(0m), "the year's total 4 of 8 = 50 %, below the 60 % floor");
        });
    }

    [TestCase("2024-10-15", "2024-10-20", ItemStatus.Done)]
    [TestCase("2024-10-16", "2024-10-20", ItemStatus.Late)]
    [TestCase(null, "2024-10-15", ItemStatus.Pending)]
    [TestCase(null, "2024-10-16", ItemStatus.Missed)]
    public void A_quarterly_item_is_due_on_the_15th_day_after_its_quarter(string? recordedOn, string today, ItemStatus status)
    {
        var entries = recordedOn is null ? [] : new[] { E(ActivityFeed.CharterUpdates, 1, recordedOn: recordedOn) };

        var card = ScoringEngine.Quarter(Plan, Office(false, entries), 1, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.That((Indicator(card, "1.1.1").DueOn, Indicator(card, "1.1.1").Status), Is.EqualTo((new DateOnly(2024, 10, 15), status)));
    }

    [Test]
    public void Annual_items_are_due_on_15_July_after_the_year()
    {
        var card = ScoringEngine.Annual(Plan, Office(false, []), new DateOnly(2025, 7, 16));

        Assert.That((Indicator(card, "2.2.2").DueOn, Indicator(card, "2.2.2").Status), Is.EqualTo((new DateOnly(2025, 7, 15), ItemStatus.Missed)));
    }

    [Test]
    public void A_committee_override_replaces_the_score_and_the_computed_one_stays_beside_it()
    {
        var overrides = new Dictionary<(int, string), ScoreOverride> { [(0, "1.1.1")] = new(2.5m, "Two of the updates were not uploaded to the portal", "committee", DateTime.UnixEpoch) };
        var office = Office(false, EachQuarter(ActivityFeed.CharterUpdates, 1, 2, 3, 4), overrides: overrides);

        var indicator = Indicator(ScoringEngine.Annual(Plan, office, AfterTheYear), "1.1.1");

        Assert.That((indicator.Score, indicator.ComputedScore, indicator.Override!.Remark), Is.EqualTo((2.5m, 5m, "Two of the updates were not uploaded to the portal")));
    }

    [Test]
    public void An_office_that_did_not_exist_on_a_quarters_first_day_is_not_expected_in_it()
    {
        var office = Office(false, []) with
        {
            Quarters = new Dictionary<int, QuarterFacts> { [1] = new(false, false), [2] = new(false, false), [3] = new(true, false), [4] = new(true, false) },
        };

        var items = ScoringEngine.Items(Plan, office, AfterTheYear).ToList();

        Assert.That(items.Where(i => i.Quarter > 0).Select(i => i.Quarter).Distinct(), Is.EqualTo(new[] { 3, 4 }));
        Assert.That(items.Count(i => i.Quarter == 0), Is.EqualTo(2), "2.1.2 and 2.2.2 for the year");
    }

    [Test]
    public void The_built_in_plan_adds_up_for_both_kinds_of_office()
    {
        var validator = new ActionPlanValidator(new FiscalCalendar(7, "Asia/Dhaka", TimeProvider.System));

        Assert.That(validator.Validate(Plan).Errors, Is.Empty);
    }
}
