using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CharterTracker.Calendar;

namespace CharterTracker.QualitySystems;

/// <summary>
/// A number in a JSON body, given as a number or as text in Latin or Bengali digits ("৮৫.৫"): a value copied from a
/// Bengali report keeps its digits. Written back as a JSON number.
/// </summary>
public sealed class LocalDigitsDecimalConverter : JsonConverter<decimal?>
{
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return reader.GetDecimal();
            case JsonTokenType.String:
                var text = BengaliDigits.ToLatin(reader.GetString() ?? "").Trim();
                if (text.Length == 0) return null;
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
                throw new JsonException($"'{reader.GetString()}' is not a number (digits may be Latin or Bengali).");
            default:
                throw new JsonException("A number is expected (digits may be Latin or Bengali).");
        }
    }

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } number) writer.WriteNumberValue(number);
        else writer.WriteNullValue();
    }
}
