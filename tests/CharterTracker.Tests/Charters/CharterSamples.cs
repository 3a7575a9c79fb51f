namespace CharterTracker.Tests.Charters;

/// <summary>An upazila land office's charter (trimmed), as a body for POST …/charter/versions, varied per test.</summary>
public static class CharterSamples
{
    public static object Officer(string name = "মোঃ আব্দুল করিম", string designation = "সহকারী কমিশনার (ভূমি)") =>
        new { name, designation, phone = "০১৭১১-০০০০০০", email = "acland@example.gov.bd" };

    public static Dictionary<string, object?> Mutation(string fee = "১,১৫০ টাকা (ই-পেমেন্ট)", string timeLimit = "১৫ কার্যদিবস", object? officer = null, long? serviceId = null) => new()
    {
        ["serviceId"] = serviceId,
        ["category"] = "Citizen",
        ["nameBn"] = "নামজারি ও জমাভাগ",
        ["nameEn"] = "Mutation of land records",
        ["method"] = "অনলাইনে আবেদন (mutation.land.gov.bd)",
        ["documents"] = "দলিলের কপি, খতিয়ান, জাতীয় পরিচয়পত্র",
        ["fee"] = fee,
        ["feeEn"] = "Tk 1,150 (e-payment)",
        ["timeLimit"] = timeLimit,
        ["officer"] = officer ?? Officer(),
    };

    public static Dictionary<string, object?> Certificate() => new()
    {
        ["category"] = "Citizen",
        ["nameBn"] = "খতিয়ানের সার্টিফাইড কপি",
        ["method"] = "ইউনিয়ন ভূমি অফিস বা অনলাইনে আবেদন",
        ["documents"] = "আবেদনপত্র",
        ["fee"] = "১০০ টাকা",
        ["timeLimit"] = "৭ দিন",
        ["officer"] = Officer("মোসাঃ সালমা খাতুন", "কানুনগো"),
    };

    /// <summary>Two services as an office's own sheet might hold them: bare column names, a Bengali category word.</summary>
    public const string ServicesCsv =
        "category,nameBn,method,documents,fee,timeLimit,officerName,officerDesignation\n"
        + "নাগরিক সেবা,নামজারি ও জমাভাগ,অনলাইনে আবেদন,\"দলিল, খতিয়ান\",১১৫০ টাকা,৭ কার্যদিবস,মোঃ আব্দুল করিম,সহকারী কমিশনার (ভূমি)\n"
        + "Citizen,ভূমি উন্নয়ন কর আদায়,অনলাইনে (ldtax.gov.bd),খতিয়ান,হার অনুযায়ী,তাৎক্ষণিক,মোঃ আব্দুল করিম,সহকারী কমিশনার (ভূমি)\n";

    public static Dictionary<string, object?> Version(string publishedOn = "2024-08-10", params Dictionary<string, object?>[] services) => new()
    {
        ["visionBn"] = "দক্ষ ও স্বচ্ছ ভূমি সেবা",
        ["visionEn"] = "Efficient and transparent land services",
        ["missionBn"] = "ডিজিটাল পদ্ধতিতে দ্রুত ভূমি সেবা প্রদান",
        ["publishedOn"] = publishedOn,
        ["services"] = services.Length > 0 ? services : new object[] { Mutation(), Certificate() },
        ["grievance"] = new object[]
        {
            new { level = 1, officer = Officer(), days = 30 },
            new { level = 2, officer = Officer("মোঃ রফিকুল ইসলাম", "উপজেলা নির্বাহী অফিসার"), days = 30 },
        },
        ["expectations"] = new object[] { "নির্ধারিত ফরমে সম্পূর্ণ আবেদন জমা দিন", new { textBn = "সেবা গ্রহণের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকুন", textEn = "Be on time" } },
    };
}
