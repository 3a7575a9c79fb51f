using CharterTracker.SpotChecks;

namespace CharterTracker.Documents;

/// <summary>The committee's monitoring report on a spot check, for the Cabinet Division, in one language.</summary>
public sealed record MonitoringReport
{
    public required DocumentText Text { get; init; }
    public required MonitoringReportWords Words { get; init; }
    public required SpotCheck Check { get; init; }
    public required string Ministry { get; init; }
    public required string CommitteeOffice { get; init; }

    /// <summary>The offices whose charters the draw read.</summary>
    public required int OfficesDrawnFrom { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required IReadOnlyList<OfficeFindings> ByOffice { get; init; }

    public string SourceVersion => $"SpotCheck#{Check.Id}" + (Check.IssuedOn is { } issued ? $"@{issued:yyyy-MM-dd}" : "");

    public string OfficeName(SpotCheckItem item) => Text.Bengali ? item.OfficeNameBn : item.OfficeNameEn;

    public string OfficeName(OfficeFindings office) => Text.Bengali ? office.OfficeNameBn : office.OfficeNameEn;

    public string ServiceName(SpotCheckItem item) => Text.Bengali || string.IsNullOrWhiteSpace(item.ServiceNameEn) ? item.ServiceName : item.ServiceNameEn;

    public string Answer(bool? value) => value switch { true => Words.Yes, false => Words.No, null => "—" };

    public int Count(Func<SpotCheckItem, bool?> answer) => Check.Items.Count(i => answer(i) == true);
}

public sealed record MonitoringReportWords(bool Bengali)
{
    private string T(string bn, string en) => Bengali ? bn : en;

    public string Title => T("সেবা প্রদান প্রতিশ্রুতি পরিবীক্ষণ প্রতিবেদন", "Citizen's Charter monitoring report");
    public string Period(string year, int quarter) => T($"{year} অর্থবছর, {new[] { "১ম", "২য়", "৩য়", "৪র্থ" }[quarter - 1]} ত্রৈমাসিক", $"Fiscal year {year}, quarter {quarter}");
    public string Draft => T("খসড়া — জারি হয়নি", "DRAFT — not issued");
    public string Addressee => T("সচিব, মন্ত্রিপরিষদ বিভাগ, বাংলাদেশ সচিবালয়, ঢাকা", "Secretary, Cabinet Division, Bangladesh Secretariat, Dhaka");
    public string To => T("প্রাপক", "To");
    public string Subject => T("বিষয়", "Subject");
    public string SubjectText(string period) => T($"সেবা প্রদান প্রতিশ্রুতি অনুযায়ী সেবা প্রদান দৈবচয়নের ভিত্তিতে যাচাই: {period}", $"Random checks of services against the Citizen's Charter: {period}");
    public string Method => T("১. নমুনা নির্বাচন পদ্ধতি", "1. How the sample was drawn");
    public string MethodText(string drawnOn, string sampled, string population, string offices) => T(
        $"{drawnOn} তারিখে আওতাধীন {offices}টি দপ্তরের সর্বশেষ প্রকাশিত সিটিজেন চার্টারের মোট {population}টি সেবা থেকে দৈবচয়নের মাধ্যমে {sampled}টি সেবা বাছাই করা হয়েছে; প্রতিটি সেবার বাছাই হওয়ার সম্ভাবনা সমান।",
        $"On {drawnOn}, {sampled} services were drawn at random from the {population} services in the latest published charters of {offices} offices of the subtree; every service was equally likely to be drawn.");
    public string Seed => T("দৈবচয়নের বীজ (seed)", "Seed of the draw");
    public string Algorithm => T("পদ্ধতি", "Method");
    public string Repeat => T("একই বীজ ও একই চার্টার থেকে বাছাই পুনরায় করলে একই সেবাগুলো আসে (CharterTracker-এ \"যাচাই করুন\")।",
        "Repeating the draw with the same seed over the same charters gives the same services (\"verify\" in CharterTracker).");
    public string Summary => T("২. সারসংক্ষেপ", "2. Summary");
    public string Sampled => T("বাছাইকৃত সেবা", "Services sampled");
    public string Checked => T("যাচাইকৃত", "Checked");
    public string WithinTimeLimit => T("নির্ধারিত সময়ে প্রদান", "Within the time limit");
    public string FeeAsPublished => T("প্রকাশিত সেবামূল্য", "Fee as published");
    public string DocumentsAsPublished => T("প্রকাশিত কাগজপত্র", "Documents as published");
    public string AllThree => T("তিনটিতেই সঠিক", "As published on all three");
    public string ByOffice => T("৩. দপ্তরভিত্তিক ফলাফল", "3. Findings by office");
    public string Office => T("দপ্তর", "Office");
    public string ByService => T("৪. সেবাভিত্তিক ফলাফল", "4. Findings by service");
    public string Serial => T("ক্রমিক", "No.");
    public string Service => T("সেবা", "Service");
    public string CheckedOn => T("যাচাইয়ের তারিখ", "Checked on");
    public string Note => T("মন্তব্য", "Note");
    public string Notes => T("৫. কমিটির মন্তব্য", "5. The committee's notes");
    public string Yes => T("হ্যাঁ", "Yes");
    public string No => T("না", "No");
    public string MemoNumber => T("স্মারক নম্বর", "Memo number");
    public string Date => T("তারিখ", "Date");
    public string Total => T("মোট", "Total");
}
