using System.Diagnostics.CodeAnalysis;
using CharterTracker.Calendar;

namespace CharterTracker.Meetings;

/// <summary>
/// A government memo number (স্মারক নম্বর), e.g. <c>০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৩৬</c>.
/// </summary>
/// <remarks>
/// Two layouts are accepted, each followed by a letter serial of 1..6 digits:
/// <list type="bullet">
/// <item>the 18-digit Secretariat Instructions form, 7 groups of 2.2.4.3.2.3.2 digits;</item>
/// <item>a 22-digit form, 8 groups of 2.2.4.3.2.3.2.4 digits.</item>
/// </list>
/// The 22-digit layout is our own choice: the sources we have do not pin down the newer (2023 e-Nothi) layout, so we
/// model it as the 18-digit form plus one trailing 4-digit group. Revisit this if an authoritative layout turns up.
/// Digits may be Bengali or Latin, even mixed, because memos are copied from both kinds of documents; the canonical
/// form is Latin so that equality does not depend on the script the user typed.
/// </remarks>
public sealed record MemoNumber
{
    private const int MaxSerialDigits = 6;

    private static readonly int[] EighteenDigitGroups = [2, 2, 4, 3, 2, 3, 2];
    private static readonly int[] TwentyTwoDigitGroups = [2, 2, 4, 3, 2, 3, 2, 4];

    private MemoNumber(string latin, int digitCount)
    {
        Latin = latin;
        DigitCount = digitCount;
    }

    /// <summary>Canonical form: Latin digits, dot-separated, serial included.</summary>
    public string Latin { get; }

    /// <summary>The canonical form written with Bengali digits, as printed on a memo.</summary>
    public string Bengali => BengaliDigits.ToBengali(Latin);

    /// <summary>18 or 22: the digits of the fixed groups, not counting the serial.</summary>
    public int DigitCount { get; }

    /// <exception cref="FormatException">The input is not a memo number; the message says what is wrong.</exception>
    public static MemoNumber Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return TryParse(input, out var memo, out var error) ? memo : throw new FormatException(error);
    }

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out MemoNumber? memo,
        [NotNullWhen(false)] out string? error)
    {
        memo = null;
        error = Validate(input?.Trim(), out var groups, out var layout);
        if (error is not null)
        {
            return false;
        }

        memo = new MemoNumber(string.Join('.', groups), layout.Sum());
        return true;
    }

    public override string ToString() => Latin;

    private static string? Validate(string? text, out string[] groups, out int[] layout)
    {
        groups = [];
        layout = [];

        if (string.IsNullOrEmpty(text))
        {
            return "Memo number is empty.";
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '.' && !BengaliDigits.IsDigit(text[i]))
            {
                return $"Memo number contains non-digit character '{text[i]}' at position {i + 1}; " +
                       "only Bengali or Latin digits separated by dots are allowed.";
            }
        }

        groups = BengaliDigits.ToLatin(text).Split('.');
        layout = (groups.Length - 1) switch
        {
            7 => EighteenDigitGroups,
            8 => TwentyTwoDigitGroups,
            _ => [],
        };

        if (layout.Length == 0)
        {
            return $"Memo number has {Count(groups.Length, "dot-separated group")} but must have 8 " +
                   "(18-digit form 2.2.4.3.2.3.2 plus serial) or 9 (22-digit form 2.2.4.3.2.3.2.4 plus serial).";
        }

        for (var i = 0; i < layout.Length; i++)
        {
            if (groups[i].Length != layout[i])
            {
                return $"Group {i + 1} has {Count(groups[i].Length, "digit")} but must have {layout[i]} " +
                       $"in the {layout.Sum()}-digit form.";
            }
        }

        var serial = groups[^1];
        if (serial.Length is 0 or > MaxSerialDigits)
        {
            return $"Serial (group {groups.Length}) has {Count(serial.Length, "digit")} but must have 1 to {MaxSerialDigits}.";
        }

        return null;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
