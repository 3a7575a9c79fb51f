using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;

namespace CharterTracker.Kaizen;

/// <summary>Where a case stands. Planned → InProgress → Implemented, or Abandoned before it is implemented.</summary>
public enum KaizenStatus
{
    Planned,
    InProgress,
    Implemented,
    Abandoned,
}

/// <summary>Which way a measure improves: fewer steps, days, visits or taka (the default), or more (satisfaction).</summary>
public enum BetterWhen
{
    Lower,
    Higher,
}

/// <summary>
/// A Kaizen case ("one year, one project", docs/rules.md "Quality programmes"): a small improvement an office made to
/// a service — the problem, its root cause, the change, who did it and what it measurably changed. A record kind like
/// the others: edited with history, withdrawn, backed by evidence; an implemented one can feed a plan indicator.
/// </summary>
public sealed record KaizenCase : RecordMetadata, IIdentifiedResult
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public string FiscalYear { get; init; } = "";
    public string Title { get; init; } = "";
    public string Problem { get; init; } = "";
    public string RootCause { get; init; } = "";
    public string Change { get; init; } = "";
    public KaizenStatus Status { get; init; }

    /// <summary>The day the change took effect; set only for an implemented case.</summary>
    public DateOnly? ImplementedOn { get; init; }

    /// <summary>The day the case was first saved as implemented: decides Done or Late for a Kaizen-fed indicator.</summary>
    public DateOnly? ImplementedRecordedOn { get; init; }

    /// <summary>Why it was given up; set only for an abandoned case.</summary>
    public string? AbandonedReason { get; init; }
    public IReadOnlyList<KaizenTeamMember> Team { get; init; } = [];
    public IReadOnlyList<KaizenMeasure> Measures { get; init; } = [];
}

public sealed record KaizenTeamMember(string Name, string Designation);

/// <summary>A before/after measure with the improvement computed: positive when the measure moved the better way.</summary>
public sealed record KaizenMeasure
{
    public string Name { get; init; } = "";
    public string Unit { get; init; } = "";
    public decimal Before { get; init; }

    /// <summary>Null while the case is not implemented (or the value is not known yet).</summary>
    public decimal? After { get; init; }
    public BetterWhen Better { get; init; }

    /// <summary>How far it moved the better way, in the measure's unit (7 visits → 2: 5).</summary>
    public decimal? Improvement => After is { } after ? (Better == BetterWhen.Lower ? Before - after : after - Before) : null;

    /// <summary>The improvement as a share of the value before, in per cent, to one decimal (7 → 2: 71.4); null from 0.</summary>
    public decimal? ImprovementPercent => Improvement is { } gained && Before != 0 ? Math.Round(gained / Before * 100, 1, MidpointRounding.AwayFromZero) : null;
}

/// <summary>
/// The fields a focal point fills in for a case. <see cref="RecordKaizenCaseCommand"/> and <see cref="EditKaizenCaseCommand"/>
/// are these fields with what identifies the record.
/// </summary>
public record KaizenCaseFields : RecordFields
{
    public string? Title { get; init; }
    public string? Problem { get; init; }
    public string? RootCause { get; init; }
    public string? Change { get; init; }
    public KaizenStatus? Status { get; init; }
    public DateOnly? ImplementedOn { get; init; }
    public string? AbandonedReason { get; init; }
    public IReadOnlyList<KaizenTeamMemberFields?>? Team { get; init; }
    public IReadOnlyList<KaizenMeasureFields?>? Measures { get; init; }
}

public sealed record KaizenTeamMemberFields
{
    public string? Name { get; init; }
    public string? Designation { get; init; }
}

/// <summary>
/// A measure as sent. The values are read as text (a JSON number, or a string that may use Bengali digits: "৭"),
/// so that a value that is not a number is a validation error naming its field (<c>measures[1].after</c>).
/// </summary>
public sealed record KaizenMeasureFields
{
    public string? Name { get; init; }
    public string? Unit { get; init; }

    [JsonConverter(typeof(NumberTextConverter))]
    public string? Before { get; init; }

    [JsonConverter(typeof(NumberTextConverter))]
    public string? After { get; init; }
    public BetterWhen? Better { get; init; }

    /// <summary>A value as a number, Bengali digits read as the digits they are; null when empty or not a number.</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var latin = BengaliDigits.ToLatin(text.Trim()).Replace("৳", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(latin, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>Reads a JSON number or string as its text; anything else (an object, an array) is not a number.</summary>
    public sealed class NumberTextConverter : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            _ => throw new JsonException("A measure's value is a number."),
        };

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            if (value is null) writer.WriteNullValue();
            else writer.WriteStringValue(value);
        }
    }
}
