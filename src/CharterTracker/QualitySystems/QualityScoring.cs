using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Scoring;

namespace CharterTracker.QualitySystems;

/// <summary>One indicator of a quality system's card: the engine's verdict, with the indicator's own unit and the value counted.</summary>
public sealed record QualityIndicatorScore
{
    public long IndicatorId { get; init; }
    public string Code { get; init; } = "";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";
    public QualityUnit Unit { get; init; }
    public IndicatorFrequency Frequency { get; init; }
    public Aggregation Aggregation { get; init; }
    public IndicatorDirection Direction { get; init; }
    public bool Applicable { get; init; }
    public ItemStatus Status { get; init; }
    public DateOnly? DueOn { get; init; }
    public DateOnly? RecordedOn { get; init; }
    public decimal? Actual { get; init; }
    public string? Target { get; init; }
    public decimal Raw { get; init; }
    public decimal Weight { get; init; }
    public decimal Score { get; init; }

    /// <summary>With a quarter: the value recorded for it (to open, correct or withdraw), if any.</summary>
    public long? ValueId { get; init; }
    public int? ValueVersion { get; init; }
    public string? Missing { get; init; }
}

/// <summary>A quality system's score for a period: the plan's engine run over the system's own indicators as a plan of their own.</summary>
public sealed record QualitySystemScore
{
    public long QualitySystemId { get; init; }
    public long OfficeId { get; init; }
    public string SystemCode { get; init; } = "";
    public QualityStandard Standard { get; init; }
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";
    public DateOnly AdoptedOn { get; init; }
    public DateOnly? RetiredOn { get; init; }

    /// <summary>False when no indicator of the system is scored in the period (none defined, or only annual ones in a quarter).</summary>
    public bool Scored { get; init; }

    /// <summary>0–100, as the plan's quarter or annual score.</summary>
    public decimal Score { get; init; }

    /// <summary>Annual: the marks out of the total of the system's weights.</summary>
    public decimal? Marks { get; init; }
    public decimal Total { get; init; }
    public IReadOnlyList<QualityIndicatorScore> Indicators { get; init; } = [];
}

/// <summary>
/// Scores offices' quality systems with <see cref="ScoringEngine"/>: each system in force in the period becomes a plan
/// of its own (one area, its indicators, the fiscal year's method, due days and lock; its total the sum of its weights),
/// and the office's year is the tree's facts with the quarters the system was not in force marked not expected and its
/// values as the only entries. Nothing of the charter plan goes in, and nothing comes out into its read model.
/// </summary>
public sealed class QualityScoring(DbSession db, ScoringData data, ActionPlanStore plans)
{
    private sealed class ValueRow
    {
        public long Id { get; init; }
        public long OfficeId { get; init; }
        public long IndicatorId { get; init; }
        public int Quarter { get; init; }
        public decimal Value { get; init; }
        public bool HasEvidence { get; init; }
        public DateOnly RecordedOn { get; init; }
        public int Version { get; init; }
    }

    public async Task<IReadOnlyList<QualitySystemScore>> ScoreAsync(FiscalYear year, int? quarter, IReadOnlyCollection<long> officeIds, DateOnly today,
        CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(year.Name, cancellationToken);
        var (start, end) = quarter is { } q ? (year.Quarter(q).Start, year.Quarter(q).End) : (year.Start, year.End);
        var systems = (await QualitySystemStore.OfOfficesAsync(db, officeIds, cancellationToken)).Where(s => s.InForce(start, end)).ToList();
        if (systems.Count == 0) return [];
        var indicators = (await QualityIndicatorStore.OfAdoptionsAsync(db, systems.Select(s => s.Id).ToList(), cancellationToken)).ToLookup(i => i.QualitySystemId);
        var offices = systems.Select(s => s.OfficeId).Distinct().ToList();
        var values = (await db.QueryAsync<ValueRow>(
                "SELECT Id, OfficeId, IndicatorId, Quarter, Value, HasEvidence, RecordedOn, Version FROM QualityValues WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL AND OfficeId IN @offices",
                new { year.Name, offices }, cancellationToken))
            .ToLookup(v => v.IndicatorId);
        var facts = await data.LoadAsync(year, offices, cancellationToken);

        var scores = new List<QualitySystemScore>();
        foreach (var system in systems)
        {
            var own = indicators[system.Id].ToList();
            var systemPlan = plan with
            {
                Total = own.Sum(i => i.Weight),
                ApaWeight = null,
                Areas = [new PlanArea { Code = system.SystemCode, NameBn = system.NameBn, NameEn = system.NameEn, Weight = own.Sum(i => i.Weight), Indicators = own.Select(i => i.ForEngine()).ToList() }],
            };
            var tree = facts[system.OfficeId];
            var officeYear = tree with
            {
                Quarters = tree.Quarters.ToDictionary(f => f.Key, f => f.Value with { Expected = f.Value.Expected && system.InForce(year.Quarter(f.Key).Start, year.Quarter(f.Key).End) }),
                Entries = own.SelectMany(i => values[i.Id].Select(v =>
                    new Entry(ActivityFeed.OfficeIndicatorValues, v.Quarter, v.HasEvidence, v.RecordedOn, $"QualityValue#{v.Id}", Value: v.Value, Indicator: i.Code))).ToList(),
                Subordinates = new Dictionary<int, SubordinateUpdates>(),
                Overrides = new Dictionary<(int, string), ScoreOverride>(),
            };
            var card = quarter is { } number ? ScoringEngine.Quarter(systemPlan, officeYear, number, today) : ScoringEngine.Annual(systemPlan, officeYear, today);
            var rows = own.Zip(card.Indicators).Select(pair =>
            {
                var (indicator, scored) = pair;
                var value = quarter is { } n ? values[indicator.Id].FirstOrDefault(v => v.Quarter == n) : null;
                return new QualityIndicatorScore
                {
                    IndicatorId = indicator.Id, Code = indicator.Code, NameBn = indicator.NameBn, NameEn = indicator.NameEn, Unit = indicator.Unit,
                    Frequency = indicator.Frequency, Aggregation = indicator.Aggregation, Direction = indicator.Direction,
                    Applicable = scored.Applicable, Status = scored.Status, DueOn = scored.DueOn, RecordedOn = scored.RecordedOn, Actual = scored.Actual,
                    Target = scored.Target, Raw = scored.Raw, Weight = scored.Weight, Score = scored.Score, Missing = scored.Missing,
                    ValueId = value?.Id, ValueVersion = value?.Version,
                };
            }).ToList();
            scores.Add(new QualitySystemScore
            {
                QualitySystemId = system.Id, OfficeId = system.OfficeId, SystemCode = system.SystemCode, Standard = system.Standard,
                NameBn = system.NameBn, NameEn = system.NameEn, AdoptedOn = system.AdoptedOn, RetiredOn = system.RetiredOn,
                Scored = rows.Any(r => r.Applicable && (quarter is null || r.Frequency == IndicatorFrequency.Quarterly)),
                Score = card.Score, Marks = card.PlanScore, Total = systemPlan.Total, Indicators = rows,
            });
        }
        return scores;
    }
}
