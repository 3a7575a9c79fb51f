namespace CharterTracker.Documents;

/// <summary>The charter's own words in the government layout (সেবা প্রদান প্রতিশ্রুতি), Bengali or English.</summary>
public sealed record CharterWords(bool Bengali)
{
    private string T(string bn, string en) => Bengali ? bn : en;

    public string Title => T("সেবা প্রদান প্রতিশ্রুতি (সিটিজেন্‌স চার্টার)", "Citizen's Charter (Service Delivery Commitment)");
    public string VisionAndMission => T("১. ভিশন ও মিশন", "1. Vision and mission");
    public string Vision => T("ভিশন", "Vision");
    public string Mission => T("মিশন", "Mission");
    public string Services => T("২. প্রতিশ্রুত সেবাসমূহ", "2. Services we commit to");
    public string Grievance => T("৩. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)", "3. Grievance redress system (GRS)");
    public string GrievanceIntro => T("সেবা প্রাপ্তিতে অসন্তুষ্ট হলে দায়িত্বপ্রাপ্ত কর্মকর্তার সঙ্গে যোগাযোগ করুন। তাঁর কাছ থেকে সমাধান পাওয়া না গেলে নিম্নোক্ত পদ্ধতিতে যোগাযোগ করে আপনার সমস্যা অবহিত করুন।",
        "If you are not satisfied with a service, contact the officer in charge. If that does not resolve it, raise your complaint as follows.");
    public string Expectations => T("৪. আপনার কাছে আমাদের প্রত্যাশা", "4. What we expect from you");
    public string Expectation => T("প্রত্যাশা", "Expectation");
    public string PublishedOn => T("সিটিজেন চার্টার প্রকাশের তারিখ", "Charter published on");
    public string Version => T("সংস্করণ", "Version");

    public string Section(string category) => category switch
    {
        "Citizen" => T("২.১ নাগরিক সেবা", "2.1 Services to citizens"),
        "Institutional" => T("২.২ প্রাতিষ্ঠানিক সেবা", "2.2 Institutional services"),
        "Internal" => T("২.৩ অভ্যন্তরীণ সেবা", "2.3 Internal services"),
        _ => T("২.৪ আওতাধীন দপ্তর/সংস্থার সেবা", "2.4 Services of subordinate offices"),
    };

    public string Serial => T("ক্রমিক", "No.");
    public string ServiceName => T("সেবার নাম", "Service");
    public string Method => T("সেবা প্রদান পদ্ধতি", "How it is delivered");
    public string Documents => T("প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান", "Documents needed and where to get them");
    public string Fee => T("সেবামূল্য ও পরিশোধ পদ্ধতি", "Fee and how to pay");
    public string TimeLimit => T("সেবা প্রদানের সময়সীমা", "Time limit");
    public string Officer => T("দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন ও ই-মেইল)", "Officer in charge (name, designation, phone, e-mail)");
    public string When => T("কখন যোগাযোগ করবেন", "When to contact");
    public string Whom => T("কার সঙ্গে যোগাযোগ করবেন", "Whom to contact");
    public string ContactAddress => T("যোগাযোগের ঠিকানা", "Contact");
    public string ResolutionTime => T("নিষ্পত্তির সময়সীমা", "Time to resolve");

    /// <summary>When a citizen turns to a level (db 0011: 1 the officer in charge, 2 the grievance officer, 3 the appeal officer, 4 the GRS cell).</summary>
    public string GrievanceWhen(int level) => level switch
    {
        1 => T("সেবা প্রাপ্তিতে অসন্তুষ্ট হলে", "If you are not satisfied with a service"),
        2 => T("দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে না পারলে", "If the officer in charge cannot resolve it"),
        3 => T("অভিযোগ নিষ্পত্তি কর্মকর্তা নির্দিষ্ট সময়ে সমাধান দিতে না পারলে", "If the grievance officer does not resolve it in time"),
        _ => T("আপিল কর্মকর্তা নির্দিষ্ট সময়ে সমাধান দিতে না পারলে", "If the appeal officer does not resolve it in time"),
    };

    public string GrievanceRole(int level) => level switch
    {
        1 => T("দায়িত্বপ্রাপ্ত কর্মকর্তা", "Officer in charge"),
        2 => T("অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)", "Grievance redress officer"),
        3 => T("আপিল কর্মকর্তা", "Appeal officer"),
        _ => T("মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল", "Cabinet Division's grievance management cell"),
    };

    public string Days(string digits) => T($"{digits} কার্যদিবস", $"{digits} working days");
    public string Phone => T("ফোন", "Phone");
    public string Email => T("ই-মেইল", "E-mail");
}
