using System.Globalization;

namespace CharterTracker.Tests.Support;

/// <summary>Charters published for tests of what reads them (the public page, the PDF, spot checks).</summary>
public static class PublishedCharters
{
    /// <summary>A body of <c>POST /api/v1/offices/{id}/charter/versions</c> with <paramref name="services"/> citizen services (API.md).</summary>
    public static Dictionary<string, object?> Body(int services, string publishedOn = "2024-08-10", string prefix = "সেবা")
    {
        return new Dictionary<string, object?>
        {
            ["visionBn"] = "দক্ষ ও জনবান্ধব প্রশাসন",
            ["visionEn"] = "An efficient, citizen-friendly administration",
            ["missionBn"] = "স্বচ্ছতা ও জবাবদিহির মাধ্যমে দ্রুত সেবা প্রদান",
            ["missionEn"] = "Quick services through transparency and accountability",
            ["publishedOn"] = publishedOn,
            ["services"] = Enumerable.Range(1, services).Select(i => (object)new Dictionary<string, object?>
            {
                ["category"] = i % 5 == 4 ? "Institutional" : "Citizen",
                ["nameBn"] = $"{prefix} {i.ToString(CultureInfo.InvariantCulture)}",
                ["nameEn"] = $"Service {i.ToString(CultureInfo.InvariantCulture)}",
                ["method"] = "অনলাইনে বা সরাসরি আবেদন; যাচাই শেষে ই-মেইলে জানানো হয়",
                ["documents"] = "নির্ধারিত ফরম, জাতীয় পরিচয়পত্রের কপি (প্রাপ্তিস্থান: শাখা কার্যালয়)",
                ["fee"] = "বিনামূল্যে",
                ["timeLimit"] = "৭ কার্যদিবস",
                ["officer"] = new Dictionary<string, object?> { ["name"] = "মোঃ রফিকুল ইসলাম", ["designation"] = "সহকারী সচিব", ["phone"] = "02-9540012", ["email"] = "cc@example.gov.bd" },
            }).ToList(),
            ["grievance"] = new[]
            {
                new Dictionary<string, object?> { ["level"] = 1, ["officer"] = new { name = "মোঃ রফিকুল ইসলাম", designation = "সহকারী সচিব" }, ["days"] = null },
                new Dictionary<string, object?> { ["level"] = 2, ["officer"] = new { name = "নাসরিন সুলতানা", designation = "উপসচিব", phone = "02-9540013" }, ["days"] = 30 },
                new Dictionary<string, object?> { ["level"] = 3, ["officer"] = new { name = "মোঃ কামরুল হাসান", designation = "যুগ্মসচিব" }, ["days"] = 20 },
            },
            ["expectations"] = new[] { "স্বয়ংসম্পূর্ণ আবেদন জমা দিন", "নির্ধারিত সময়ে উপস্থিত থাকুন" },
        };
    }

    /// <summary>Publishes a charter version for the office with <paramref name="services"/> services, through the API as the administrator; returns the version's id.</summary>
    public static async Task<long> PublishAsync(TestApp app, long officeId, int services, string publishedOn = "2024-08-10", string prefix = "সেবা")
    {
        var admin = await app.AsAdminAsync();
        return (await admin.PostJsonAsync($"/api/v1/offices/{officeId}/charter/versions", Body(services, publishedOn, prefix), System.Net.HttpStatusCode.Created)).Id();
    }
}
