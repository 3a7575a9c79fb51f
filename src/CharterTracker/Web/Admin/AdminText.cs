using System.Globalization;
using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Offices;
using CharterTracker.Scheduling;

namespace CharterTracker.Web;

/// <summary>The administration's words.</summary>
public sealed partial class WebText
{
    // The start page and the areas.
    public string AdminStart => T("শুরু", "Start");
    public string OfficesTitle => T("দপ্তরসমূহ", "Offices");
    public string UsersTitle => T("ব্যবহারকারী ও ভূমিকা", "Users and roles");
    public string ActionPlansTitle => T("কর্মপরিকল্পনা", "Action plans");
    public string JobsTitle => T("নির্ধারিত কাজ", "Scheduled jobs");
    public string OfficesExplained => T("দপ্তরের কাঠামো: নিবন্ধন, নাম পরিবর্তন, স্থানান্তর ও নিষ্ক্রিয়করণ (কার্যকরের তারিখসহ), CSV থেকে আমদানি, ফোকাল পয়েন্ট।",
        "The office tree: register, rename, move and deactivate offices (from a date), import them from CSV, their focal points.");
    public string UsersExplained => T("ব্যবহারকারী তৈরি ও পরিবর্তন: ভূমিকা, দপ্তর, ভাষা, সক্রিয়/নিষ্ক্রিয়, নতুন পাসওয়ার্ড, ফোকাল পয়েন্টের দায়িত্ব।",
        "Create and change users: role, office, language, active or deactivated, a new password, focal point assignments.");
    public string ActionPlansExplained => T("অর্থবছরভিত্তিক কর্মপরিকল্পনা দেখুন, পরের বছরে অনুলিপি করুন, বছর শুরুর আগে সংখ্যাগুলো সম্পাদনা করুন।",
        "See each fiscal year's plan, clone a year into the next, edit its numbers before the year starts.");
    public string JobsExplained => T("সময়সূচি অনুযায়ী চলা কাজ (সময়সীমা পার, অনুস্মারক, ই-মেইল): সর্বশেষ অবস্থা, এখনই চালানো।",
        "The scheduled jobs (missed deadlines, reminders, email): their latest runs, and running one now.");
    public string ActiveUsers => T("সক্রিয় ব্যবহারকারী", "Active users");
    public string OfAllUsers(int all) => Bengali ? $"মোট {Number(all)} জনের মধ্যে" : $"of {Number(all)} in all";
    public string CurrentPlan => T("চলতি অর্থবছর", "Current fiscal year");
    public string PlanStored => T("কর্মপরিকল্পনা আছে", "plan stored");
    public string NoPlanYet => T("কর্মপরিকল্পনা নেই", "no plan yet");

    // Lists.
    public string PagesLabel => T("পাতা", "Pages");
    public string PagerPrevious => T("আগের পাতা", "Previous page");
    public string PagerNext => T("পরের পাতা", "Next page");
    public string PageOf(int page, int pages) => Bengali ? $"পাতা {Number(page)} / {Number(pages)}" : $"Page {page} of {pages}";
    public string SearchButton => T("খুঁজুন", "Search");
    public string FilterButton => T("ছাঁকুন", "Filter");
    public string ClearFilter => T("সব দেখুন", "Show all");
    public string StateLabel => T("অবস্থা", "State");
    public string FieldRequired => T("এটি পূরণ করতে হবে।", "This is required.");

    // Offices.
    public string AllOffices => T("সব দপ্তর", "All offices");
    public string TopLevelOffices => T("শীর্ষ পর্যায়ের দপ্তর", "Top-level offices");
    public string ChildOffices => T("সরাসরি অধীন দপ্তর", "Direct subordinate offices");
    public string NoChildOffices => T("এখানে কোনো দপ্তর নেই।", "There are no offices here.");
    // Counts every direct child, internal branches included (the dashboard counts subordinate offices without branches).
    public string ChildCount => T("সরাসরি অধীন দপ্তর ও শাখা", "Direct children (offices and branches)");
    public string NameBn => T("বাংলা নাম", "Bengali name");
    public string NameEn => T("ইংরেজি নাম", "English name");
    public string OfficeKindLabel => T("ধরন", "Kind");
    public string ActiveFrom => T("চালুর তারিখ", "Active from");
    public string ActiveOffice => T("সক্রিয়", "Active");
    public string DeactivatedFrom(DateOnly date) => Bengali ? $"{Date(date)} থেকে নিষ্ক্রিয়" : $"Deactivated from {Date(date)}";
    public string ClosesOn(DateOnly date) => Bengali ? $"{Date(date)} থেকে বন্ধ হবে" : $"closes from {Date(date)}";
    public string OpensOn(DateOnly date) => Bengali ? $"{Date(date)} থেকে চালু হবে" : $"Opens on {Date(date)}";
    public string SearchOffices => T("দপ্তর খুঁজুন", "Find an office");
    public string SearchOfficesHint => T("কোড বা বাংলা/ইংরেজি নামের অংশ", "Part of its code or of its Bengali or English name");
    public string OfficeSearchTitle(string search) => Bengali ? $"দপ্তর খোঁজা: “{search}”" : $"Offices matching “{search}”";
    public string OfficesFound(int count) => Bengali ? $"{Number(count)}টি দপ্তর পাওয়া গেছে।" : $"{count} office(s) found.";
    public string BackToTree => T("দপ্তরের কাঠামোতে ফিরুন", "Back to the office tree");
    public string RegisterOfficeHere => T("এর অধীনে দপ্তর নিবন্ধন", "Register an office under this one");
    public string RegisterTopOffice => T("শীর্ষ পর্যায়ের দপ্তর নিবন্ধন", "Register a top-level office");
    public string RenameOffice => T("নাম পরিবর্তন", "Rename");
    public string MoveOffice => T("স্থানান্তর", "Move");
    public string DeactivateOffice => T("নিষ্ক্রিয় করুন", "Deactivate");
    public string UsersOfOffice => T("এই দপ্তরের ব্যবহারকারী", "Users of this office");
    public string CodeHint => T("ইংরেজি অক্ষর, অঙ্ক, '.', '-' বা '_'; অনন্য, যেমন DGT-DIST-47", "Letters, digits, '.', '-' or '_'; unique, e.g. DGT-DIST-47");
    public string EffectiveOn => T("কার্যকরের তারিখ", "Takes effect on");
    public string ClosesFrom => T("যে তারিখ থেকে বন্ধ", "Closed from");
    public string EffectiveHint(DateOnly quarterStart) => Bengali
        ? $"চলতি ত্রৈমাসিকের প্রথম দিন ({Date(quarterStart)}) বা তার পরে; পূর্বের তারিখ (ইতিহাস সংরক্ষণে) কেবল সিস্টেম প্রশাসক দিতে পারেন। অতীতের ত্রৈমাসিক আগের কাঠামোই দেখায়।"
        : $"On or after the current quarter's first day ({Date(quarterStart)}); only a system administrator may back-date (to load history). Past quarters keep the tree as it was.";
    public string DeactivateHint(DateOnly quarterStart) => EffectiveHint(quarterStart) + " " +
        T("অধীনে সক্রিয় দপ্তর থাকলে আগে সেগুলো স্থানান্তর বা নিষ্ক্রিয় করুন। দপ্তর মুছে ফেলা হয় না।", "Move or deactivate its active subordinate offices first. Offices are never deleted.");
    public string RenameHint => T("পুরোনো নাম দপ্তরের ইতিহাসে থেকে যায়।", "The old names stay in the office's history.");
    public string NewParentCode => T("নতুন উর্ধ্বতন দপ্তরের কোড", "Code of the new parent office");
    public string NewParentHint => T("দপ্তরটি তার সব অধীন দপ্তরসহ এর অধীনে যাবে।", "The office moves there with every office under it.");
    public string NoOfficeWithCode(string code) => Bengali ? $"'{code}' কোডের কোনো দপ্তর নেই।" : $"No office has code '{code}'.";
    public string OfficeCode => T("দপ্তরের কোড", "Office code");
    public string OfficeCodeHint => T("যেমন MOPA; কোড জানা না থাকলে দপ্তর খুঁজুন।", "For example MOPA; find the office to learn its code.");
    public string OfficeRequired => T("দপ্তর দিতে হবে।", "The office is required.");

    public string OfficeFormTitle(OfficeFormMode mode, string? office) => mode switch
    {
        OfficeFormMode.Register when office is null => T("শীর্ষ পর্যায়ের দপ্তর নিবন্ধন", "Register a top-level office"),
        OfficeFormMode.Register => Bengali ? $"{office}-এর অধীনে দপ্তর নিবন্ধন" : $"Register an office under {office}",
        OfficeFormMode.Rename => Bengali ? $"নাম পরিবর্তন: {office}" : $"Rename {office}",
        OfficeFormMode.Move => Bengali ? $"স্থানান্তর: {office}" : $"Move {office}",
        _ => Bengali ? $"নিষ্ক্রিয়করণ: {office}" : $"Deactivate {office}",
    };

    public string SubmitOffice(OfficeFormMode mode) => mode switch
    {
        OfficeFormMode.Register => T("নিবন্ধন করুন", "Register"),
        OfficeFormMode.Rename => T("নাম পরিবর্তন করুন", "Rename"),
        OfficeFormMode.Move => T("স্থানান্তর করুন", "Move"),
        _ => T("নিষ্ক্রিয় করুন", "Deactivate"),
    };

    public string OfficeKindName(OfficeKind kind) => kind switch
    {
        OfficeKind.Ministry => T("মন্ত্রণালয়", "Ministry"),
        OfficeKind.Division => T("বিভাগ", "Division"),
        OfficeKind.Department => T("অধিদপ্তর", "Department"),
        OfficeKind.Agency => T("সংস্থা", "Agency"),
        OfficeKind.DivisionalOffice => T("বিভাগীয় কার্যালয়", "Divisional office"),
        OfficeKind.DistrictOffice => T("জেলা কার্যালয়", "District office"),
        OfficeKind.UpazilaOffice => T("উপজেলা কার্যালয়", "Upazila office"),
        _ => T("শাখা", "Branch"),
    };

    // Focal points.
    public string FocalPoints => T("ফোকাল পয়েন্ট", "Focal points");
    public string FocalPointAssignments => T("ফোকাল পয়েন্টের দায়িত্ব", "Focal point assignments");
    public string NoFocalPoints => T("এই দপ্তরে কোনো ফোকাল পয়েন্ট নির্ধারিত হয়নি।", "No focal point has been assigned to this office.");
    public string NoAssignments => T("কোনো দপ্তরের দায়িত্ব নেই।", "No office assignments.");
    public string UserColumn => T("ব্যবহারকারী", "User");
    public string AssignedFrom => T("দায়িত্ব শুরু", "From");
    public string AssignedUntil => T("দায়িত্ব শেষ", "Until");
    public string AssignedUntilHint => T("খালি রাখলে মেয়াদ খোলা; দিলে সেদিন থেকে দায়িত্ব আর থাকবে না।", "Leave empty for no end; otherwise the first day without the assignment.");
    public string OpenEnded => T("চলমান", "Open-ended");
    public string AssignFocalPoint => T("ফোকাল পয়েন্ট নির্ধারণ", "Assign a focal point");
    public string AssignToOffice => T("কোনো দপ্তরের দায়িত্ব দিন", "Assign to an office");
    public string AssignUserHint => T("ফোকাল পয়েন্ট ভূমিকার ব্যবহারকারীর নাম (username)", "The username of a user with the FocalPoint role");
    public string AssignUserTitle(string user) => Bengali ? $"{user}-কে দপ্তরের দায়িত্ব" : $"Assign {user} to an office";
    public string EndAssignment => T("দায়িত্ব শেষ করুন", "End the assignment");
    public string EndAssignmentTitle(string user, string office) => Bengali ? $"দায়িত্ব শেষ: {user}, {office}" : $"End {user}'s assignment to {office}";
    public string EndsFrom => T("যে দিন থেকে দায়িত্ব থাকবে না", "No longer assigned from");
    public string EndsFromHint => T("এই দিন থেকে তিনি আর এই দপ্তরের হয়ে কাজ করবেন না; আগের সময়ের দায়িত্বের তথ্য থেকে যায়।", "From this day on the officer no longer acts for the office; who was responsible before stays on record.");
    public string NoUserNamed(string username) => Bengali ? $"'{username}' নামে কোনো ব্যবহারকারী নেই।" : $"No user is named '{username}'.";
    public string OnlyFocalPointsAssigned => T("কেবল ফোকাল পয়েন্ট ভূমিকার ব্যবহারকারীকে দপ্তরের দায়িত্ব দেওয়া যায়।", "Only a user with the FocalPoint role can be assigned to offices.");

    // The CSV import.
    public string ImportOffices => T("CSV থেকে দপ্তর আমদানি", "Import offices from CSV");
    public string CsvFile => T("CSV ফাইল", "CSV file");
    public string CsvFileHint => T("UTF-8, প্রথম লাইনে কলামের নাম; নিচের বিবরণ দেখুন। প্রথমে যাচাই হবে, কিছুই সংরক্ষিত হবে না।",
        "UTF-8, with the column names on the first line; see below. It is checked first: nothing is saved yet.");
    public string CheckFile => T("যাচাই করুন", "Check the file");
    public string ChooseCsvFile => T("একটি CSV ফাইল বেছে নিন।", "Choose a CSV file.");
    public string DryRunReport => T("যাচাইয়ের ফল", "What the check found");
    public string FileNameLabel => T("ফাইল", "File");
    public string RowsRead => T("পঠিত সারি", "Rows read");
    public string BadRows => T("ত্রুটিপূর্ণ সারি", "Rows with errors");
    public string WouldImport => T("আমদানি হবে", "Would be imported");
    public string NothingImportedUntilGood => T("প্রতিটি সারি ঠিক না হওয়া পর্যন্ত কিছুই আমদানি হবে না: নিচের ত্রুটিগুলো ফাইলে ঠিক করে আবার যাচাই করুন।",
        "Nothing is imported until every row is correct: fix the rows below in the file and check it again.");
    public string CsvLine => T("লাইন", "Line");
    public string CsvColumnLabel => T("কলাম", "Column");
    public string CsvReason => T("কারণ", "Reason");
    public string CsvMeaning => T("অর্থ", "Meaning");
    public string ConfirmImport(int rows) => Bengali ? $"সব {Number(rows)}টি সারি ঠিক আছে। এই ফাইলটিই আমদানি করতে নিশ্চিত করুন।" : $"All {rows} rows are correct. Confirm to import exactly this file.";
    public string ImportNow(int rows) => Bengali ? $"{Number(rows)}টি দপ্তর আমদানি করুন" : $"Import {rows} offices";
    public string ImportFileChanged => T("নিশ্চিত করার ফাইলটি যাচাই করা ফাইলের সঙ্গে মেলে না: ফাইলটি আবার যাচাই করুন।", "The file to import is not the one that was checked: check the file again.");
    public string OfficesImported(int count) => Bengali ? $"{Number(count)}টি দপ্তর আমদানি হয়েছে।" : $"{count} offices imported.";
    public string CheckAnotherFile => T("অন্য ফাইল যাচাই", "Check another file");
    public string CsvColumns => T("কলামসমূহ", "The columns");
    public string SampleCsv => T("নমুনা CSV ফাইল ডাউনলোড", "Download a sample CSV file");

    public string CsvColumn(string column) => column switch
    {
        "code" => T("দপ্তরের অনন্য কোড (আবশ্যিক)", "The office's unique code (required)"),
        "nameBn" => T("বাংলা নাম (আবশ্যিক); কমা থাকলে উদ্ধৃতিচিহ্নের মধ্যে লিখুন", "Bengali name (required); in double quotes if it has a comma"),
        "nameEn" => T("ইংরেজি নাম (আবশ্যিক)", "English name (required)"),
        "kind" => T("ধরন (আবশ্যিক): ", "Kind (required): ") + string.Join(", ", Enum.GetNames<OfficeKind>()),
        "parentCode" => T("উর্ধ্বতন দপ্তরের কোড: সংরক্ষিত কোনো দপ্তর বা এই ফাইলেরই কোনো সারি (যেকোনো ক্রমে); খালি মানে শীর্ষ পর্যায়",
            "The parent's code: a stored office or a row of the same file (in any order); empty for a top-level office"),
        "activeFrom" => T("চালুর তারিখ YYYY-MM-DD (খালি থাকলে আজ)", "Active from, YYYY-MM-DD (empty: today)"),
        _ => column,
    };

    // Users.
    public string SearchUsers => T("নাম, ব্যবহারকারীর নাম বা ই-মেইল", "Name, username or email");
    public string AllRoles => T("সব ভূমিকা", "All roles");
    public string RoleLabel => T("ভূমিকা", "Role");
    public string UsernameLabel => T("ব্যবহারকারীর নাম (username)", "Username");
    public string UsernameHint => T("প্রবেশের নাম: ইংরেজি অক্ষর, অঙ্ক, '.', '-', '_' বা '@'; পরে বদলানো যায় না।", "The sign-in name: letters, digits, '.', '-', '_' or '@'; it cannot be changed later.");
    public string PasswordLabel => T("পাসওয়ার্ড", "Password");
    public string PasswordHint => T("কমপক্ষে ১০ অক্ষর।", "At least 10 characters.");
    public string DisplayNameLabel => T("প্রদর্শিত নাম", "Display name");
    public string EmailLabel => T("ই-মেইল", "Email");
    public string EmailHint => T("অনুস্মারক ও বিজ্ঞপ্তি এই ঠিকানায় যায়।", "Reminders and notices go to this address.");
    public string LanguageColumn => T("ভাষা", "Language");
    public string RoleHint => T("সিস্টেম প্রশাসক সব দপ্তরের সব কাজ করেন; অন্যরা নিজ দপ্তর ও তার অধীন দপ্তরে।", "A system administrator does everything everywhere; the other roles act on their office and the offices under it.");
    public string UserOfficeHint => T("সিস্টেম প্রশাসক ছাড়া সবার জন্য আবশ্যিক। পরিবর্তন ব্যবহারকারীর পরের অনুরোধ থেকেই কার্যকর।", "Required for every role but system administrator. A change applies from the user's next request.");
    public string UserIsActive => T("সক্রিয় (প্রবেশ করতে পারেন)", "Active (may sign in)");
    public string ActiveHint => T("নিষ্ক্রিয় ব্যবহারকারী প্রবেশ করতে পারেন না, এবং প্রবেশ করা থাকলে পরের অনুরোধেই বের হয়ে যান।", "A deactivated user cannot sign in, and one signed in is turned away on the next request.");
    public string NewUser => T("নতুন ব্যবহারকারী", "New user");
    public string CreateUser => T("তৈরি করুন", "Create");
    public string UserTitle => T("ব্যবহারকারী", "User");
    public string UsersFound(int count) => Bengali ? $"{Number(count)} জন ব্যবহারকারী।" : $"{count} user(s).";
    public string EveryOffice => T("সব দপ্তর", "Every office");
    public string ActiveUser => T("সক্রিয়", "Active");
    public string DeactivatedUser => T("নিষ্ক্রিয়", "Deactivated");
    public string ResetPassword => T("নতুন পাসওয়ার্ড দিন", "Set a new password");
    public string NewPassword => T("নতুন পাসওয়ার্ড", "New password");
    public string NewPasswordAgain => T("নতুন পাসওয়ার্ড আবার", "New password again");
    public string SetPassword => T("পাসওয়ার্ড বদলান", "Change the password");
    public string PasswordsDiffer => T("দুটি পাসওয়ার্ড মেলেনি।", "The two passwords differ.");

    public string RoleName(Role role) => role switch
    {
        Role.SystemAdmin => T("সিস্টেম প্রশাসক", "System administrator"),
        Role.MonitoringCommittee => T("পরিবীক্ষণ কমিটি", "Monitoring committee"),
        Role.FocalPoint => T("ফোকাল পয়েন্ট", "Focal point"),
        _ => T("দর্শক", "Viewer"),
    };

    // Action plans.
    public string PlansExplained => T("প্রতিটি অর্থবছরের কর্মপরিকল্পনা। বছর শুরু হলে দপ্তরগুলো সেটির ভিত্তিতে মূল্যায়িত হয়, তাই তখন আর বদলানো যায় না; পরের বছরের জন্য অনুলিপি করে সম্পাদনা করুন।",
        "Each fiscal year's plan. Once its year begins offices are scored against it and it no longer changes: clone it into the next year and edit that one.");
    public string YearEnded => T("বছর শেষ", "Year ended");
    public string YearRunning => T("চলমান", "Running");
    public string YearNotStarted => T("এখনও শুরু হয়নি", "Not started");
    public string ViewPlan => T("দেখুন", "View");
    public string EditPlan => T("সম্পাদনা", "Edit");
    public string AllPlans => T("সব কর্মপরিকল্পনা", "All action plans");
    public string ClonePlan => T("অনুলিপি করুন", "Clone a plan");
    public string CloneFrom => T("যে বছরের কর্মপরিকল্পনা", "The plan of");
    public string CloneInto => T("নতুন অর্থবছর", "Into fiscal year");
    public string CloneIntoHint => T("যেমন 2025-26; এই বছরের কোনো কর্মপরিকল্পনা থাকা চলবে না।", "For example 2025-26; that year must not have a plan yet.");
    public string FrameworkLabel => T("কাঠামো", "Framework");
    public string PlanTotal => T("মোট নম্বর", "Total");
    public string ScoringMethodLabel => T("নম্বর দেওয়ার পদ্ধতি", "Scoring method");
    public string ApaWeight => T("এপিএ-তে মান", "Weight in the APA");
    public string QuarterlyDueDays => T("ত্রৈমাসিক শেষের কত দিন পর শেষ তারিখ", "Quarterly items due, days after the quarter");
    public string AnnualDueDays => T("বছর শেষের কত দিন পর শেষ তারিখ", "Annual items due, days after the year");
    public string LockDays => T("শেষ তারিখের কত দিন পর লক", "Records locked, days after the due date");
    public string QuarterlyDueDaysHint => T("১৫ হলে: ১৫ অক্টোবর, ১৫ জানুয়ারি, ১৫ এপ্রিল, ১৫ জুলাই।", "15: due 15 October, 15 January, 15 April, 15 July.");
    public string AnnualDueDaysHint => T("১৫ হলে: বছর শেষের পরের ১৫ জুলাই।", "15: due 15 July after the year.");
    public string LockDaysHint => T("এরপর ঐ সময়ের তথ্য আর লেখা যায় না (উর্ধ্বতন দপ্তর ব্যতিক্রম দিতে পারে)।", "After that the period's records can no longer be written (the parent office may grant an exception).");
    public string ExportJson => T("JSON হিসেবে ডাউনলোড", "Download as JSON");
    public string WeightLabel => T("মান", "Weight");
    public string WeightOf(string weight) => Bengali ? $"মান {Digits(weight)}" : $"weight {weight}";
    public string UnitLabel => T("একক", "Unit");
    public string FrequencyLabel => T("পুনরাবৃত্তি", "Frequency");
    public string AggregationLabel => T("বছরের হিসাব", "Year's aggregation");
    public string AppliesTo => T("প্রযোজ্য", "Applies to");
    public string AlternativeOf => T("বিকল্প যার", "Alternative of");
    public string TargetAt(int percent) => Bengali ? $"লক্ষ্য {Number(percent)}%" : $"Target {percent}%";
    public string FedBy => T("যে তথ্য থেকে", "Fed by");
    public string DueDays => T("শেষ তারিখ (দিন)", "Due (days)");
    public string EvidenceRequired => T("প্রমাণক আবশ্যিক", "evidence required");
    public string IndicatorCode(string code) => Bengali ? $"[{Digits(code)}]" : code;
    public string DueDaysText(int days, IndicatorFrequency frequency, bool own) =>
        (Bengali
            ? $"{(frequency == IndicatorFrequency.Quarterly ? "ত্রৈমাসিক" : "বছর")} শেষের {Number(days)} দিন পর"
            : $"{days} days after the {(frequency == IndicatorFrequency.Quarterly ? "quarter" : "year")}")
        + (own ? T(" (নিজস্ব)", " (its own)") : "");
    public string DueDaysDefault(int days) => Bengali ? $"খালি: পরিকল্পনার নিয়ম ({Number(days)} দিন)" : $"Empty: the plan's rule ({days} days)";
    public string EditPlanTitle(string year) => Bengali ? $"কর্মপরিকল্পনা সম্পাদনা: {Digits(year)}" : $"Edit the action plan {year}";
    public string EditPlanExplained => T("পুরো কর্মপরিকল্পনা একসঙ্গে সংরক্ষিত হয় এবং নিয়মগুলো যাচাই হয়: প্রতিটি ক্ষেত্রে প্রযোজ্য সূচকের মানের যোগফল ক্ষেত্রের মানের সমান, ক্ষেত্রগুলোর যোগফল মোট নম্বরের সমান, লক্ষ্যমাত্রা ১০০% থেকে ৬০% পর্যন্ত ক্রমে কম।",
        "The whole plan is saved at once and its rules are checked: in each area the weights of the indicators that apply add up to the area's weight, the areas to the total, and targets get smaller from 100 % to 60 %.");
    public string PlanRules => T("সময়সীমা", "Deadlines");
    public string AreaWeight => T("ক্ষেত্রের মান", "Area weight");
    public string AreaWeightHint(string total) => Bengali ? $"সব ক্ষেত্রের মানের যোগফল মোট নম্বর {Digits(total)}-এর সমান হতে হবে।" : $"The areas' weights add up to the plan total, {total}.";
    public string PlanLocked(string year) => Bengali
        ? $"{Digits(year)} অর্থবছর শুরু হয়ে গেছে: দপ্তরগুলো এই কর্মপরিকল্পনার ভিত্তিতেই মূল্যায়িত হচ্ছে, তাই এটি আর বদলানো যায় না। পরিবর্তন পরের বছরের কর্মপরিকল্পনায় করুন (অনুলিপি করে)।"
        : $"Fiscal year {year} has begun: offices are being scored against this plan, so it can no longer be changed. Make the change in the next year's plan (clone it first).";

    public string MethodName(ScoringMethod method) => method == ScoringMethod.Proportional
        ? T("আনুপাতিক (অর্জন ÷ ১০০% লক্ষ্য; ৬০%-এর নিচে শূন্য)", "Proportional (actual ÷ 100 % target; 0 below 60 %)")
        : T("স্তরভিত্তিক (১০০/৯০/৮০/৭০/৬০% স্তরের মধ্যে)", "Levels (between the 100/90/80/70/60 % levels)");

    public string UnitName(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => T("সংখ্যা", "Count"),
        IndicatorUnit.Percent => T("শতাংশ", "Percent"),
        _ => T("তারিখ", "Date"),
    };

    public string FrequencyName(IndicatorFrequency frequency) => frequency == IndicatorFrequency.Quarterly ? T("ত্রৈমাসিক", "Quarterly") : T("বার্ষিক", "Annual");

    public string AggregationName(Aggregation aggregation) => aggregation switch
    {
        Aggregation.Sum => T("যোগফল", "Sum"),
        Aggregation.Average => T("গড়", "Average"),
        Aggregation.Date => T("সর্বশেষ তারিখ", "Latest date"),
        _ => T("৪র্থ ত্রৈমাসিকের ক্রমযোজিত", "Cumulative (Q4's total)"),
    };

    public string ApplicabilityName(Applicability applicability) => applicability switch
    {
        Applicability.WithSubordinates => T("আওতাধীন দপ্তর আছে এমন দপ্তর", "Offices with subordinates"),
        Applicability.WithoutSubordinates => T("আওতাধীন দপ্তর নেই এমন দপ্তর", "Offices without subordinates"),
        _ => T("সব দপ্তর", "All offices"),
    };

    public string FeedName(ActivityFeed feed) => feed switch
    {
        ActivityFeed.CharterUpdates => T("সেবা প্রদান প্রতিশ্রুতি হালনাগাদ", "Charter updates"),
        ActivityFeed.SubordinateCharterUpdates => T("আওতাধীন দপ্তরের হালনাগাদ", "Subordinates' charter updates"),
        ActivityFeed.StakeholderAwarenessMeetings => T("স্টেকহোল্ডার অবহিতকরণ সভা", "Stakeholder awareness meetings"),
        ActivityFeed.SubordinateCoordinationMeetings => T("আওতাধীন দপ্তরের সমন্বয় সভা", "Meetings with subordinate offices"),
        ActivityFeed.QuarterlyImplementationReports => T("ত্রৈমাসিক বাস্তবায়ন প্রতিবেদন", "Quarterly implementation reports"),
        ActivityFeed.Trainings => T("কর্মশালা/প্রশিক্ষণ/সেমিনার", "Workshops, trainings, seminars"),
        ActivityFeed.KaizenCases => T("বাস্তবায়িত কাইজেন", "Implemented Kaizen cases"),
        _ => T("বার্ষিক অগ্রগতি প্রতিবেদন", "Annual progress reports"),
    };

    // Jobs.
    public string Cron => T("ক্রন", "Cron");
    public string TimeZone => T("সময় অঞ্চল", "Time zone");
    public string NextRun => T("পরবর্তী চালু", "Next run");
    public string LastRun => T("সর্বশেষ চালু", "Last run");
    public string SchedulerOff => T("এই সার্ভারে সময়সূচি বন্ধ", "The scheduler is off on this server");
    public string RunNow => T("এখনই চালান", "Run now");
    public string RecentRuns => T("সাম্প্রতিক চালু", "Recent runs");
    public string RunLabel => T("চালু", "Run");
    public string JobColumn => T("কাজ", "Job");
    public string StartedAt => T("শুরু", "Started");
    public string FinishedAt => T("শেষ", "Finished");
    public string TriggeredAt => T("অনুরোধ", "Asked for");
    public string ProcessedLabel => T("প্রক্রিয়াকৃত", "Processed");
    public string ErrorColumn => T("ত্রুটি", "Error");
    public string AttemptLabel => T("চেষ্টা", "Attempt");
    public string AttemptNumber(int attempt) => Bengali ? $"{Number(attempt)}ম চেষ্টা" : $"attempt {attempt}";
    public string NodeLabel => T("সার্ভার", "Server");
    public string NeverRun => T("এখনও চালু হয়নি", "Never run");
    public string JobDashboard => T("কাজের ড্যাশবোর্ড (Hangfire)", "Job dashboard (Hangfire)");
    public string JobDashboardExplained => T("Hangfire-এর নিজস্ব ড্যাশবোর্ডে সারি, পুনরায় চেষ্টা, ব্যর্থ কাজ ও সার্ভার দেখা যায় (ইংরেজিতে: Hangfire-এর বাংলা অনুবাদ নেই)।",
        "Hangfire's own dashboard shows the queue, the retries, the failed runs and the servers.");
    public string InJobDashboard => T("কাজের ড্যাশবোর্ডে দেখুন", "See it in the job dashboard");
    public string RefreshStatus => T("অবস্থা আবার দেখুন", "Refresh the status");
    public string AllJobs => T("সব কাজ", "All jobs");
    public string JobRunTitle(string job, long runId) => Bengali ? $"{job}: চালু #{Digits(runId.ToString(CultureInfo.InvariantCulture))}" : $"{job}: run #{runId}";

    public string RunStatus(JobRunStatus status) => status switch
    {
        JobRunStatus.Queued => T("অপেক্ষমাণ", "Queued"),
        JobRunStatus.Running => T("চলছে", "Running"),
        JobRunStatus.Succeeded => T("সফল", "Succeeded"),
        _ => T("ব্যর্থ", "Failed"),
    };

    public string JobDescription(string name, string english) => !Bengali ? english : name switch
    {
        "flag-missed-deadlines" => "প্রতিদিন ০০:০৫: শেষ তারিখ পার হয়েছে অথচ কিছু লিপিবদ্ধ হয়নি এমন প্রতিটি কাজ চিহ্নিত করে; পরে লিপিবদ্ধ হলে চিহ্ন তুলে দেয় (বিলম্বে)।",
        "send-reminders" => "প্রতিদিন ০৯:০০: শেষ তারিখের আগে অনুস্মারক, সময় পার হওয়ার নোটিশ ও উর্ধ্বতনকে জানানো; প্রাপকপ্রতি একটি সারসংক্ষেপ।",
        "deliver-outbox" => "প্রতি ৫ মিনিটে: অপেক্ষমাণ ই-মেইল SMTP-তে পাঠায়, ব্যর্থ হলে বিরতি দিয়ে আবার; SMTP সার্ভার না থাকলে কিছু করে না।",
        _ => english,
    };

    /// <summary>An instant in the deployment's zone: the day as elsewhere, and the time of day.</summary>
    public string Moment(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return $"{Date(DateOnly.FromDateTime(local))} {Digits(local.ToString("HH:mm", CultureInfo.InvariantCulture))}";
    }
}
