using System.Globalization;
using CharterTracker.Awards;

namespace CharterTracker.Web;

/// <summary>The service-quality awards' words.</summary>
public sealed partial class WebText
{
    public string Awards => T("পুরস্কার", "Awards");
    public string AwardsTitle => T("সেবার মান পুরস্কার", "Service-quality awards");
    public string AwardsExplained => T(
        "আয়োজক দপ্তরের পরিবীক্ষণ কমিটি পুরস্কার চক্র খোলে ও বিচারক ঠিক করে; আওতাধীন দপ্তরের ফোকাল পয়েন্ট সেবা মনোনীত করেন; বিচারকেরা প্রতিটি মানদণ্ডে ০–১০ নম্বর দেন। মূল্যায়ন শেষ হওয়ার আগে নম্বর ও ফলাফল গোপন থাকে।",
        "The organising office's monitoring committee opens a cycle and assigns its judges; focal points of its subtree nominate services; judges score each criterion 0–10. Scores and results stay sealed until judging closes.");
    public string NoAwardCycles => T("এখনো কোনো পুরস্কার চক্র নেই।", "There are no award cycles yet.");
    public string NewAwardCycle => T("নতুন পুরস্কার চক্র", "New award cycle");
    public string CycleWord => T("পুরস্কার চক্র", "Award cycle");
    public string Organiser => T("আয়োজক দপ্তর", "Organising office");
    public string NominationsCloseOn => T("মনোনয়নের শেষ দিন", "Last day of nominations");
    public string NominationsCloseOnHint => T("এই দিন পর্যন্ত মনোনয়ন নেওয়া হয়; পরদিন থেকে মূল্যায়ন।", "Nominations are taken up to and including this day; judging starts the day after.");
    public string JudgingClosesOn => T("মূল্যায়নের শেষ দিন", "Last day of judging");
    public string JudgingClosesOnHint => T("এর পরদিন ফলাফল প্রকাশ পায়।", "The results are out the day after.");
    public string Stage => T("পর্যায়", "Stage");
    public string YourPart => T("আপনার ভূমিকা", "Your part");
    public string OrganiserPart => T("আয়োজক", "Organiser");
    public string JudgePart => T("বিচারক", "Judge");

    public string StageName(AwardStage stage) => stage switch
    {
        AwardStage.Nominating => T("মনোনয়ন চলছে", "Nominations open"),
        AwardStage.Judging => T("মূল্যায়ন চলছে", "Judging"),
        _ => T("মূল্যায়ন শেষ: ফলাফল", "Closed: results out"),
    };

    // Opening a cycle.
    public string CycleName => T("চক্রের নাম", "Name of the cycle");
    public string Categories => T("পুরস্কারের ধরন", "Categories");
    public string CategoriesHint => T("যেমন: প্রক্রিয়াভিত্তিক পুরস্কার, সেবা উদ্ভাবন পুরস্কার। থাই নাম ঐচ্ছিক (থাই সনদে ছাপা হয়)।",
        "E.g. a per-process award and a service-innovation award. The Thai name is optional (the Thai certificate prints it).");
    public string CategoryNumber(int n) => Bengali ? $"ধরন {Number(n)}" : $"Category {n}";
    public string AddCategory => T("আরেকটি ধরন যোগ করুন", "Add another category");
    public string Criteria => T("মূল্যায়নের মানদণ্ড", "Criteria");
    public string CriteriaHint => T("ওজন আপেক্ষিক: ৫০/৩০/২০ আর ৫/৩/২ একই কথা; যোগফল ১০০ হতে হবে না।",
        "Weights are relative: 50/30/20 and 5/3/2 judge alike; they need not add up to 100.");
    public string CriterionNumber(int n) => Bengali ? $"মানদণ্ড {Number(n)}" : $"Criterion {n}";
    public string AddCriterion => T("আরেকটি মানদণ্ড যোগ করুন", "Add another criterion");
    public string AwardCodeHint => T("ইংরেজি অক্ষর, অঙ্ক, - বা _", "Letters, digits, - or _");
    public string NameTh => T("থাই নাম", "Thai name");
    public string Weight => T("ওজন", "Weight");
    public string OpenCycle => T("চক্র খুলুন", "Open the cycle");

    // A cycle's page.
    public string JudgingWindow => T("মূল্যায়ন", "Judging");
    public string Windows => T("সময়সূচি", "Windows");
    public string NominationsUntil(DateOnly day) => Bengali ? $"{Date(day)} পর্যন্ত" : $"up to {Date(day)}";
    public string JudgingBetween(DateOnly from, DateOnly to) => Bengali ? $"{Date(from)} থেকে {Date(to)}" : $"{Date(from)} to {Date(to)}";
    public string ResultsFrom(DateOnly day) => Bengali ? $"{Date(day)} থেকে" : $"from {Date(day)}";
    public string Results => T("ফলাফল", "Results");
    public string Share(decimal share) => Bengali ? $"({Digits(share.ToString("0.#", CultureInfo.InvariantCulture))}%)" : $"({share.ToString("0.#", CultureInfo.InvariantCulture)}%)";
    public string Judges => T("বিচারক", "Judges");
    public string NoJudgesYet => T("এখনো কোনো বিচারক নেই।", "No judges yet.");
    public string AssignJudge => T("বিচারক যোগ করুন", "Assign a judge");
    public string FindUser => T("নাম বা ব্যবহারকারী নাম", "Name or username");
    public string FindUserHint => T("যেকোনো দপ্তরের সক্রিয় ব্যবহারকারী বিচারক হতে পারেন; নিজের দপ্তরের ধারার মনোনয়নে তিনি নম্বর দেবেন না।",
        "Any active user of any office may judge; they will not score nominations of their own office's line.");
    public string Find => T("খুঁজুন", "Find");
    public string NoUsersFound => T("এ নামে কোনো সক্রিয় ব্যবহারকারী নেই।", "No active user matches.");
    public string Assign => T("বিচারক করুন", "Make judge");
    public string AlreadyJudge => T("ইতিমধ্যে বিচারক", "Already a judge");
    public string Progress => T("মূল্যায়নের অগ্রগতি", "Judging progress");
    public string SealedUntil(DateOnly judgingClosesOn) => Bengali
        ? $"মূল্যায়ন {Date(judgingClosesOn)} তারিখে শেষ হবে; তার আগে নম্বর ও ফলাফল গোপন থাকে — আয়োজকও শুধু কতগুলো নম্বরপত্র পূরণ হয়েছে তা দেখেন।"
        : $"Judging closes on {Date(judgingClosesOn)}; until then the scores and results are sealed — the organiser too sees only how many sheets are filled.";
    public string ProgressCounts(int nominations, int withdrawn) => Bengali
        ? $"{Number(nominations)}টি মনোনয়ন মূল্যায়নে" + (withdrawn > 0 ? $" ({Number(withdrawn)}টি প্রত্যাহৃত)" : "")
        : $"{nominations} nomination(s) to judge" + (withdrawn > 0 ? $" ({withdrawn} withdrawn)" : "");
    public string Complete => T("সম্পূর্ণ", "Complete");
    public string Partial => T("আংশিক", "Partial");
    public string NotStarted => T("শুরু হয়নি", "Not started");
    public string Conflicts => T("নম্বর দেবেন না (নিজের ধারা)", "Not theirs (own line)");
    public string Service => T("সেবা", "Service");
    public string ScoreOutOf100 => T("নম্বর (১০০-এর মধ্যে)", "Score (of 100)");
    public string JudgesCounted => T("বিচারক সংখ্যা", "Judges counted");
    public string Certificates => T("সনদ", "Certificates");
    public string CertificateIn(string language) => language switch
    {
        "bn" => "বাংলা",
        "th" => "ไทย",
        _ => "English",
    };
    public string CertificateLabel(string language, string title) => Bengali ? $"সনদ ({CertificateIn(language)}): {title}" : $"Certificate ({CertificateIn(language)}): {title}";
    public string ResultsCsv => T("ফলাফল (CSV)", "Results (CSV)");
    public string NoResultsInCategory => T("এই ধরনে কোনো সম্পূর্ণ মূল্যায়িত মনোনয়ন নেই।", "No nomination in this category was fully scored.");
    public string ResultsSealed(DateOnly judgingClosesOn) => Bengali
        ? $"ফলাফল {Date(judgingClosesOn.AddDays(1))} থেকে দেখা যাবে।"
        : $"The results are shown from {Date(judgingClosesOn.AddDays(1))}.";

    // Nominations.
    public string Nominations => T("মনোনয়ন", "Nominations");
    public string NominationsHint => T("আপনার দপ্তর ও অধীন দপ্তরগুলোর মনোনয়ন।", "The nominations of your office and the offices under it.");
    public string NoNominations => T("এখনো কোনো মনোনয়ন নেই।", "No nominations yet.");
    public string Nominate => T("সেবা মনোনীত করুন", "Nominate a service");
    public string NominatedOffice => T("মনোনীত দপ্তর", "Nominated office");
    public string AwardCategory => T("ধরন", "Category");
    public string ServiceTitle => T("সেবার নাম", "Service");
    public string ServiceSummary => T("সারসংক্ষেপ", "Summary");
    public string ServiceSummaryHint => T("কী বদলেছে, আগে ও পরে: যেমন ৭ বার আসার বদলে ২ বার, ৫ ধাপ থেকে ৩ ধাপ।",
        "What changed, before and after: e.g. 2 visits instead of 7, 3 steps instead of 5.");
    public string NothingToNominate => T("এই চক্রে মনোনয়ন দেওয়ার মতো কোনো দপ্তরের ফোকাল পয়েন্ট আপনি নন।",
        "You are not the focal point of any office that may nominate in this cycle.");
    public string NominationsClosed(DateOnly day) => Bengali ? $"মনোনয়ন {Date(day)} তারিখে বন্ধ হয়ে গেছে।" : $"Nominations closed on {Date(day)}.";
    public string WithdrawnNomination => T("প্রত্যাহৃত", "Withdrawn");
    public string WithdrawNomination => T("মনোনয়ন প্রত্যাহার", "Withdraw the nomination");
    public string ReasonOptional => T("কারণ (ঐচ্ছিক)", "Reason (optional)");
    public string WithEvidence => T("প্রমাণকসহ", "with evidence");

    // The judge's sheet.
    public string ScoringSheet => T("নম্বরপত্র", "Scoring sheet");
    public string ScoringSheetHint => T(
        "প্রতিটি মানদণ্ডে ০ থেকে ১০ নম্বর দিন (দশমিকের পর এক অঙ্ক; বাংলা অঙ্কও চলবে)। প্রতিটি মনোনয়নের নম্বর আলাদাভাবে সংরক্ষণ হয়; অন্য বিচারকের নম্বর মূল্যায়ন শেষের আগে কেউ দেখেন না।",
        "Score each criterion 0 to 10 (one decimal; Bengali digits are fine). Each nomination's scores are saved on their own; no one sees another judge's scores before judging closes.");
    public string SheetOpensOn(DateOnly day) => Bengali ? $"নম্বর দেওয়া শুরু হবে {Date(day)} থেকে।" : $"Scoring opens on {Date(day)}.";
    public string SheetClosed(DateOnly day) => Bengali ? $"মূল্যায়ন {Date(day)} তারিখে শেষ হয়েছে: নম্বরপত্রটি এখন শুধু দেখার জন্য।" : $"Judging closed on {Date(day)}: the sheet is read-only.";
    public string Nomination => T("মনোনয়ন", "Nomination");
    public string SheetStatus => T("অবস্থা", "Status");
    public string SaveScores => T("নম্বর সংরক্ষণ", "Save scores");
    public string SaveScoresOf(string title) => Bengali ? $"নম্বর সংরক্ষণ: {title}" : $"Save the scores of {title}";
    public string ScoreOf(string criterion, string title) => Bengali ? $"{criterion} — {title}" : $"{criterion} — {title}";
    public string ConflictReason => T("নম্বর দেবেন না: মনোনয়নটি আপনার নিজের দপ্তর, এর ঊর্ধ্বতন বা অধীন দপ্তরের।",
        "Not yours to score: the nomination is of your own office, an office above it or under it.");
    public string NotScorable => T("নম্বরযোগ্য নয়", "Not scorable");
    public string NoNominationsToScore => T("নম্বর দেওয়ার মতো কোনো মনোনয়ন নেই।", "There are no nominations to score.");
    public string ScoreText(decimal score) => Digits(score.ToString("0.#", CultureInfo.InvariantCulture));
}
