using CharterTracker.Kaizen;

namespace CharterTracker.Web;

/// <summary>The words of the Kaizen pages in the page's language (beside <see cref="WebText"/>, whose formats it uses).</summary>
public sealed class KaizenText(WebText text)
{
    private string T(string bn, string en) => text.Bengali ? bn : en;

    public string Kaizen => T("কাইজেন", "Kaizen");
    public string Register => T("কাইজেন নিবন্ধন", "Kaizen register");
    public string RegisterHint => T("এক বছর, এক প্রকল্প: প্রতিটি দপ্তর বছরে অন্তত একটি ক্ষুদ্র উন্নয়ন বাস্তবায়ন করে — সমস্যা, মূল কারণ, পরিবর্তন, আর আগে-পরের পরিমাপ।",
        "One year, one project: every office implements at least one small improvement a year — the problem, its root cause, the change, and the measures before and after.");
    public string Convention => T("কাইজেন সম্মেলন", "Kaizen convention");
    public string ConventionHint => T("একটি জেলা বা সংস্থার অধীন দপ্তরগুলোর এই অর্থবছরের কাইজেন, দপ্তর অনুযায়ী।",
        "The cases of a district's or an agency's offices for the fiscal year, office by office.");
    public string RecordCase => T("নতুন কাইজেন লিপিবদ্ধ করুন", "Record a Kaizen case");
    public string EditCase => T("কাইজেন সংশোধন", "Edit Kaizen case");
    public string NoCases => T("এই অর্থবছরে কোনো কাইজেন লিপিবদ্ধ হয়নি।", "No Kaizen cases recorded for this fiscal year.");
    public string Title => T("শিরোনাম", "Title");
    public string TitleHint => T("যেমন: প্রত্যয়নপত্র সেবায় যাতায়াত ৭ থেকে ২ বার", "For example: certificate service in 2 visits instead of 7");
    public string Problem => T("সমস্যা", "Problem");
    public string ProblemHint => T("সেবাগ্রহীতা কী ভোগান্তিতে পড়তেন?", "What did the service cost citizens before?");
    public string RootCause => T("মূল কারণ", "Root cause");
    public string Change => T("পরিবর্তন (কাইজেন)", "The change (Kaizen)");
    public string Status => T("অবস্থা", "Status");
    public string ImplementedOn => T("বাস্তবায়নের তারিখ", "Implemented on");
    public string ImplementedOnHint => T("কেবল বাস্তবায়িত কাইজেনের জন্য; অর্থবছরের মধ্যে।", "Only for an implemented case; within the fiscal year.");
    public string AbandonedReason => T("বাতিলের কারণ", "Why it was abandoned");
    public string AbandonedReasonHint => T("কেবল বাতিল কাইজেনের জন্য।", "Only for an abandoned case.");
    public string Team => T("কাইজেন দল", "Kaizen team");
    public string TeamHint => T("যাঁরা উন্নয়নটি করেছেন: নাম ও পদবি।", "Who made the improvement: name and designation.");
    public string MemberNumber(int n) => T($"সদস্য {text.Number(n)}", $"Member {n}");
    public string AddMember => T("আরেকজন সদস্য", "Add a member");
    public string Name => T("নাম", "Name");
    public string Designation => T("পদবি", "Designation");
    public string Measures => T("আগে ও পরে", "Before and after");
    public string MeasuresHint => T("যেমন: যাতায়াত (বার) ৭ → ২, ধাপ ৯ → ৪, দিন ১৫ → ৩, খরচ (টাকা)। বাংলা বা ইংরেজি অঙ্ক চলবে।",
        "For example: visits 7 → 2, steps 9 → 4, days 15 → 3, cost (taka). Bengali or Latin digits.");
    public string MeasureNumber(int n) => T($"পরিমাপ {text.Number(n)}", $"Measure {n}");
    public string AddMeasure => T("আরেকটি পরিমাপ", "Add a measure");
    public string MeasureName => T("কী মাপা হয়েছে", "What was measured");
    public string Unit => T("একক", "Unit");
    public string Before => T("আগে", "Before");
    public string After => T("পরে", "After");
    public string Better => T("কোনটি ভালো", "Better when");
    public string BetterName(BetterWhen better) => better == BetterWhen.Lower ? T("কম হলে ভালো", "lower") : T("বেশি হলে ভালো", "higher");
    public string Improvement => T("উন্নতি", "Improvement");
    public string StatusName(KaizenStatus status) => Document.Status(status);
    public string CasePdf(string language) => language == "bn" ? "PDF (বাংলা)" : "PDF (English)";
    public string BookletPdf(string language) => language == "bn" ? T("পুস্তিকা PDF (বাংলা)", "Booklet PDF (Bengali)") : T("পুস্তিকা PDF (ইংরেজি)", "Booklet PDF (English)");
    public string Csv => T("CSV ডাউনলোড", "Download CSV");
    public string OfficesPresenting(int offices, int cases) => T($"{text.Number(offices)}টি দপ্তরের {text.Number(cases)}টি কাইজেন", $"{cases} cases from {offices} offices");
    public string OfficesWithImplemented(int n) => T($"অন্তত একটি বাস্তবায়িত কাইজেনসহ দপ্তর: {text.Number(n)}", $"Offices with at least one implemented case: {n}");
    public string Years => T("অর্থবছর", "Fiscal year");
    public string ConventionLink => T("সম্মেলন দেখুন (অধীন দপ্তরসহ)", "Convention view (with the offices below)");
    public string RegisterLink => T("দপ্তরের কাইজেন নিবন্ধন", "The office's Kaizen register");

    /// <summary>"7 → 2 visits".</summary>
    public string Movement(KaizenMeasure m) =>
        $"{Value(m.Before)} → {(m.After is { } after ? Value(after) : "?")} {m.Unit}";

    /// <summary>"5 fewer (71.4 %)", as the case's PDF says it.</summary>
    public string ImprovementOf(KaizenMeasure m) => Document.ImprovementOf(m);

    public string Value(decimal value) => Document.Value(value);

    /// <summary>The Kaizen documents' words and number formats in the page's language.</summary>
    private KaizenDocumentWords Document => new(text.Document);
}
