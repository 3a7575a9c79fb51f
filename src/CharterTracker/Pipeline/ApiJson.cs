using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization;

namespace CharterTracker.Pipeline;

/// <summary>The API's JSON conventions (docs/api.md): camelCase, enums as strings, dates YYYY-MM-DD, times HH:mm.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Bengali stays Bengali in stored JSON (audit payloads, office history), not \u09AC escapes.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new HourMinuteConverter());
        options.Converters.Add(new IsoDateConverter());
        return options;
    }

    /// <summary>"11:00", not "11:00:00": times in minutes, as the minutes documents print them.</summary>
    private sealed class HourMinuteConverter : JsonConverter<TimeOnly>
    {
        public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            // Bengali digits are read as the digits they are ("১১:০০").
            if (TimeOnly.TryParseExact(text is null ? null : Calendar.BengaliDigits.ToLatin(text), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
            throw new JsonException($"'{text}' is not a time written HH:mm.");
        }

        public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>Dates stay ISO YYYY-MM-DD in the API, in Latin or Bengali digits ("২০২৪-০৯-১৯"); written in Latin digits.</summary>
    private sealed class IsoDateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            if (DateOnly.TryParseExact(text is null ? null : Calendar.BengaliDigits.ToLatin(text), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            throw new JsonException($"'{text}' is not a date written YYYY-MM-DD.");
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        public override DateOnly ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
