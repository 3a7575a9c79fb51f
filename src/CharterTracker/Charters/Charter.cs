using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharterTracker.Charters;

/// <summary>The four groups a charter's services are printed in, in that order.</summary>
public enum ServiceCategory
{
    Citizen,
    Institutional,
    Internal,
    Subordinate,
}

/// <summary>
/// What a charter holds, as the focal point writes it (Bengali required, English optional per field): the body of a
/// published version and of a draft, and the shape <c>GET …/charter</c> answers with, so a client can read a version and
/// send it back as a draft.
/// </summary>
public record CharterContent
{
    public string? VisionBn { get; init; }
    public string? VisionEn { get; init; }
    public string? MissionBn { get; init; }
    public string? MissionEn { get; init; }
    public IReadOnlyList<CharterService>? Services { get; init; }
    public IReadOnlyList<GrievanceLevel>? Grievance { get; init; }
    public IReadOnlyList<CharterExpectation>? Expectations { get; init; }
}

/// <summary>
/// A row of the services table. The API's one-text fields (<c>method</c>, <c>fee</c>, …) hold the Bengali text; the
/// <c>…En</c> siblings the English. <see cref="ServiceId"/> keeps the service's identity from an earlier version.
/// </summary>
public sealed record CharterService
{
    public long? ServiceId { get; init; }
    public ServiceCategory? Category { get; init; }
    public string? NameBn { get; init; }
    public string? NameEn { get; init; }
    public string? Method { get; init; }
    public string? MethodEn { get; init; }
    public string? Documents { get; init; }
    public string? DocumentsEn { get; init; }
    public string? Fee { get; init; }
    public string? FeeEn { get; init; }
    public string? TimeLimit { get; init; }
    public string? TimeLimitEn { get; init; }

    /// <summary>Read only: the time limit as a number of days, when it is one ("৭ কার্যদিবস", "15 days").</summary>
    public int? TimeLimitDays { get; init; }

    public CharterOfficer? Officer { get; init; }
}

/// <summary>The officer responsible for a service or a grievance level.</summary>
public sealed record CharterOfficer
{
    public string? Name { get; init; }
    public string? NameEn { get; init; }
    public string? Designation { get; init; }
    public string? DesignationEn { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
}

/// <summary>A level of the grievance redress (GRS) escalation: 1 the officer in charge, then grievance, appeal, the Cabinet Division's cell.</summary>
public sealed record GrievanceLevel
{
    public int? Level { get; init; }
    public CharterOfficer? Officer { get; init; }
    public int? Days { get; init; }
}

/// <summary>A line of "what we expect from you": sent as a plain (Bengali) string or as <c>{ textBn, textEn }</c>; answered as the latter.</summary>
[JsonConverter(typeof(CharterExpectationConverter))]
public sealed record CharterExpectation
{
    public string? TextBn { get; init; }
    public string? TextEn { get; init; }
}

/// <summary>A charter version as stored: its content with its number, state and the charter update it counts as.</summary>
public sealed record CharterVersion : CharterContent, Pipeline.IIdentifiedResult
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public int Version { get; init; }

    /// <summary>Draft or Published.</summary>
    public string Status { get; init; } = "";
    public DateOnly? PublishedOn { get; init; }
    public string? FiscalYear { get; init; }
    public int? Quarter { get; init; }
    public long? CharterUpdateId { get; init; }

    /// <summary>A draft's revision: a save or publish must name the one it read.</summary>
    public int Revision { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTime CreatedAtUtc { get; init; }
    public DateTime UpdatedAtUtc { get; init; }
    public string? PublishedBy { get; init; }
    public DateTime? PublishedAtUtc { get; init; }
}

internal sealed class CharterExpectationConverter : JsonConverter<CharterExpectation>
{
    public override CharterExpectation? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return new CharterExpectation { TextBn = reader.GetString() };
            case JsonTokenType.StartObject:
                string? bn = null, en = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException("An expectation is a string or { textBn, textEn }.");
                    var name = reader.GetString();
                    reader.Read();
                    var value = reader.TokenType == JsonTokenType.Null ? null
                        : reader.TokenType == JsonTokenType.String ? reader.GetString()
                        : throw new JsonException($"An expectation's {name} is a string.");
                    if (string.Equals(name, "textBn", StringComparison.OrdinalIgnoreCase)) bn = value;
                    else if (string.Equals(name, "textEn", StringComparison.OrdinalIgnoreCase)) en = value;
                }
                return new CharterExpectation { TextBn = bn, TextEn = en };
            default:
                throw new JsonException("An expectation is a string or { textBn, textEn }.");
        }
    }

    public override void Write(Utf8JsonWriter writer, CharterExpectation value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("textBn", value.TextBn);
        writer.WriteString("textEn", value.TextEn);
        writer.WriteEndObject();
    }
}
