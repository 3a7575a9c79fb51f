namespace CharterTracker.Web;

/// <summary>The words of the public pages (anonymous readers: no user, so no stored language; <c>?lang=</c> or Bengali).</summary>
public sealed record PublicText(bool Bengali)
{
    private string T(string bn, string en) => Bengali ? bn : en;

    public string Language => Bengali ? "bn" : "en";
    public string OtherLanguage => Bengali ? "en" : "bn";
    public string OtherLanguageName => Bengali ? "English" : "বাংলা";
    public string Charter => T("সেবা প্রদান প্রতিশ্রুতি", "Citizen's Charter");
    public string Print => T("মুদ্রণ করতে ব্রাউজারের মুদ্রণ (প্রিন্ট) নির্দেশটি ব্যবহার করুন", "Use the browser's Print to print this page");
    public string Contents => T("সূচি", "Contents");
    public string PublishedMinutes => T("প্রকাশিত সভার কার্যবিবরণী", "Published minutes of meetings");
    public string NoMinutes => T("কোনো কার্যবিবরণী প্রকাশিত হয়নি।", "No minutes have been published.");
    public string NoCharter => T("এই দপ্তর এখনো সিটিজেন চার্টার প্রকাশ করেনি।", "This office has not published its charter yet.");
    public string Meeting => T("সভা", "Meeting");
    public string HeldOn => T("সভার তারিখ", "Held on");
    public string Read => T("পড়ুন", "Read");
    public string NotFoundTitle => T("পাওয়া যায়নি", "Not found");
    public string NotFound => T("এই ঠিকানায় কোনো দপ্তরের প্রকাশিত তথ্য নেই।", "No office publishes anything at this address.");
    public string Footer => T("এই পৃষ্ঠায় দপ্তরের সর্বশেষ প্রকাশিত সিটিজেন চার্টার ও প্রকাশের জন্য চিহ্নিত কার্যবিবরণী দেখানো হয়।",
        "This page shows the office's latest published charter and the minutes it marked for publication.");
}
