using System.Text.RegularExpressions;

namespace CharterTracker.Web;

/// <summary>The workspace's words, and the Bengali of what the scoring engine says is missing.</summary>
public sealed partial class WebText
{
    public string Checklist => T("এই ত্রৈমাসিকের করণীয়", "Checklist for this quarter");
    public string Indicator => T("সূচক", "Indicator");
    public string DueOn => T("শেষ তারিখ", "Due on");
    public string Status => T("অবস্থা", "Status");
    public string RecordedOn => T("লিপিবদ্ধের তারিখ", "Recorded on");
    public string Missing => T("যা বাকি", "What is missing");
    public string Annual => T("বার্ষিক", "Annual");
    public string NothingExpected => T("এই ত্রৈমাসিকে কিছু প্রত্যাশিত নয়।", "Nothing is expected this quarter.");
    public string Nothing => T("কিছু বাকি নেই", "Nothing");
    public string Record => T("লিপিবদ্ধ করুন", "Record");
    public string Action => T("করণীয়", "Action");

    public string RecordCharterUpdate => T("সেবা প্রদান প্রতিশ্রুতি হালনাগাদ লিপিবদ্ধ", "Record a charter update");
    public string UpdatedOn => T("হালনাগাদের তারিখ", "Date of the update");
    public string UpdatedOnHint => T("যেদিন হালনাগাদকৃত সেবা প্রদান প্রতিশ্রুতি প্রকাশ করা হয়েছে; তারিখটি এই ত্রৈমাসিকের মধ্যে হতে হবে।", "The day the updated charter was published; it must lie in this quarter.");
    public string PortalReference => T("পোর্টালে আপলোডের সূত্র", "Portal reference");
    public string PortalReferenceHint => T("মন্ত্রিপরিষদ বিভাগের পোর্টালে (nis.cabinet.gov.bd) আপলোডের লিংক বা সূত্র", "The link or reference of the upload to the Cabinet Division portal (nis.cabinet.gov.bd)");
    public string Notes => T("মন্তব্য", "Notes");

    public string Evidence => T("প্রমাণক", "Evidence");
    public string EvidenceFile => T("প্রমাণকের ফাইল", "Evidence file");
    public string AnotherFile => T("আরও একটি ফাইল", "Another file");
    public string AttachedFiles => T("সংযুক্ত ফাইল", "Attached files");
    public string EvidenceFileHint => T("PDF, ছবি বা Office নথি; সর্বোচ্চ ১০ মেগাবাইট", "PDF, an image or an Office document; at most 10 MB");
    public string EvidenceOnPaper => T("প্রমাণক কাগজে সংরক্ষিত আছে", "The evidence is held on paper");
    public string FileSize(long bytes) => bytes < 1024 * 1024
        ? Digits(Math.Max(1, bytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)) + " KB"
        : Digits((bytes / 1024m / 1024m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)) + " MB";

    private static readonly Dictionary<string, string> Nouns = new(StringComparer.Ordinal)
    {
        ["charter update"] = "সেবা প্রদান প্রতিশ্রুতি হালনাগাদ",
        ["stakeholder awareness meeting"] = "স্টেকহোল্ডার অবহিতকরণ সভা",
        ["meeting with subordinate offices"] = "আওতাধীন দপ্তরের সমন্বয় সভা",
        ["quarterly implementation report"] = "ত্রৈমাসিক বাস্তবায়ন প্রতিবেদন",
        ["workshop, training or seminar"] = "কর্মশালা/প্রশিক্ষণ/সেমিনার",
        ["annual progress report"] = "বার্ষিক অগ্রগতি প্রতিবেদন",
        ["record"] = "রেকর্ড",
    };

    private static string? Noun(string english) =>
        Nouns.TryGetValue(english, out var bn) || (english.EndsWith('s') && Nouns.TryGetValue(english[..^1], out bn)) ? bn : null;

    /// <summary>The scoring engine says what is missing in English; Bengali mode translates its few sentence shapes.</summary>
    public string MissingText(string? missing)
    {
        if (missing is null) return Nothing;
        if (!Bengali) return missing;
        if (missing.StartsWith("Not every direct subordinate office", StringComparison.Ordinal))
        {
            return "আওতাধীন প্রত্যেক দপ্তর প্রমাণকসহ সেবা প্রদান প্রতিশ্রুতি হালনাগাদ লিপিবদ্ধ করেনি।";
        }
        if (ToRecord().Match(missing) is { Success: true } count && Noun(count.Groups[2].Value) is { } noun)
        {
            return $"আরও {Digits(count.Groups[1].Value)}টি {noun} লিপিবদ্ধ করতে হবে।";
        }
        if (EvidenceFor().Match(missing) is { Success: true } evidence && Noun(evidence.Groups[1].Value) is { } what)
        {
            return $"{what}-এর প্রমাণক দিন ({Digits(evidence.Groups[2].Value)}টি প্রমাণক ছাড়া লিপিবদ্ধ)।";
        }
        return Digits(missing);
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?) (.+) to record\.$")]
    private static partial Regex ToRecord();

    [GeneratedRegex(@"^Evidence for the (.+) \((\d+) recorded without evidence\)\.$")]
    private static partial Regex EvidenceFor();
}
