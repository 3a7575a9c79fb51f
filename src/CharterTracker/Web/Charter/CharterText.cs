using CharterTracker.Charters;

namespace CharterTracker.Web;

/// <summary>The charter pages' words.</summary>
public sealed partial class WebText
{
    public string CharterNav => T("প্রতিশ্রুতি", "Charter");
    public string Charter => T("সেবা প্রদান প্রতিশ্রুতি", "Citizen charter");
    public string CharterOf(string office) => T($"সেবা প্রদান প্রতিশ্রুতি: {office}", $"Citizen charter: {office}");
    public string NoCharterYet => T("দপ্তরটি এখনো কোনো সেবা প্রদান প্রতিশ্রুতি প্রকাশ করেনি।", "The office has not published a charter yet.");
    public string VersionPublishedOn(int version, DateOnly on) => T($"সংস্করণ {Number(version)}, প্রকাশ {Date(on)}", $"Version {version}, published {Date(on)}");
    public string Vision => T("রূপকল্প", "Vision");
    public string Mission => T("অভিলক্ষ্য", "Mission");
    public string ServicesHeading => T("সেবাসমূহ", "Services");
    public string CategoryName(ServiceCategory category) => category switch
    {
        ServiceCategory.Citizen => T("নাগরিক সেবা", "Citizen services"),
        ServiceCategory.Institutional => T("প্রাতিষ্ঠানিক সেবা", "Institutional services"),
        ServiceCategory.Internal => T("অভ্যন্তরীণ সেবা", "Internal services"),
        _ => T("আওতাধীন দপ্তরের সেবা", "Services of subordinate offices"),
    };
    public string ServiceName => T("সেবার নাম", "Service");
    public string ServiceMethod => T("সেবা প্রদান পদ্ধতি", "How it is delivered");
    public string ServiceDocuments => T("প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান", "Documents and where to get them");
    public string ServiceFee => T("সেবার মূল্য ও পরিশোধ পদ্ধতি", "Fee and how to pay");
    public string ServiceTimeLimit => T("সেবা প্রদানের সময়সীমা", "Time limit");
    public string ResponsibleOfficer => T("দায়িত্বপ্রাপ্ত কর্মকর্তা", "Responsible officer");
    public string Grievance => T("অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)", "Grievance redress (GRS)");
    public string GrievanceHint => T("সেবা পেতে ব্যর্থ হলে প্রথমে দায়িত্বপ্রাপ্ত কর্মকর্তা, তারপর অভিযোগ নিষ্পত্তি কর্মকর্তা, তারপর আপিল কর্মকর্তা, শেষে মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল।",
        "If the service is not delivered: the officer in charge first, then the grievance officer, then the appeal officer, finally the Cabinet Division's GRS cell.");
    public string Level => T("স্তর", "Level");
    public string Days => T("নিষ্পত্তির সময় (দিন)", "Days to resolve");
    public string Expectations => T("আপনার কাছে আমাদের প্রত্যাশা", "What we expect from you");
    public string EditDraft => T("খসড়া সম্পাদনা", "Edit the draft");
    public string StartDraft => T("নতুন সংস্করণের খসড়া", "Draft a new version");
    public string Versions => T("সংস্করণসমূহ", "Versions");
    public string WhatChanged => T("কী পরিবর্তন হয়েছে", "What changed");
    public string ExportCsv => T("সেবাসমূহ CSV", "Services as CSV");
    public string Draft => T("খসড়া", "Draft");
    public string DraftOf(string office) => T($"খসড়া প্রতিশ্রুতি: {office}", $"Draft charter: {office}");
    public string DraftRevision(int revision, DateTime at) => T($"সংশোধনী {Number(revision)}", $"Revision {revision}");
    public string DraftStartsFromLatest => T("সর্বশেষ প্রকাশিত সংস্করণ থেকে শুরু; সংরক্ষণ করলে খসড়া তৈরি হবে।", "Starts from the latest published version; saving creates the draft.");
    public string DraftStartsBlank => T("প্রথম প্রতিশ্রুতি: সব ঘর পূরণ করে সংরক্ষণ করুন।", "The first charter: fill in every field and save.");
    public string InBengali => T("বাংলায়", "in Bengali");
    public string InEnglish => T("ইংরেজিতে (ঐচ্ছিক)", "in English (optional)");
    public string ServiceNumber(int n) => T($"সেবা {Number(n)}", $"Service {n}");
    public string AddService => T("আরও একটি সেবা", "Add a service");
    public string RemoveRow => T("এই সারি বাদ দিন", "Remove this row");
    public string AddLevel => T("আরও একটি স্তর", "Add a level");
    public string AddExpectation => T("আরও একটি প্রত্যাশা", "Add an expectation");
    public string LevelNumber(int n) => T($"স্তর {Number(n)}", $"Level {n}");
    public string ExpectationNumber(int n) => T($"প্রত্যাশা {Number(n)}", $"Expectation {n}");
    public string Category => T("সেবার ধরন", "Category");
    public string Phone => T("ফোন", "Phone");
    public string Email => T("ই-মেইল", "E-mail");
    public string SaveDraft => T("খসড়া সংরক্ষণ", "Save the draft");
    public string Publish => T("প্রকাশ করুন", "Publish");
    public string PublishedOnLabel => T("প্রকাশের তারিখ", "Publication date");
    public string PublishHint => T("প্রকাশিত সংস্করণ আর পরিবর্তন করা যায় না; এটি এই ত্রৈমাসিকের প্রতিশ্রুতি হালনাগাদ (সূচক ১.১.১) হিসেবে গণ্য হবে।",
        "A published version never changes; it counts as the quarter's charter update (indicator 1.1.1).");
    public string PublishSavedFirst => T("শেষ সংরক্ষিত খসড়াটি প্রকাশিত হবে: আগে পরিবর্তনগুলো সংরক্ষণ করুন।", "The draft as last saved is published: save your changes first.");
    public string ImportCsv => T("CSV থেকে সেবা আমদানি", "Import services from CSV");
    public string ImportCsvHint => T("প্রতি সারিতে একটি সেবা; কলামের শিরোনাম রপ্তানিকৃত ফাইলের মতো (যেমন nameBn, fee, timeLimit)। খসড়ার সেবাগুলো ফাইলের সেবা দিয়ে প্রতিস্থাপিত হবে।",
        "One service per row, headed like the exported file (nameBn, fee, timeLimit, …). The draft's services are replaced by the file's.");
    public string ImportButton => T("আমদানি করুন", "Import");
    public string LineErrors => T("ফাইলের যে লাইনে যা সংশোধন করতে হবে", "What to correct, line by line");
    public string Compare => T("তুলনা করুন", "Compare");
    public string FromVersion => T("যে সংস্করণ থেকে", "From version");
    public string ToVersion => T("যে সংস্করণ পর্যন্ত", "To version");
    public string ChangesBetween(int from, int to) => T($"সংস্করণ {Number(from)} থেকে {Number(to)}: কী পরিবর্তন হয়েছে", $"What changed from version {from} to {to}");
    public string ServicesAdded => T("নতুন সেবা", "Services added");
    public string ServicesRemoved => T("বাদ দেওয়া সেবা", "Services removed");
    public string ServicesChanged => T("পরিবর্তিত সেবা", "Services changed");
    public string OtherSections => T("রূপকল্প, অভিলক্ষ্য, অভিযোগ প্রতিকার ও প্রত্যাশা", "Vision, mission, grievance redress and expectations");
    public string Field => T("যে ঘর", "Field");
    public string Before => T("আগে", "Before");
    public string After => T("এখন", "Now");
    public string NoChanges => T("কোনো পরিবর্তন নেই।", "No changes.");
    public string Empty => T("(খালি)", "(empty)");
    public string ChangeField(string field)
    {
        var last = field.Contains(']') ? field[(field.LastIndexOf(']') + 2)..] : field;
        var prefix = field.StartsWith("grievance[", StringComparison.Ordinal) ? LevelNumber(int.Parse(field[10..field.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture)) + ": "
            : field.StartsWith("expectations[", StringComparison.Ordinal) ? ExpectationNumber(int.Parse(field[13..field.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture) + 1) + ": "
            : "";
        var english = last.EndsWith("En", StringComparison.Ordinal) && last != "En" ? " (English)" : "";
        var word = last.Replace("En", "", StringComparison.Ordinal).Replace("Bn", "", StringComparison.Ordinal) switch
        {
            "category" => Category,
            "name" => ServiceName,
            "method" => ServiceMethod,
            "documents" => ServiceDocuments,
            "fee" => ServiceFee,
            "timeLimit" => ServiceTimeLimit,
            "officer.name" => T("কর্মকর্তার নাম", "Officer's name"),
            "officer.designation" => T("কর্মকর্তার পদবি", "Officer's designation"),
            "officer.phone" => T("কর্মকর্তার ফোন", "Officer's phone"),
            "officer.email" => T("কর্মকর্তার ই-মেইল", "Officer's e-mail"),
            "days" => Days,
            "vision" => Vision,
            "mission" => Mission,
            "text" => Expectations,
            var other => other,
        };
        return prefix + word + english;
    }
    public string VersionStatus(string status) => status == "Draft" ? Draft : T("প্রকাশিত", "Published");
    public string PublishedBy => T("প্রকাশ করেছেন", "Published by");
    public string ServiceCount => T("সেবার সংখ্যা", "Services");
    public string View => T("দেখুন", "View");
    public string SubtreeCharterChanges => T("এই ত্রৈমাসিকে প্রতিশ্রুতির পরিবর্তন", "Charter changes this quarter");
    public string SubtreeCharterChangesHint => T("আওতাধীন যেসব দপ্তর এই ত্রৈমাসিকে নতুন সংস্করণ প্রকাশ করেছে, আগের সংস্করণের তুলনায় কী বদলেছে।",
        "The offices of the subtree that published a version this quarter, and what changed from the version before.");
    public string NoneThisQuarter => T("এই ত্রৈমাসিকে কোনো দপ্তর নতুন সংস্করণ প্রকাশ করেনি।", "No office published a new version this quarter.");
    public string Added => T("যুক্ত", "Added");
    public string Removed => T("বাদ", "Removed");
    public string Changed => T("পরিবর্তিত", "Changed");
    public string OtherChangesHeading => T("অন্যান্য অংশ", "Other sections");
    public string Version => T("সংস্করণ", "Version");
    public string Published => T("প্রকাশের তারিখ", "Published");
}
