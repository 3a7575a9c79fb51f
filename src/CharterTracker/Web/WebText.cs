using System.Globalization;
using System.Text.RegularExpressions;
using CharterTracker.Documents;
using CharterTracker.Scoring;

namespace CharterTracker.Web;

/// <summary>The words of the web pages in one language, with the number and date formats of <see cref="DocumentText"/>.</summary>
public sealed partial class WebText(string language)
{
    public const string Cookie = "ct-lang";

    private readonly DocumentText _document = DocumentText.For(language);

    public string Language => _document.Language;
    public bool Bengali => _document.Bengali;
    public string Other => Bengali ? "en" : "bn";
    public string OtherName => Bengali ? "English" : "বাংলা";

    private string T(string bn, string en) => Bengali ? bn : en;

    public string Digits(string text) => _document.Digits(text);
    public string Number(int value) => _document.Number(value);
    public string Decimal(decimal value) => _document.Decimal(value);
    public string Date(DateOnly date) => _document.LongDate(date);

    public string Percent(decimal? value) => value is { } v ? Digits(v.ToString("0.0", CultureInfo.InvariantCulture)) + "%" : "—";

    public string AppName => T("সেবা প্রদান প্রতিশ্রুতি পরিবীক্ষণ", "Citizen Charter monitoring");
    public string SignedInAs => T("প্রবেশ করেছেন", "Signed in as");
    public string SignOut => T("প্রস্থান", "Sign out");
    public string SwitchLanguage => T("ভাষা পরিবর্তন", "Switch language");
    public string SkipToContent => T("মূল অংশে যান", "Skip to content");
    public string Dashboard => T("ড্যাশবোর্ড", "Dashboard");
    public string Workspace => T("কর্মক্ষেত্র", "Workspace");
    public string Navigation => T("প্রধান মেনু", "Main menu");

    public string FiscalYear => T("অর্থবছর", "Fiscal year");
    public string Quarter => T("ত্রৈমাসিক", "Quarter");
    public string QuarterName(int quarter) => Bengali ? $"{Number(quarter)}ম ত্রৈমাসিক".Replace("২ম", "২য়").Replace("৩ম", "৩য়").Replace("৪ম", "৪র্থ") : $"Q{quarter}";
    public string Period(string fiscalYear, int quarter) => $"{Digits(fiscalYear)} · {QuarterName(quarter)}";

    public string Checklist => T("এই ত্রৈমাসিকের করণীয়", "Checklist for this quarter");
    public string Indicator => T("সূচক", "Indicator");
    public string DueOn => T("শেষ তারিখ", "Due on");
    public string Status => T("অবস্থা", "Status");
    public string RecordedOn => T("লিপিবদ্ধের তারিখ", "Recorded on");
    public string Missing => T("যা বাকি", "What is missing");
    public string Annual => T("বার্ষিক", "Annual");
    public string NothingExpected => T("এই ত্রৈমাসিকে কিছু প্রত্যাশিত নয়।", "Nothing is expected this quarter.");
    public string Nothing => T("কিছু বাকি নেই", "Nothing");

    public string Headline => T("সারসংক্ষেপ", "Headline figures");
    public string Offices => T("দপ্তর", "Offices");
    public string Completeness => T("সম্পন্নের হার", "Completeness");
    public string OnTimeRate => T("যথাসময়ে সম্পন্নের হার", "On-time rate");
    public string AverageScore => T("গড় নম্বর", "Average score");
    public string MissedItems => T("বাদ পড়া কাজ", "Missed items");
    public string CompletenessHelp => T("(সম্পন্ন + বিলম্বে) ÷ প্রত্যাশিত", "(done + late) ÷ expected");
    public string OnTimeHelp => T("সম্পন্ন ÷ (সম্পন্ন + বিলম্বে)", "done ÷ (done + late)");
    public string QuarterScore => T("ত্রৈমাসিক নম্বর", "Quarter score");
    public string HeatMap => T("দপ্তর × সূচক: অবস্থা", "Offices × indicators: status");
    public string Office => T("দপ্তর", "Office");
    public string NoChildren => T("এই দপ্তরের অধীনে কোনো দপ্তর নেই।", "This office has no subordinate offices.");
    public string DownloadCsv => T("CSV ডাউনলোড", "Download CSV");
    public string Breadcrumb => T("অবস্থান", "Breadcrumb");
    public string Show => T("দেখুন", "Show");
    public string NoOffice => T("আপনার কোনো দপ্তর নির্ধারিত নেই।", "No office is assigned to you.");

    public string ErrorTitle(int status) => status switch
    {
        403 => T("অনুমতি নেই", "Not allowed"),
        404 => T("পাওয়া যায়নি", "Not found"),
        400 => T("অনুরোধটি সঠিক নয়", "The request is not valid"),
        _ => T("ত্রুটি", "Error"),
    };

    public string ErrorText(int status) => status switch
    {
        403 => T("এই পাতাটি দেখার অনুমতি আপনার নেই।", "You are not allowed to see this page."),
        404 => T("যে দপ্তর বা তথ্য চাওয়া হয়েছে তা নেই।", "The office or record asked for does not exist."),
        _ => T("অনুরোধের তথ্য ঠিক করে আবার চেষ্টা করুন।", "Please correct the request and try again."),
    };

    public string BackHome => T("প্রথম পাতায় ফিরুন", "Back to the start page");

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

    public string StatusText(ItemStatus status) => status switch
    {
        ItemStatus.Done => T("সম্পন্ন", "Done"),
        ItemStatus.Late => T("বিলম্বে সম্পন্ন", "Late"),
        ItemStatus.Missed => T("সম্পন্ন হয়নি", "Missed"),
        ItemStatus.Pending => T("অপেক্ষমাণ", "Pending"),
        _ => T("প্রযোজ্য নয়", "Not applicable"),
    };

    /// <summary>A symbol beside the word, so that status is never told by colour alone.</summary>
    public static string StatusMark(ItemStatus status) => status switch
    {
        ItemStatus.Done => "✓",
        ItemStatus.Late => "◷",
        ItemStatus.Missed => "✗",
        ItemStatus.Pending => "…",
        _ => "–",
    };

    public static string StatusClass(ItemStatus status) => "status-" + status.ToString().ToLowerInvariant();
}
