using System.Globalization;

namespace CharterTracker.Pipeline;

/// <summary>
/// The one way a form is read. The framework throws <see cref="InvalidDataException"/> for a form over its limits but a
/// bare <see cref="IOException"/> for one that is cut short or has a broken boundary; both are the client's mistake, so
/// both come out as <see cref="InvalidDataException"/>, which the API answers 400/413 and the pages with their error page.
/// </summary>
public static class FormReading
{
    public static async Task<IFormCollection> ReadWellFormedFormAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw new InvalidDataException("The form could not be read: it ends before its closing boundary or is not well formed.", e);
        }
    }

    /// <summary>Over FormOptions' limits (a value over 4 MB, more than 1,024 fields…), as opposed to malformed.</summary>
    public static bool IsOverLimit(this InvalidDataException exception) =>
        exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// How a person's typing becomes a number, a date or a time: the one parser of the web forms (<c>WebForm</c>) and the
/// API's JSON dates and times. Bengali digits are the digits they are (a Bengali keyboard types ২৫ for 25); a date is
/// day first, dd/mm/yyyy (Bangladesh reads 12/04/2026 as 12 April) — with '/', '-' or '.' between the parts — or ISO
/// yyyy-mm-dd (what the API and older forms send); a time is 24-hour HH:mm, with ':' or '.' (১১.০০ as the minutes
/// print it).
/// </summary>
public static class TypedInput
{
    private static readonly string[] DayFirst = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];
    private static readonly string[] Iso = ["yyyy-M-d"];
    private static readonly string[] Times = ["H:mm", "H.mm", "H:mm:ss"];

    /// <summary>The text with Bengali digits as Latin ones, trimmed.</summary>
    public static string Latin(string text) => Calendar.BengaliDigits.ToLatin(text.Trim());

    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var latin = Latin(text);
        return DateOnly.TryParseExact(latin, DayFirst, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || DateOnly.TryParseExact(latin, Iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static bool TryTime(string? text, out TimeOnly time)
    {
        time = default;
        return !string.IsNullOrWhiteSpace(text) && TimeOnly.TryParseExact(Latin(text), Times, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    public static bool TryInt(string? text, out int value)
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && int.TryParse(Latin(text), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryLong(string? text, out long value)
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && long.TryParse(Latin(text), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A decimal with '.' as the point (Bengali text uses it too); thousands separators allowed.</summary>
    public static bool TryDecimal(string? text, out decimal value)
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && decimal.TryParse(Latin(text), NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>How a form shows a date: dd/mm/yyyy, whatever the browser's locale.</summary>
    public static string ShowDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
