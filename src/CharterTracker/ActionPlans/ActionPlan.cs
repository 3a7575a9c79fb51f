using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharterTracker.ActionPlans;

public enum ScoringMethod
{
    /// <summary>raw = min(actual / target100, 1), and 0 below 60 % of the target.</summary>
    Proportional,

    /// <summary>Interpolate between the defined levels (100/90/80/70/60 %); worse than the lowest defined level scores 0.</summary>
    Levels,
}

public enum IndicatorUnit
{
    Count,
    Percent,
    Date,
}

public enum IndicatorFrequency
{
    Quarterly,
    Annual,
}

public enum Aggregation
{
    Sum,
    Average,

    /// <summary>The latest reported date.</summary>
    Date,

    /// <summary>Each quarter reports the running total; Q4's is the year's.</summary>
    Cumulative,
}

public enum Applicability
{
    All,
    WithSubordinates,
    WithoutSubordinates,
}

/// <summary>The kind of record whose entries count toward an indicator.</summary>
public enum ActivityFeed
{
    CharterUpdates,

    /// <summary>The share of the office's direct subordinates whose own charter-update indicator counts that quarter.</summary>
    SubordinateCharterUpdates,
    StakeholderAwarenessMeetings,
    SubordinateCoordinationMeetings,
    QuarterlyImplementationReports,
    Trainings,
    AnnualProgressReports,

    /// <summary>Kaizen cases implemented in the year ("one year, one project"); counted from the day each was saved as implemented.</summary>
    KaizenCases,
    /// <summary>The values an office records for indicators it defined itself (quality systems): each entry names its indicator.</summary>
    OfficeIndicatorValues,
}

/// <summary>Which way a number indicator improves. The charter plan's indicators all rise; an office's own may fall (complaints, days).</summary>
public enum IndicatorDirection
{
    HigherIsBetter,

    /// <summary>At or below the 100 % target earns the full weight; levels rise from there (the way dates work).</summary>
    LowerIsBetter,
}

/// <summary>A target value: a number for count and percent indicators, a date for date indicators.</summary>
[JsonConverter(typeof(TargetJsonConverter))]
public readonly record struct Target(decimal? Number, DateOnly? Date)
{
    public static implicit operator Target(decimal number) => new(number, null);

    public static Target On(DateOnly date) => new(null, date);

    public override string ToString() => Date is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Number?.ToString(CultureInfo.InvariantCulture) ?? "";
}

/// <summary>The five APA levels: the value to reach for 100 %, 90 %, 80 %, 70 %, 60 % (any may be empty).</summary>
public sealed record Targets
{
    public Target? At100 { get; init; }
    public Target? At90 { get; init; }
    public Target? At80 { get; init; }
    public Target? At70 { get; init; }
    public Target? At60 { get; init; }

    /// <summary>The defined levels, best first, as (fraction of the weight, target).</summary>
    public IEnumerable<(decimal Raw, Target Target)> Defined()
    {
        if (At100 is { } a) yield return (1.0m, a);
        if (At90 is { } b) yield return (0.9m, b);
        if (At80 is { } c) yield return (0.8m, c);
        if (At70 is { } d) yield return (0.7m, d);
        if (At60 is { } e) yield return (0.6m, e);
    }
}

/// <summary>One indicator of a plan, with everything the engine needs to score it.</summary>
public sealed record PlanIndicator
{
    /// <summary>Like "1.2.1"; shown as [১.২.১] in Bengali.</summary>
    public string Code { get; init; } = "";
    public string ActivityCode { get; init; } = "";
    public string? ActivityBn { get; init; }
    public string? ActivityEn { get; init; }
    public string TextBn { get; init; } = "";
    public string TextEn { get; init; } = "";
    public IndicatorUnit Unit { get; init; }
    public decimal Weight { get; init; }
    public IndicatorFrequency Frequency { get; init; }
    public Aggregation Aggregation { get; init; }
    public Targets Targets { get; init; } = new();

    /// <summary>Per quarter (Q1..Q4), for quarterly indicators; empty: derived from the annual 100 % target.</summary>
    public IReadOnlyList<Target?> QuarterTargets { get; init; } = [];
    public Applicability Applicability { get; init; }

    /// <summary>The code of the indicator this one replaces for the other kind of office; the pair shows as one row.</summary>
    public string? AlternativeOf { get; init; }
    public bool EvidenceRequired { get; init; } = true;
    public ActivityFeed FedBy { get; init; }

    /// <summary>Days after the period's end the item is due; null: the plan's rule.</summary>
    public int? DueDaysAfterPeriod { get; init; }

    /// <summary>Set for an office's own extra indicator (quality systems): it applies to that office only, beyond the plan total.</summary>
    public long? OfficeId { get; init; }

    /// <summary>Number indicators only; left out of a plan's JSON while it is the default, so plans read as before.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public IndicatorDirection Direction { get; init; }

    /// <summary>The target of one quarter: given, or derived from the annual 100 % target by the aggregation.</summary>
    public Target? QuarterTarget(int quarter)
    {
        if (QuarterTargets.Count == 4) return QuarterTargets[quarter - 1];
        if (Targets.At100 is not { } annual) return null;
        return (Unit, Aggregation) switch
        {
            (IndicatorUnit.Date, _) => annual,
            (_, Aggregation.Sum) => new Target(annual.Number / 4, null),
            (_, Aggregation.Cumulative) => new Target(annual.Number * quarter / 4, null),
            _ => annual,
        };
    }

    public bool AppliesTo(bool hasSubordinates, long officeId) =>
        (OfficeId is null || OfficeId == officeId) && Applicability switch
        {
            Applicability.WithSubordinates => hasSubordinates,
            Applicability.WithoutSubordinates => !hasSubordinates,
            _ => true,
        };
}

public sealed record PlanArea
{
    public string Code { get; init; } = "";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";
    public decimal Weight { get; init; }
    public IReadOnlyList<PlanIndicator> Indicators { get; init; } = [];
}

/// <summary>
/// A fiscal year's action plan: areas → indicators with weights and targets. Data, not code: the framework (APA
/// today, GPMS from 2025-26), the indicators and the scoring method all come from here.
/// </summary>
public sealed record ActionPlan
{
    public string FiscalYear { get; init; } = "";
    public string Framework { get; init; } = "APA";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";
    public decimal Total { get; init; }
    public ScoringMethod Method { get; init; }

    /// <summary>The plan's weight in the parent framework (the charter plan: 3 of the APA's 100), for the converted score.</summary>
    public decimal? ApaWeight { get; init; }

    /// <summary>Quarterly items are due this many days after the quarter ends (15: 15 Oct, 15 Jan, 15 Apr, 15 Jul).</summary>
    public int QuarterlyDueDays { get; init; } = 15;

    /// <summary>Annual items are due this many days after the year ends (15: 15 July).</summary>
    public int AnnualDueDays { get; init; } = 15;

    /// <summary>Records of a period are locked this many days after its due date.</summary>
    public int LockDays { get; init; } = 30;
    public IReadOnlyList<PlanArea> Areas { get; init; } = [];

    [JsonIgnore]
    public IEnumerable<PlanIndicator> Indicators => Areas.SelectMany(area => area.Indicators);

    public int DueDays(PlanIndicator indicator) =>
        indicator.DueDaysAfterPeriod ?? (indicator.Frequency == IndicatorFrequency.Quarterly ? QuarterlyDueDays : AnnualDueDays);
}

internal sealed class TargetJsonConverter : JsonConverter<Target>
{
    public override Target Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => new Target(reader.GetDecimal(), null),
        JsonTokenType.String when DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => Target.On(date),
        _ => throw new JsonException("A target is a number, or a date written YYYY-MM-DD for date indicators."),
    };

    public override void Write(Utf8JsonWriter writer, Target value, JsonSerializerOptions options)
    {
        if (value.Date is { } date) writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else if (value.Number is { } number) writer.WriteNumberValue(number);
        else writer.WriteNullValue();
    }
}
