using CharterTracker.Meetings;
using CharterTracker.Monitoring;

namespace CharterTracker.Web;

/// <summary>The dashboard's words.</summary>
public sealed partial class WebText
{
    public string Headline => T("সারসংক্ষেপ", "Headline figures");
    public string Offices => T("দপ্তর", "Offices");
    public string Completeness => T("সম্পন্নের হার", "Completeness");
    public string OnTimeRate => T("যথাসময়ে সম্পন্নের হার", "On-time rate");
    public string AverageScore => T("গড় নম্বর", "Average score");
    public string MissedItems => CharterTracker.Documents.Glossary.MissedItems(Bengali);
    public string PendingItems => T("অপেক্ষমাণ কাজ", "Pending items");
    public string CompletenessHelp => T("(সম্পন্ন + বিলম্বে) ÷ প্রত্যাশিত", "(done + late) ÷ expected");
    public string OnTimeHelp => T("সম্পন্ন ÷ (সম্পন্ন + বিলম্বে)", "done ÷ (done + late)");
    public string AverageScoreHelp => T("দপ্তরগুলোর ত্রৈমাসিক নম্বরের গড় (০–১০০)", "mean of the offices' quarter scores (0–100)");
    public string QuarterScore => T("ত্রৈমাসিক নম্বর", "Quarter score");
    public string NotYetDue => T("সময় হয়নি", "not yet due");
    public string SoFar => T("(এ পর্যন্ত)", "(so far)");
    public string NothingRecordedYet => T("এখনও কিছু লিপিবদ্ধ হয়নি", "nothing recorded yet");
    public string AverageScoreSoFarHelp => T("চলমান ত্রৈমাসিক: যেসব দপ্তর কিছু লিপিবদ্ধ করেছে, তাদের লিপিবদ্ধ কাজের নম্বরের গড়", "quarter under way: mean over the offices that recorded something, each scored on what it recorded");
    public string QuarterNotStarted(DateOnly? due) => T($"এই ত্রৈমাসিক এখনও শুরু হয়নি; কিছুই অপেক্ষমাণ বা অসম্পন্ন নয়{(due is { } d ? $" (সময়সীমা {ShortDate(d)})" : "")}।",
        $"This quarter has not begun: nothing is due yet{(due is { } e ? $" (due {ShortDate(e)})" : "")}.");
    public string QuarterRunning(DateOnly? due, int scored, int offices) => T(
        $"ত্রৈমাসিক চলমান{(due is { } d ? $", সময়সীমা {ShortDate(d)}" : "")}: নম্বর এ পর্যন্ত লিপিবদ্ধ কাজের ভিত্তিতে, বাকি কাজ শূন্য ধরা হয়নি; {Number(offices)}টি দপ্তরের মধ্যে {Number(scored)}টি এ পর্যন্ত কিছু লিপিবদ্ধ করেছে।",
        $"Quarter under way{(due is { } e ? $", due {ShortDate(e)}" : "")}: scores are on the items recorded so far, items not yet due are not counted as zero; {Number(scored)} of {Number(offices)} offices have recorded something so far.");
    public string NoChildren => T("এই দপ্তরের অধীনে কোনো দপ্তর নেই।", "This office has no subordinate offices.");
    public string DownloadCsv => T("CSV ডাউনলোড", "Download CSV");
    public string Contents => T("এই পাতায়", "On this page");
    public string ShowAll(int total) => T($"সবগুলো দেখুন ({Number(total)})", $"Show all ({Number(total)})");
    public string Of(int shown, int total) => T($"{Number(total)}টির মধ্যে {Number(shown)}টি", $"{Number(shown)} of {Number(total)}");
    public string PageNumber(int page, int pages) => T($"পৃষ্ঠা {Number(page)} / {Number(pages)}", $"Page {Number(page)} of {Number(pages)}");
    public string Previous => T("আগের পৃষ্ঠা", "Previous page");
    public string Next => T("পরের পৃষ্ঠা", "Next page");
    public string Pages => T("পৃষ্ঠাসমূহ", "Pages");
    public string BackToDashboard => T("ড্যাশবোর্ডে ফিরুন", "Back to the dashboard");
    public string NotExpected => T("এই ত্রৈমাসিকে প্রত্যাশিত নয়", "not expected this quarter");
    // Direct subordinate offices expected to deliver indicators: internal branches are part of their office (README, decision 6).
    public string Subordinates(int count) => T($"{Number(count)}টি আওতাধীন দপ্তর (শাখা বাদে)", $"{Number(count)} subordinate offices (branches not counted)");

    public string TableTitle(DashboardTable table) => table switch
    {
        DashboardTable.HeatMap => T("দপ্তর × সূচক: অবস্থা", "Offices × indicators: status"),
        DashboardTable.Trend => T("ত্রৈমাসিক প্রবণতা", "Trend across the quarters"),
        DashboardTable.Risk => T("ঝুঁকিতে থাকা দপ্তর", "Offices at risk of missing this quarter"),
        DashboardTable.Lapses => CharterTracker.Documents.Glossary.MissedAndLateItems(Bengali),
        DashboardTable.Ranking => T("দপ্তরসমূহের ক্রম", "Ranking of the offices"),
        DashboardTable.FollowUps => T("সভার চলমান সিদ্ধান্ত", "Open follow-ups from meetings"),
        _ => T("এই ত্রৈমাসিকের সভা", "Meetings this quarter"),
    };

    // Trend
    public string ScoreTrend => T("গড় ত্রৈমাসিক নম্বর", "Average quarter score");
    public string TimelinessTrend => T("প্রত্যাশিত কাজের অবস্থা", "What became of the expected items");
    public string ChartAsTable => T("চার্টের তথ্য সারণিতে", "The charts' figures as a table");
    public string Expected => T("প্রত্যাশিত", "Expected");
    public string Done => StatusText(Scoring.ItemStatus.Done);
    public string LateWord => StatusText(Scoring.ItemStatus.Late);
    public string MissedWord => StatusText(Scoring.ItemStatus.Missed);
    public string PendingWord => StatusText(Scoring.ItemStatus.Pending);

    // Risk
    public string RiskLevelText(RiskLevel level) => level == RiskLevel.High ? T("উচ্চ ঝুঁকি", "High risk") : T("মাঝারি ঝুঁকি", "Medium risk");
    public string Risk => T("ঝুঁকি", "Risk");
    public string Why => T("কারণ", "Why");
    public string Points => T("পয়েন্ট", "Points");
    public string DaysLeft(int days) => T($"শেষ তারিখের {Number(days)} দিন বাকি", $"{Number(days)} days left before the due date");
    public string MissedQuarters(int count) => T($"আগের ৪ ত্রৈমাসিকের {Number(count)}টিতে কাজ বাদ পড়েছে", $"missed an item in {Number(count)} of the last 4 quarters");
    public string LateQuarters(int count) => T($"{Number(count)}টিতে বিলম্বে", $"late in {Number(count)}");
    public string Recorded(int recorded, int expected) => recorded == 0
        ? T("এখনো কিছুই লিপিবদ্ধ হয়নি", "nothing recorded yet")
        : T($"{Number(expected)}টির মধ্যে {Number(recorded)}টি লিপিবদ্ধ", $"{Number(recorded)} of {Number(expected)} recorded");
    public string MissedQuartersHeading => T("আগের ৪ ত্রৈমাসিকে কাজ বাদ পড়েছে", "Quarters with a missed item (last 4)");
    public string LateQuartersHeading => T("আগের ৪ ত্রৈমাসিকে বিলম্ব", "Quarters only late (last 4)");
    public string RecordedHeading => T("লিপিবদ্ধ", "Recorded");
    public string NoRisk => T("এই ত্রৈমাসিকে কোনো দপ্তর ঝুঁকিতে নেই।", "No office is at risk in this quarter.");
    public string RiskClosed => T($"এই ত্রৈমাসিকের শেষ তারিখ পেরিয়ে গেছে: যা হয়নি তা «{CharterTracker.Documents.Glossary.MissedAndLateItems(true)}» তালিকায় আছে।",
        "This quarter's due date has passed: what was not done is listed under missed items.");
    public string Assessed(int count) => T($"যেসব দপ্তরের কাজ এখনো বাকি: {Number(count)}টি", $"Offices with items still open: {Number(count)}");
    public string RiskRuleText => T(
        $"নিয়ম: যে দপ্তরের এই ত্রৈমাসিকের কাজ এখনো বাকি, আগের চার ত্রৈমাসিকের যেটিতে তার কোনো কাজ বাদ পড়েছে তার প্রতিটির জন্য {Number(RiskRule.PointsPerMissedQuarter)} পয়েন্ট এবং যেগুলোতে বিলম্ব হয়েছে তার প্রতি {Number(RiskRule.LateQuartersPerPoint)}টির জন্য ১ পয়েন্ট; শেষ তারিখের {Number(RiskRule.CloseDays)} দিন বা কম বাকি থাকলে {Number(RiskRule.PointsWhenClose)} পয়েন্ট ({Number(RiskRule.NearDays)} দিন বা কম হলে {Number(RiskRule.PointsWhenNear)}); এই ত্রৈমাসিকের কিছুই লিপিবদ্ধ না হলে শেষ {Number(RiskRule.NearDays)} দিনে {Number(RiskRule.PointsWhenNothingRecorded)} পয়েন্ট, তার আগে {Number(RiskRule.PointsWhenNothingRecordedEarly)}। {Number(RiskRule.Listed)} বা বেশি পয়েন্ট হলে তালিকায়, {Number(RiskRule.High)} বা বেশি হলে উচ্চ ঝুঁকি।",
        $"The rule: an office with items of this quarter still open gets {RiskRule.PointsPerMissedQuarter} points for every one of the last four quarters in which it missed an item and 1 for every {RiskRule.LateQuartersPerPoint} in which it was late; {RiskRule.PointsWhenClose} points when {RiskRule.CloseDays} days or fewer are left before the due date ({RiskRule.PointsWhenNear} when {RiskRule.NearDays} or fewer); when it has recorded nothing of the quarter yet, {RiskRule.PointsWhenNothingRecorded} points within those {RiskRule.NearDays} days, {RiskRule.PointsWhenNothingRecordedEarly} before. {RiskRule.Listed} points or more put it on the list, {RiskRule.High} or more at high risk.");

    // Missed and late
    public string Lapsed => T("অবস্থা", "Status");
    public string DaysLate(int days) => T($"{Number(days)} দিন দেরি", $"{Number(days)} days late");
    public string DaysLateHeading => T("দিন দেরি", "Days late");
    public string FocalPointsHeading => T("ফোকাল পয়েন্ট", "Focal points");
    public string NoFocalPoint => T("নির্ধারিত নেই", "none assigned");
    public string NoLapses => CharterTracker.Documents.Glossary.NoMissedOrLate(Bengali);

    // Ranking
    public string Rank => T("ক্রম", "Rank");
    public string Parent => T("ঊর্ধ্বতন দপ্তর", "Parent office");
    public string Score => T("নম্বর", "Score");
    public string CompletedOfExpected => T("সম্পন্ন / প্রত্যাশিত", "Done / expected");
    public string HighestFirst => T("সর্বোচ্চ আগে", "Highest first");
    public string LowestFirst => T("সর্বনিম্ন আগে", "Lowest first");
    public string TiesShareRank => T("সমান নম্বর পেলে একই ক্রম (১, ২, ২, ৪)।", "Equal scores share a rank (1, 2, 2, 4).");
    public string NoScores => T("এই সময়ের কোনো নম্বর নেই।", "No scores for this period.");
    public string WhatMadeIt => T("নম্বর যেভাবে এসেছে", "What made the score");
    public string MarksHeading => T("প্রাপ্ত নম্বর", "Marks");
    public string WeightsHeading => T("গণনাকৃত মান", "Weights counted");
    public string NotCounted => T("(গণনা হয়নি: সময় হয়নি)", "(not counted: not yet due)");
    public string RankingExplained => T(
        "ত্রৈমাসিক নম্বর = গণনাকৃত সূচকের প্রাপ্ত নম্বরের যোগফল ÷ তাদের মানের যোগফল × ১০০। কোনো সূচক লিপিবদ্ধ হলেও প্রমাণক না থাকলে বা লক্ষ্যমাত্রার ৬০%-এর কম অর্জনে নম্বর ০।",
        "Quarter score = the marks of the indicators counted ÷ the sum of their weights × 100. An item recorded without evidence, or below 60 % of its target, earns 0 marks.");
    public string ItemCounts(int done, int late, int missed, int pending, int expected) => T(
        $"প্রত্যাশিত {Number(expected)}: সম্পন্ন {Number(done)}, বিলম্বে {Number(late)}, অসম্পন্ন {Number(missed)}" + (pending > 0 ? $", অপেক্ষমাণ {Number(pending)}" : ""),
        $"{Number(done)} done, {Number(late)} late, {Number(missed)} missed" + (pending > 0 ? $", {Number(pending)} pending" : "") + $" of {Number(expected)}");
    public string ItemMarks(string code, Scoring.ItemStatus status, decimal marks, decimal weight, bool counted) =>
        $"{Digits(code)} {StatusText(status)} {(counted ? Decimal(marks) + "/" + Decimal(weight) : T("গণনা হয়নি", "not counted") + " (" + Decimal(weight) + ")")}";

    // Follow-ups and meetings
    public string DecidedAtHeading => T("যে সভায় সিদ্ধান্ত", "Decided at");
    public string Owner => T("দায়িত্বপ্রাপ্ত দপ্তর", "Owner office");
    public string ActionToTake => T("করণীয়", "Action");
    public string NoFollowUps => T("কোনো চলমান সিদ্ধান্ত নেই।", "No follow-up is open.");
    public string HeldOn => T("সভার তারিখ", "Held on");
    public string Meeting => T("সভা", "Meeting");
    public string MemoNumberHeading => T("স্মারক নম্বর", "Memo number");
    public string Minutes => T("কার্যবিবরণী", "Minutes");
    public string OpenFollowUpsCount => T("চলমান সিদ্ধান্ত", "Open follow-ups");
    public string NoMeetings => T("এই ত্রৈমাসিকে কোনো সভা লিপিবদ্ধ হয়নি।", "No meeting was recorded this quarter.");
    public string MeetingKindText(MeetingKind kind) => kind switch
    {
        MeetingKind.SubordinateCoordination => T("আওতাধীন দপ্তরের সমন্বয় সভা", "Coordination with subordinate offices"),
        MeetingKind.StakeholderAwareness => T("স্টেকহোল্ডার অবহিতকরণ সভা", "Stakeholder awareness"),
        MeetingKind.MonitoringCommittee => T("পরিবীক্ষণ কমিটির সভা", "Monitoring committee"),
        _ => T("অন্যান্য সভা", "Other meeting"),
    };

    // Documents
    public string Documents => T("প্রতিবেদন", "Reports");
    public string AnnualReport => T("বার্ষিক প্রতিবেদন", "Annual report");
    public string QuarterlyReport => T("ত্রৈমাসিক বাস্তবায়ন প্রতিবেদন", "Quarterly implementation report");
    public string IssueReport => T("জারির তথ্যসহ প্রতিবেদন (স্মারক নম্বর, তারিখ, স্বাক্ষরকারী)", "Report with its issuing block (memo number, date, signatory)");
    public string IssuingOffice => T("জারিকারী দপ্তর", "Issuing office");
    public string MemoDate => T("স্মারকের তারিখ", "Memo date");
    public string SignatoryName => T("স্বাক্ষরকারীর নাম", "Signatory's name");
    public string SignatoryDesignation => T("স্বাক্ষরকারীর পদবি", "Signatory's designation");
    public string LanguageWord => T("ভাষা", "Language");
    public string InLanguage(string language) => language == "bn" ? T("বাংলা", "Bengali") : T("ইংরেজি", "English");
}
