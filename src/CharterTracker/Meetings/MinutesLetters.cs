using System.Text.RegularExpressions;

namespace CharterTracker.Meetings;

/// <summary>
/// The letters that number a decision's sub-items in minutes: ক খ গ … in Bengali (the seed minutes' "ক) … খ) …"),
/// a b c … in English. Stored sub-items carry no letter; the document adds the one of its language.
/// </summary>
public static partial class MinutesLetters
{
    /// <summary>The Bengali consonants in dictionary order, as Bangladeshi documents letter their sub-items.</summary>
    private static readonly string[] Bengali =
        ["ক", "খ", "গ", "ঘ", "ঙ", "চ", "ছ", "জ", "ঝ", "ঞ", "ট", "ঠ", "ড", "ঢ", "ণ", "ত", "থ", "দ", "ধ", "ন", "প", "ফ", "ব", "ভ", "ম", "য", "র", "ল", "শ", "ষ", "স", "হ"];

    /// <summary>How many sub-items a decision may hold: as many as both alphabets can letter.</summary>
    public const int Max = 26;

    /// <summary>The letter of the <paramref name="index"/>-th (0-based) sub-item: "ক" / "a".</summary>
    public static string Letter(int index, bool bengali) =>
        bengali ? Bengali[index % Bengali.Length] : ((char)('a' + index % 26)).ToString();

    /// <summary>"ক) জনপ্রশাসন…" → "জনপ্রশাসন…"; "(b) The…" and "c. The…" too. Text without a leading letter is unchanged.</summary>
    public static string WithoutLetter(string text)
    {
        var match = LeadingLetter().Match(text);
        return match.Success ? text[match.Length..] : text;
    }

    [GeneratedRegex(@"^\s*\(?(?:[ক-হ]|[a-zA-Z])\s*[)।.]\s+")]
    private static partial Regex LeadingLetter();
}
