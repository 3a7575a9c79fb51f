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

    public string ChooseOption => T("— বেছে নিন —", "— choose —");
    public string NotATime => T("সময়টি সঠিক নয়; ২৪ ঘণ্টার ঘড়িতে ঘণ্টা:মিনিট লিখুন, যেমন ১৪:৩০।", "Not a time: write it HH:mm on the 24-hour clock, e.g. 14:30.");
    public string TimeOfDay(TimeOnly time) => Digits(time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    public string AnswerYes => T("হ্যাঁ", "Yes");
    public string AnswerNo => T("না", "No");

    // My offices
    public string MyOffices => T("আমার দপ্তরসমূহ", "My offices");
    public string ChooseOffice => T("যে দপ্তরের কাজ করবেন, সেটি বেছে নিন।", "Choose the office to work for.");
    public string OwnOffice => T("নিজ দপ্তর", "Own office");
    public string AssignedOffice => T("দায়িত্বপ্রাপ্ত দপ্তর", "Assigned office");

    /// <summary>An assignment's ValidUntil is exclusive: the last day shown is the day before.</summary>
    public string AssignedUpTo(DateOnly until) => T($"{Date(until.AddDays(-1))} পর্যন্ত দায়িত্ব", $"Assigned up to {Date(until.AddDays(-1))}");
    public string ChecklistProgress(int done, int total) => Bengali ? $"{Number(total)}টির মধ্যে {Number(done)}টি সম্পন্ন" : $"{done} of {total} done";
    public string OpenChecklist => T("করণীয় খুলুন", "Open the checklist");
    public string AllMyOffices => T("আমার সব দপ্তর", "All my offices");

    // The records of the period
    public string PeriodRecords => T("এই সময়ের রেকর্ড", "Records of this period");
    public string PeriodRecordsHint => T("এই ত্রৈমাসিকের রেকর্ড, এবং অর্থবছরের বার্ষিক রেকর্ড (প্রশিক্ষণ, বার্ষিক প্রতিবেদন)।",
        "This quarter's records, and the year's annual ones (trainings, the annual progress report).");
    public string NoRecordsYet => T("এখনও কিছু লিপিবদ্ধ হয়নি।", "Nothing is recorded yet.");
    public string RecordColumn => T("রেকর্ড", "Record");
    public string RecordDate => T("তারিখ", "Date");
    public string EvidenceNone => T("নেই", "None");
    public string EvidenceOnPaperShort => T("কাগজে সংরক্ষিত", "Held on paper");
    public string EditRecord => T("সংশোধন", "Edit");
    public string RecordHistory => T("পূর্বের সংস্করণ", "History");
    public string WithdrawRecord => T("প্রত্যাহার", "Withdraw");
    public string WithdrawnRecord => T("প্রত্যাহৃত", "Withdrawn");
    public string MinutesPreview(string language) => T("কার্যবিবরণী দেখুন", "Preview the minutes") + " (" + (language == "bn" ? "বাংলা" : "English") + ")";
    public string MinutesPdf(string language) => T("কার্যবিবরণী PDF", "Minutes PDF") + " (" + (language == "bn" ? "বাংলা" : "English") + ")";

    public string RecordKindName(Activities.RecordKind kind) => kind switch
    {
        Activities.RecordKind.CharterUpdate => T("সেবা প্রদান প্রতিশ্রুতি হালনাগাদ", "Charter update"),
        Activities.RecordKind.Meeting => T("সভা", "Meeting"),
        Activities.RecordKind.Training => T("প্রশিক্ষণ/কর্মশালা/সেমিনার", "Training, workshop or seminar"),
        Activities.RecordKind.Kaizen => T("কাইজেন", "Kaizen case"),
        Activities.RecordKind.QualityValue => T("মান ব্যবস্থার সূচকের মান", "Quality indicator value"),
        _ => T("প্রতিবেদন", "Report"),
    };

    public string MeetingKindName(Meetings.MeetingKind kind) => kind switch
    {
        Meetings.MeetingKind.SubordinateCoordination => T("আওতাধীন দপ্তরের সাথে ত্রৈমাসিক সমন্বয় সভা", "Quarterly meeting with subordinate offices"),
        Meetings.MeetingKind.StakeholderAwareness => T("স্টেকহোল্ডারদের অবহিতকরণ সভা", "Stakeholder awareness meeting"),
        Meetings.MeetingKind.MonitoringCommittee => T("পরিবীক্ষণ কমিটির সভা", "Monitoring committee meeting"),
        _ => T("অন্যান্য সভা", "Other meeting"),
    };

    public string TrainingKindName(Trainings.TrainingKind kind) => kind switch
    {
        Trainings.TrainingKind.Workshop => T("কর্মশালা", "Workshop"),
        Trainings.TrainingKind.Training => T("প্রশিক্ষণ", "Training"),
        _ => T("সেমিনার", "Seminar"),
    };

    public string ReportKindName(Reports.ReportKind kind) => kind == Reports.ReportKind.QuarterlyImplementation
        ? T("ত্রৈমাসিক বাস্তবায়ন অগ্রগতি প্রতিবেদন", "Quarterly implementation report")
        : T("বার্ষিক অগ্রগতি প্রতিবেদন", "Annual progress report");

    // Follow-ups
    public string FollowUpsTitle => T("সিদ্ধান্ত বাস্তবায়ন (ফলো-আপ)", "Follow-ups");
    public string FollowUpsHint => T("এই দপ্তরের সভার সিদ্ধান্ত ও এই দপ্তরকে দেওয়া দায়িত্ব, যা এখনও চলমান।",
        "Decisions of this office's meetings, and those this office must carry out, not yet done.");
    public string NoOpenFollowUps => T("বাস্তবায়নের অপেক্ষায় কোনো সিদ্ধান্ত নেই।", "No follow-up is open.");
    public string OwnerOffice => T("বাস্তবায়নকারী দপ্তর", "Owner office");
    public string DecidedAt(DateOnly heldOn) => T($"{Date(heldOn)} তারিখের সভা", $"Meeting of {Date(heldOn)}");
    public string FollowUpStatusText(Meetings.FollowUpStatus status) => status switch
    {
        Meetings.FollowUpStatus.Overdue => T("মেয়াদোত্তীর্ণ", "Overdue"),
        Meetings.FollowUpStatus.Done => T("সম্পন্ন", "Done"),
        _ => T("চলমান", "Open"),
    };
    public static string FollowUpStatusMark(Meetings.FollowUpStatus status) => status switch
    {
        Meetings.FollowUpStatus.Overdue => "!",
        Meetings.FollowUpStatus.Done => "✓",
        _ => "○",
    };
    public string ReportFollowUpDone => T("সম্পন্ন জানান", "Report done");
    public string CompleteFollowUpTitle => T("সিদ্ধান্ত বাস্তবায়ন সম্পন্ন", "Report a follow-up done");
    public string FollowUpDoneOn => T("সম্পন্নের তারিখ", "Done on");
    public string FollowUpNote => T("মন্তব্য", "Note");
    public string FollowUpNoteHint => T("কী করা হয়েছে, সংক্ষেপে (ঐচ্ছিক)", "What was done, briefly (optional)");
    public string FollowUpAlreadyDone => T("এই সিদ্ধান্তটি আর চলমান নেই।", "This follow-up is no longer open.");

    // The meeting form
    public string RecordMeeting => T("সভা লিপিবদ্ধ", "Record a meeting");
    public string EditMeeting => T("সভার তথ্য সংশোধন", "Edit the meeting");
    public string MeetingKindLabel => T("সভার ধরন", "Kind of meeting");
    public string MeetingTitle => T("সভার শিরোনাম", "Title");
    public string IssuingUnit => T("জারিকারী শাখা/অধিশাখা", "Issuing unit");
    public string IssuingUnitHint => T("কার্যবিবরণীর শিরোনামে মন্ত্রণালয়ের নিচে যে শাখা বা অধিশাখার নাম থাকবে", "The branch or wing printed under the ministry in the minutes' header");
    public string MeetingHeldOn => T("সভার তারিখ", "Date of the meeting");
    public string MeetingHeldOnHint => T("তারিখটি এই ত্রৈমাসিকের মধ্যে হতে হবে।", "It must lie in this quarter.");
    public string StartTime => T("শুরুর সময়", "Start time");
    public string StartTimeHint => T("২৪ ঘণ্টার ঘড়িতে ঘণ্টা:মিনিট, যেমন ১১:০০ বা ১৪:৩০", "HH:mm on the 24-hour clock, e.g. 11:00 or 14:30");
    public string Venue => T("স্থান", "Venue");
    public string Chair => T("সভাপতি", "Chair");
    public string PersonName => T("নাম", "Name");
    public string PersonDesignation => T("পদবি", "Designation");
    public string Opening => T("সূচনা", "Opening");
    public string OpeningHint => T("সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভার কাজ শুরু করেন… একাধিক অনুচ্ছেদ (যেমন ০২।) মাঝে একটি ফাঁকা লাইন রেখে লিখুন; লাইন ভাঙা যেমন লিখবেন তেমনই ছাপা হবে।",
        "The chair welcomed those present and opened the meeting… Leave an empty line between paragraphs (such as 02.); line breaks print as typed.");
    public string Closing => T("সমাপনী", "Closing");
    public string ClosingHint => T("ফাঁকা রাখলে ছাপা হবে: “সভায় আর কোন আলোচ্য বিষয় না থাকায় সভাপতি উপস্থিত সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।”",
        "Left empty, the minutes print: “With no other business, the chair thanked everyone present and closed the meeting.”");
    public string DecisionHint => T("উপ-সিদ্ধান্ত থাকলে এটি ফাঁকা রাখা যায়।", "May be left empty when the decision is all sub-decisions.");
    public string SubDecisions => T("উপ-সিদ্ধান্ত (ক, খ, গ …)", "Sub-decisions (a, b, c …)");
    public string SubDecisionsHint => T("প্রতি লাইনে একটি; কার্যবিবরণীতে ক) খ) গ) … ক্রমে ছাপা হবে।", "One per line; the minutes letter them a) b) c) … (ক) খ) গ) … in Bengali).");
    public string Attendance => T("উপস্থিতি (পরিশিষ্ট 'ক')", "Attendance (annex 'ক')");
    public string AttendanceHint => T("আমন্ত্রিত প্রত্যেকের জন্য একটি সারি; যিনি আসেননি, তাঁর 'উপস্থিত ছিলেন' টিক তুলে দিন। খালি সারি সংরক্ষণ হয় না।",
        "One row for each invitee; untick 'attended' for one who did not come. Empty rows are not saved.");
    public string AttendeeNumber(int n) => T($"উপস্থিত {Number(n)}", $"Attendee {n}");
    public string AttendeeOffice => T("দপ্তর/সংস্থা", "Office");
    public string Attended => T("উপস্থিত ছিলেন", "Attended");
    public string AddAttendee => T("আরও একজন যোগ করুন", "Add another attendee");
    public string Agenda => T("আলোচ্য বিষয় ও সিদ্ধান্ত", "Agenda items and decisions");
    public string AgendaHint => T("প্রতিটি আলোচ্য বিষয়ের আলোচনা ও সিদ্ধান্ত; যে সিদ্ধান্ত কোনো দপ্তরকে নির্দিষ্ট তারিখের মধ্যে বাস্তবায়ন করতে হবে, তা ফলো-আপ হিসেবে দিন।",
        "The discussion and decision of each item; a decision an office must carry out by a date is a follow-up.");
    public string AgendaItemNumber(int n) => T($"আলোচ্য বিষয় {Number(n)}", $"Agenda item {n}");
    public string Discussion => T("আলোচনা", "Discussion");
    public string Decision => T("সিদ্ধান্ত", "Decision");
    public string FollowUpsOfItem(int n) => T($"আলোচ্য বিষয় {Number(n)}-এর ফলো-আপ", $"Follow-ups of agenda item {n}");
    public string FollowUpNumber(int n) => T($"ফলো-আপ {Number(n)}", $"Follow-up {n}");
    public string FollowUpAction => T("যা করতে হবে", "What is to be done");
    public string FollowUpDueOn => T("বাস্তবায়নের শেষ তারিখ", "Due on");
    public string AddFollowUp(int n) => T($"আলোচ্য বিষয় {Number(n)}-এ আরও একটি ফলো-আপ যোগ করুন", $"Add a follow-up to agenda item {n}");
    public string AddAgendaItem => T("আরও একটি আলোচ্য বিষয় যোগ করুন", "Add another agenda item");
    public string DoneFollowUp(string action, DateOnly doneOn) => T($"{action} — {Date(doneOn)} তারিখে সম্পন্ন", $"{action} — done on {Date(doneOn)}");
    public string MemoNumber => T("স্মারক নম্বর", "Memo number");
    public string MemoNumberHint => T("যেমন ০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৩৬; বাংলা বা ইংরেজি অঙ্ক", "e.g. 05.00.0000.197.16.001.24.136; Bengali or Latin digits");
    public string IssuedOn => T("জারির তারিখ", "Issue date");
    public string Signatory => T("স্বাক্ষরকারী", "Signatory");
    public string Distribution => T("বিতরণ", "Distribution");
    public string DistributionHint => T("প্রতি লাইনে একজন প্রাপক", "One recipient a line");

    // The training form
    public string RecordTraining => T("প্রশিক্ষণ/কর্মশালা/সেমিনার লিপিবদ্ধ", "Record a training, workshop or seminar");
    public string EditTraining => T("প্রশিক্ষণ/কর্মশালা/সেমিনারের তথ্য সংশোধন", "Edit the training");
    public string TrainingKindLabel => T("ধরন", "Kind");
    public string TrainingHeldOn => T("অনুষ্ঠানের তারিখ", "Date held");
    public string TrainingHeldOnHint => T("অর্থবছরের যেকোনো দিন; যে ত্রৈমাসিকে পড়ে, সেখানে গণনা হয়।", "Any day of the fiscal year; it counts in the quarter it falls in.");
    public string TrainingTitle => T("বিষয়/শিরোনাম", "Title");
    public string Participants => T("অংশগ্রহণকারীর সংখ্যা", "Participants");
    public string OfficesRepresented => T("যে দপ্তরের কর্মকর্তা-কর্মচারী অংশ নিয়েছেন", "Offices represented");
    public string OfficesRepresentedHint => T("আওতাধীন যে দপ্তরগুলোর কর্মীরা অংশ নিয়েছেন", "The subordinate offices whose staff took part");

    // The report form
    public string RecordReport => T("প্রতিবেদন দাখিল লিপিবদ্ধ", "Record a report submitted");
    public string EditReport => T("প্রতিবেদনের তথ্য সংশোধন", "Edit the report");
    public string ReportKindLabel => T("প্রতিবেদনের ধরন", "Kind of report");
    public string ReportQuarter => T("যে ত্রৈমাসিকের প্রতিবেদন", "Quarter reported on");
    public string ReportQuarterHint => T("শুধু ত্রৈমাসিক প্রতিবেদনের জন্য", "Only for a quarterly report");
    public string SubmittedOn => T("দাখিলের তারিখ", "Submitted on");
    public string SubmittedOnHint => T("যেদিন ঊর্ধ্বতন দপ্তরে পাঠানো হয়েছে", "The day it was sent to the parent office");

    // Editing
    public string EditCharterUpdate => T("সেবা প্রদান প্রতিশ্রুতি হালনাগাদের তথ্য সংশোধন", "Edit the charter update");
    public string ConflictKept => T("আপনি যা লিখেছেন, তা নিচে রাখা আছে। বর্তমান সংস্করণটি ইতিহাসে দেখে নিন; আবার সংরক্ষণ করলে নিচের তথ্য দিয়ে সেটি প্রতিস্থাপিত হবে।",
        "What you typed is kept below. Compare it with the current version in the history; saving again replaces that version with what is below.");
    public string SeeCurrentVersion => T("বর্তমান সংস্করণ ও ইতিহাস দেখুন", "See the current version and the history");
    public string WithdrawnCannotChange => T("রেকর্ডটি প্রত্যাহার করা হয়েছে; এটি আর পরিবর্তন করা যায় না।", "This record was withdrawn; it can no longer be changed.");

    // History
    public string HistoryOf(string what) => T($"পূর্বের সংস্করণ: {what}", $"History: {what}");
    public string VersionNumber(int version) => T($"সংস্করণ {Number(version)}", $"Version {version}");
    public string CurrentVersion => T("বর্তমান", "current");
    public string RecordedBy(string who, string when) => T($"{who} লিপিবদ্ধ করেছেন, {when}", $"Recorded by {who}, {when}");
    public string RecordedLaterBy(string who, string recordedOn, string when) =>
        T($"{recordedOn} তারিখে লিপিবদ্ধ হিসেবে গণ্য; পরে তথ্য তুলেছেন {who}, {when}", $"Recorded as of {recordedOn}; entered later by {who}, {when}");
    public string TheSystem => T("সিস্টেম", "the system");
    public string ChangedBy(string change, string who, string when) => change == "Withdrawn"
        ? T($"{who} প্রত্যাহার করেছেন, {when}", $"Withdrawn by {who}, {when}")
        : T($"{who} সংশোধন করেছেন, {when}", $"Edited by {who}, {when}");
    public string WithdrawnBecause(string reason) => T($"প্রত্যাহারের কারণ: {reason}", $"Reason for withdrawing: {reason}");
    public string HistoryField => T("তথ্য", "Field");
    public string HistoryValue => T("মান", "Value");
    public string ChangedInVersion => T("পরিবর্তিত", "changed");
    public string ChangedFieldsHint => T("'পরিবর্তিত' চিহ্নিত তথ্য আগের সংস্করণ থেকে এই সংস্করণে বদলেছে।", "Fields marked 'changed' differ from the version before.");
    public string NoEarlierVersions => T("এই রেকর্ডটি লিপিবদ্ধ হওয়ার পর বদলানো হয়নি।", "This record has not been changed since it was recorded.");
    public string BackToWorkspace => T("কর্মক্ষেত্রে ফিরুন", "Back to the workspace");

    // Withdrawing
    public string WithdrawTitle => T("রেকর্ড প্রত্যাহার", "Withdraw a record");
    public string WithdrawWarning => T("প্রত্যাহৃত রেকর্ড পড়া যাবে, কিন্তু কোনো সূচকে আর গণনা হবে না। এটি ফিরিয়ে আনা যায় না।",
        "A withdrawn record stays readable but no longer counts for any indicator. It cannot be undone.");
    public string WithdrawReason => T("প্রত্যাহারের কারণ", "Reason for withdrawing");
    public string WithdrawReasonHint => T("যেমন: ভুল দপ্তরের জন্য লিপিবদ্ধ, একই তথ্য দুবার", "E.g. entered for the wrong office, a duplicate");
    public string ConfirmWithdraw => T("প্রত্যাহার নিশ্চিত করুন", "Confirm the withdrawal");

    private static readonly Dictionary<string, string> Nouns = new(StringComparer.Ordinal)
    {
        ["charter update"] = "সেবা প্রদান প্রতিশ্রুতি হালনাগাদ",
        ["stakeholder awareness meeting"] = "স্টেকহোল্ডার অবহিতকরণ সভা",
        ["meeting with subordinate offices"] = "আওতাধীন দপ্তরের সমন্বয় সভা",
        ["quarterly implementation report"] = "ত্রৈমাসিক বাস্তবায়ন প্রতিবেদন",
        ["workshop, training or seminar"] = "কর্মশালা/প্রশিক্ষণ/সেমিনার",
        ["annual progress report"] = "বার্ষিক অগ্রগতি প্রতিবেদন",
        ["implemented Kaizen case"] = "বাস্তবায়িত কাইজেন",
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
