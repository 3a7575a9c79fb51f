namespace CharterTracker.Web;

/// <summary>The words of the spot check pages and the dashboard's spot check section.</summary>
public sealed record SpotCheckText(bool Bengali)
{
    private string T(string bn, string en) => Bengali ? bn : en;

    public static SpotCheckText Of(WebText text) => new(text.Bengali);

    public string SpotChecks => T("দৈবচয়ন যাচাই", "Spot checks");
    public string SpotCheck => T("দৈবচয়ন যাচাই", "Spot check");
    public string Intro => T("প্রতি ত্রৈমাসিকে আওতাধীন দপ্তরসমূহের সর্বশেষ প্রকাশিত সিটিজেন চার্টার থেকে দৈবচয়নে কয়েকটি সেবা বাছাই করে যাচাই করুন; বছরে অন্তত দুটি পরিবীক্ষণ প্রতিবেদন মন্ত্রিপরিষদ বিভাগে পাঠাতে হয়।",
        "Each quarter, draw a few services at random from the latest published charters of the subtree and check them; at least two monitoring reports a year go to the Cabinet Division.");
    public string Draw => T("নমুনা বাছাই করুন", "Draw a sample");
    public string SampleSize => T("কয়টি সেবা", "Number of services");
    public string SampleSizeHint => T("মন্ত্রিপরিষদ বিভাগের চর্চা: প্রতি ত্রৈমাসিকে প্রায় ১০টি", "Cabinet Division practice: about 10 a quarter");
    public string FiscalYear => T("অর্থবছর", "Fiscal year");
    public string Quarter => T("ত্রৈমাসিক", "Quarter");
    public string None => T("এই অর্থবছরে কোনো দৈবচয়ন যাচাই হয়নি।", "No spot checks in this fiscal year.");
    public string Committee => T("কমিটির দপ্তর", "Committee's office");
    public string DrawnOn => T("বাছাইয়ের তারিখ", "Drawn on");
    public string Sampled => T("বাছাইকৃত", "Sampled");
    public string Checked => T("যাচাইকৃত", "Checked");
    public string Compliant => T("তিনটিতেই সঠিক", "As published on all three");
    public string Report => T("প্রতিবেদন", "Report");
    public string Issued(string memo, string date) => T($"জারি: {memo}, {date}", $"Issued: {memo}, {date}");
    public string NotIssued => T("জারি হয়নি", "Not issued");
    public string Seed => T("বীজ (seed)", "Seed");
    public string Population => T("মোট সেবা (যেখান থেকে বাছাই)", "Services drawn from");
    public string Verified => T("একই বীজ থেকে পুনরায় বাছাই: একই সেবা এসেছে ✓", "Repeating the draw from its seed gives the same services ✓");
    public string NotVerified => T("একই বীজ থেকে পুনরায় বাছাইয়ে ভিন্ন সেবা এসেছে ✗", "Repeating the draw from its seed gives other services ✗");
    public string Office => T("দপ্তর", "Office");
    public string Service => T("সেবা", "Service");
    public string TimeLimit => T("সময়সীমা", "Time limit");
    public string Fee => T("সেবামূল্য", "Fee");
    public string CheckedOn => T("যাচাইয়ের তারিখ", "Checked on");
    public string WithinTimeLimit => T("নির্ধারিত সময়ে প্রদান?", "Within the time limit?");
    public string FeeAsPublished => T("প্রকাশিত সেবামূল্য?", "Fee as published?");
    public string DocumentsAsPublished => T("প্রকাশিত কাগজপত্র?", "Documents as published?");
    public string Note => T("মন্তব্য", "Note");
    public string NoteHint => T("কোনো উত্তর 'না' হলে কী পাওয়া গেছে লিখুন", "When an answer is no, say what was found");
    public string HasEvidence => T("প্রমাণক কাগজে সংরক্ষিত আছে", "Evidence is kept on paper");
    public string Finding => T("ফলাফল", "Finding");
    public string Record => T("ফলাফল লিখুন", "Record the finding");
    public string Yes => T("হ্যাঁ", "Yes");
    public string No => T("না", "No");
    public string Choose => T("— বাছাই করুন —", "— choose —");
    public string Answer(bool? value) => value switch { true => Yes, false => No, null => "—" };
    public string IssueTitle => T("প্রতিবেদন জারি করুন", "Issue the report");
    public string IssueHint => T("জারির পর ফলাফল আর বদলানো যায় না; প্রতিবেদনটি বছরের পরিবীক্ষণ প্রতিবেদন হিসেবে গণ্য হয়।",
        "Once issued, the findings are fixed and the report counts as one of the year's monitoring reports.");
    public string MemoNumber => T("স্মারক নম্বর", "Memo number");
    public string IssuedOn => T("জারির তারিখ", "Issued on");
    public string Notes => T("কমিটির মন্তব্য", "The committee's notes");
    public string SignatoryName => T("স্বাক্ষরকারীর নাম", "Signatory's name");
    public string SignatoryDesignation => T("স্বাক্ষরকারীর পদবি", "Signatory's designation");
    public string Issue => T("জারি করুন", "Issue");
    public string ReportPdf(string language) => T("প্রতিবেদন PDF", "Report PDF") + " (" + (language == "bn" ? "বাংলা" : "English") + ")";
    public string ReportPreview(string language) => T("প্রতিবেদন দেখুন", "Preview the report") + " (" + (language == "bn" ? "বাংলা" : "English") + ")";
    public string Back => T("ফিরে যান", "Back");
    public string FindingsByOffice => T("দৈবচয়ন যাচাই: দপ্তরভিত্তিক ফলাফল", "Spot checks: findings by office");
    public string NoFindings => T("এই ত্রৈমাসিকে কোনো সেবা যাচাই হয়নি।", "No services were checked this quarter.");
    public string ReportsSoFar(string issued, string due) => T($"এই অর্থবছরে জারিকৃত পরিবীক্ষণ প্রতিবেদন: {issued} / {due} (এ পর্যন্ত)", $"Monitoring reports issued this fiscal year: {issued} of {due} so far");
    public string ReportsFlag(string issued, string due) => T($"⚠ অর্থবছর শেষ: মাত্র {issued}টি পরিবীক্ষণ প্রতিবেদন জারি হয়েছে, অন্তত {due}টি প্রয়োজন।",
        $"⚠ The fiscal year has ended with {issued} monitoring reports issued; at least {due} are due.");
    public string ReportsDone(string issued, string due) => T($"এই অর্থবছরে জারিকৃত পরিবীক্ষণ প্রতিবেদন: {issued} / {due} ✓", $"Monitoring reports issued this fiscal year: {issued} of {due} ✓");
    public string Open => T("খুলুন", "Open");
    public string MinutesPublication => T("কার্যবিবরণী প্রকাশ", "Publish the minutes");
    public string MinutesPublished => T("এই কার্যবিবরণী দপ্তরের পাবলিক পৃষ্ঠায় প্রকাশিত।", "These minutes are on the office's public page.");
    public string MinutesNotPublished => T("এই কার্যবিবরণী প্রকাশিত নয়: শুধু সাইন-ইন করা ব্যবহারকারীরা দেখেন।", "These minutes are not public: only signed-in users see them.");
    public string Publish => T("পাবলিক পৃষ্ঠায় প্রকাশ করুন", "Publish on the public page");
    public string Unpublish => T("পাবলিক পৃষ্ঠা থেকে সরান", "Take off the public page");
    public string PublicPage => T("দপ্তরের পাবলিক পৃষ্ঠা", "The office's public page");
}
