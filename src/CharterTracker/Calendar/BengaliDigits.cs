using System.Globalization;

namespace CharterTracker.Calendar;

/// <summary>
/// Converts between ASCII digits and Bengali digits (০১২৩৪৫৬৭৮৯, U+09E6..U+09EF).
/// Only digits are touched, so the same helpers work on dates, memo numbers and amounts.
/// </summary>
public static class BengaliDigits
{
    private const char BengaliZero = '\u09E6';
    private const char BengaliNine = '\u09EF';

    /// <summary>Replaces every ASCII digit with its Bengali counterpart; all other characters are kept.</summary>
    public static string ToBengali(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Map(text, static c => char.IsAsciiDigit(c) ? (char)(BengaliZero + (c - '0')) : c);
    }

    /// <summary>A date as a Bengali reader writes it: day-month-year in Bengali digits (১৫-১০-২০২৪).</summary>
    public static string Date(DateOnly date) => ToBengali(date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));

    /// <summary>Formats with invariant culture first so the sign and digits never depend on the server locale.</summary>
    public static string ToBengali(long value) => ToBengali(value.ToString(CultureInfo.InvariantCulture));

    public static string ToBengali(int value) => ToBengali((long)value);

    /// <summary>
    /// Formats <paramref name="value"/> with exactly <paramref name="decimals"/> fraction digits, a '.' separator and
    /// no grouping (e.g. 12.5m, 2 → "১২.৫০"). Rounding is that of the "F" format specifier (midpoints away from zero).
    /// </summary>
    public static string ToBengali(decimal value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return ToBengali(value.ToString(format, CultureInfo.InvariantCulture));
    }

    /// <summary>Replaces every Bengali digit with its ASCII counterpart; all other characters are kept.</summary>
    public static string ToLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Map(text, static c => IsBengaliDigit(c) ? (char)('0' + (c - BengaliZero)) : c);
    }

    /// <summary>True for an ASCII digit or a Bengali digit; other Unicode decimal digits are deliberately excluded.</summary>
    public static bool IsDigit(char c) => char.IsAsciiDigit(c) || IsBengaliDigit(c);

    private static bool IsBengaliDigit(char c) => c is >= BengaliZero and <= BengaliNine;

    private static string Map(string text, Func<char, char> map) =>
        string.Create(text.Length, (text, map), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.map(state.text[i]);
            }
        });
}
