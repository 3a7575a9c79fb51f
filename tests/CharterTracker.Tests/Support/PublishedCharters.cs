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

    /// <summary>
    /// Publishes a charter version for the office with <paramref name="services"/> services; returns the version's id.
    /// Written straight into db 0011's tables until the charter's publish API is merged.
    /// </summary>
    public static long Publish(TestApp app, long officeId, int services, string publishedOn = "2024-08-10", string prefix = "সেবা")
    {
        var body = Body(services, publishedOn, prefix);
        var on = DateOnly.ParseExact(publishedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var version = Sql.Query<long>(app, "SELECT COALESCE(MAX(Version), 0) + 1 FROM CharterVersions WHERE OfficeId = @officeId", new { officeId }).Single();
        var quarter = (on.Month - 7 + 12) % 12 / 3 + 1;
        var year = on.Month >= 7 ? on.Year : on.Year - 1;
        Sql.Execute(app, """
            INSERT INTO CharterVersions (OfficeId, Version, Status, VisionBn, VisionEn, MissionBn, MissionEn, PublishedOn, FiscalYear, Quarter, CreatedBy, CreatedAtUtc, UpdatedAtUtc, PublishedBy, PublishedAtUtc)
            VALUES (@officeId, @version, 'Published', @vision, @visionEn, @mission, @missionEn, @publishedOn, @fy, @quarter, 'test', @now, @now, 'test', @now)
            """, new { officeId, version, vision = body["visionBn"], visionEn = body["visionEn"], mission = body["missionBn"], missionEn = body["missionEn"], publishedOn, fy = $"{year}-{(year + 1) % 100:00}", quarter, now });
        var id = Sql.Query<long>(app, "SELECT Id FROM CharterVersions WHERE OfficeId = @officeId AND Version = @version", new { officeId, version }).Single();
        var previous = Sql.Query<long>(app, "SELECT s.ServiceId FROM CharterServices s JOIN CharterVersions v ON v.Id = s.CharterVersionId WHERE v.OfficeId = @officeId AND v.Version = @prior ORDER BY s.Position",
            new { officeId, prior = version - 1 }).ToList();
        var position = 0;
        foreach (Dictionary<string, object?> service in (List<object>)body["services"]!)
        {
            long serviceId;
            if (position < previous.Count) serviceId = previous[position];
            else
            {
                Sql.Execute(app, "INSERT INTO CharterServiceIds (OfficeId, CreatedAtUtc) VALUES (@officeId, @now)", new { officeId, now });
                serviceId = Sql.Query<long>(app, "SELECT MAX(Id) FROM CharterServiceIds").Single();
            }
            position++;
            var officer = (Dictionary<string, object?>)service["officer"]!;
            Sql.Execute(app, """
                INSERT INTO CharterServices (CharterVersionId, ServiceId, Category, Position, NameBn, NameEn, MethodBn, DocumentsBn, FeeBn, TimeLimitBn, TimeLimitDays, OfficerName, OfficerDesignation, OfficerPhone, OfficerEmail)
                VALUES (@id, @serviceId, @category, @position, @name, @nameEn, @method, @documents, @fee, @timeLimit, 7, @officer, @designation, @phone, @email)
                """, new
            {
                id, serviceId, category = service["category"], position, name = service["nameBn"], nameEn = service["nameEn"], method = service["method"], documents = service["documents"],
                fee = service["fee"], timeLimit = service["timeLimit"], officer = officer["name"], designation = officer["designation"], phone = officer["phone"], email = officer["email"],
            });
        }
        Sql.Execute(app, "INSERT INTO CharterGrievanceLevels (CharterVersionId, Level, OfficerName, OfficerDesignation, Days) VALUES (@id, 1, 'মোঃ রফিকুল ইসলাম', 'সহকারী সচিব', NULL), (@id, 2, 'নাসরিন সুলতানা', 'উপসচিব', 30), (@id, 3, 'মোঃ কামরুল হাসান', 'যুগ্মসচিব', 20)", new { id });
        Sql.Execute(app, "INSERT INTO CharterExpectations (CharterVersionId, Position, TextBn) VALUES (@id, 1, 'স্বয়ংসম্পূর্ণ আবেদন জমা দিন'), (@id, 2, 'নির্ধারিত সময়ে উপস্থিত থাকুন')", new { id });
        return id;
    }
}
