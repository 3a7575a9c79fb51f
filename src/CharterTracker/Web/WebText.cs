using System.Globalization;
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
    public string ShortDate(DateOnly date) => _document.ShortDate(date);

    /// <summary>The same words and formats as a document in this language (the dashboard draws the reports' charts).</summary>
    public DocumentText Document => _document;

    public string Percent(decimal? value) => value is { } v ? Digits(v.ToString("0.0", CultureInfo.InvariantCulture)) + "%" : "—";

    public string AppName => T("সেবা প্রদান প্রতিশ্রুতি পরিবীক্ষণ", "Citizen Charter monitoring");
    public string SignedInAs => T("প্রবেশ করেছেন", "Signed in as");
    public string SignOut => T("প্রস্থান", "Sign out");
    public string SwitchLanguage => T("ভাষা পরিবর্তন", "Switch language");
    public string SkipToContent => T("মূল অংশে যান", "Skip to content");
    public string Dashboard => T("ড্যাশবোর্ড", "Dashboard");
    public string Workspace => T("কর্মক্ষেত্র", "Workspace");
    public string Navigation => T("প্রধান মেনু", "Main menu");
    public string Admin => T("প্রশাসন", "Administration");

    public string FiscalYear => T("অর্থবছর", "Fiscal year");
    public string Quarter => T("ত্রৈমাসিক", "Quarter");
    public string QuarterName(int quarter) => Bengali ? $"{Number(quarter)}ম ত্রৈমাসিক".Replace("২ম", "২য়").Replace("৩ম", "৩য়").Replace("৪ম", "৪র্থ") : $"Q{quarter}";
    public string Period(string fiscalYear, int quarter) => $"{Digits(fiscalYear)} · {QuarterName(quarter)}";

    public string Breadcrumb => T("অবস্থান", "Breadcrumb");
    public string Show => T("দেখুন", "Show");
    public string Code => T("কোড", "Code");
    public string Office => T("দপ্তর", "Office");
    public string NoOffice => T("আপনার কোনো দপ্তর নির্ধারিত নেই।", "No office is assigned to you.");

    public string ErrorTitle(int status) => status switch
    {
        403 => T("অনুমতি নেই", "Not allowed"),
        404 => T("পাওয়া যায়নি", "Not found"),
        400 => T("অনুরোধটি সঠিক নয়", "The request is not valid"),
        413 => T("ফর্মটি অনেক বড়", "The form is too large"),
        _ => T("ত্রুটি", "Error"),
    };

    public string ErrorText(int status) => status switch
    {
        403 => T("এই পাতাটি দেখার অনুমতি আপনার নেই।", "You are not allowed to see this page."),
        404 => T("যে দপ্তর বা তথ্য চাওয়া হয়েছে তা নেই।", "The office or record asked for does not exist."),
        413 => T("ফর্মটিতে অনেক বেশি ঘর বা অনেক বড় লেখা আছে: কম তথ্য দিয়ে আবার চেষ্টা করুন।", "The form has too many fields or too long a text: please try again with less."),
        _ => T("অনুরোধের তথ্য ঠিক করে আবার চেষ্টা করুন।", "Please correct the request and try again."),
    };

    public string FixErrors => T("নিচের বিষয়গুলো ঠিক করুন", "Please correct the following");
    public string NotADate => T("তারিখটি সঠিক নয়; দিন/মাস/বছর লিখুন, যেমন ১৯/০৯/২০২৪।", "Not a date: write it dd/mm/yyyy, e.g. 19/09/2024.");
    public string DatePlaceholder => T("দিন/মাস/বছর", "dd/mm/yyyy");
    public string DateFormatTitle => T("দিন/মাস/বছর, যেমন ১৯/০৯/২০২৪ (বাংলা বা ইংরেজি অঙ্কে)", "dd/mm/yyyy, e.g. 19/09/2024 (Latin or Bengali digits)");
    public string TimePlaceholder => T("ঘণ্টা:মিনিট", "HH:mm");
    public string TimeFormatTitle => T("২৪ ঘণ্টার ঘড়িতে ঘণ্টা:মিনিট, যেমন ১৪:৩০ (বাংলা বা ইংরেজি অঙ্কে)", "24-hour HH:mm, e.g. 14:30 (Latin or Bengali digits)");
    public string NotANumber => T("সংখ্যাটি সঠিক নয়।", "Not a number.");
    public string FileTooLarge(string detail) => Bengali ? "ফাইলটি অনেক বড়।" : detail;
    public string FileRefused(string detail) => Bengali ? "এ ধরনের ফাইল গ্রহণযোগ্য নয়: PDF, ছবি (PNG, JPEG, GIF, WebP) বা Office নথি দিন।" : detail;
    public string Save => T("সংরক্ষণ", "Save");
    public string Cancel => T("বাতিল", "Cancel");

    /// <summary>The note a page shows after a form saved (<c>?saved=…</c>); each area names its own records.</summary>
    public string Saved(string what) => T("সংরক্ষিত হয়েছে", "Saved") + (SavedNames.TryGetValue(what, out var name) ? ": " + T(name.Bn, name.En) : ".");

    private static readonly Dictionary<string, (string Bn, string En)> SavedNames = new(StringComparer.Ordinal)
    {
        ["charter-update"] = ("সেবা প্রদান প্রতিশ্রুতি হালনাগাদ", "charter update"),
        ["meeting"] = ("সভা", "meeting"),
        ["training"] = ("প্রশিক্ষণ/কর্মশালা", "training"),
        ["report"] = ("প্রতিবেদন", "report"),
        ["kaizen"] = ("কাইজেন", "Kaizen case"),
        ["award-cycle"] = ("পুরস্কার চক্র", "award cycle"),
        ["judge"] = ("বিচারক যোগ হয়েছে", "judge assigned"),
        ["nomination"] = ("মনোনয়ন", "nomination"),
        ["nomination-withdrawn"] = ("মনোনয়ন প্রত্যাহার করা হয়েছে", "nomination withdrawn"),
        ["scores"] = ("নম্বর", "scores"),
        ["office"] = ("দপ্তর", "office"),
        ["user"] = ("ব্যবহারকারী", "user"),
        ["action-plan"] = ("কর্মপরিকল্পনা", "action plan"),
        ["job"] = ("কাজ চালু করা হয়েছে", "job started"),
        ["withdrawn"] = ("রেকর্ড প্রত্যাহার করা হয়েছে", "record withdrawn"),
        ["follow-up"] = ("সিদ্ধান্ত বাস্তবায়ন সম্পন্ন", "follow-up done"),
        ["office-import"] = ("দপ্তর আমদানি", "offices imported"),
        ["focal-point"] = ("ফোকাল পয়েন্টের দায়িত্ব", "focal point assignment"),
        ["password"] = ("নতুন পাসওয়ার্ড", "new password"),
    };

    public string BackHome => T("প্রথম পাতায় ফিরুন", "Back to the start page");

    /// <summary>An item's status in the words of <see cref="CharterTracker.Documents.Glossary"/>, as the PDFs and CSVs spell it.</summary>
    public string StatusText(ItemStatus status) => CharterTracker.Documents.Glossary.Status(status, Bengali);

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
