using System.Net;

namespace CharterTracker.Tests.Support;

/// <summary>
/// The award records of the trust world: per office, a cycle it organises (nominations open until 31 August 2024,
/// judging until 30 September, so at the world's date nominations are taken and results are sealed) and a
/// nomination of the office itself in it. Nobody of the world judges, so scoring is refused to every role.
/// </summary>
public static class TrustAwards
{
    public static async Task<Dictionary<long, (long Cycle, long Nomination)>> BuildAsync(HttpClient admin, IEnumerable<long> offices)
    {
        var awards = new Dictionary<long, (long Cycle, long Nomination)>();
        foreach (var office in offices)
        {
            var cycle = (await admin.PostJsonAsync("/api/v1/award-cycles", CycleBody(office), HttpStatusCode.Created)).Id();
            var nomination = (await admin.PostJsonAsync($"/api/v1/award-cycles/{cycle}/nominations", NominationBody(office), HttpStatusCode.Created)).Id();
            awards[office] = (cycle, nomination);
        }
        return awards;
    }

    public static object CycleBody(long office) => new
    {
        name = "সেবার মান পুরস্কার", fiscalYear = TrustWorld.Year, officeId = office,
        categories = new[] { new { code = "PROCESS", nameBn = "প্রক্রিয়া", nameEn = "Per-process" } },
        criteria = new[] { new { code = "Q", nameBn = "মান", nameEn = "Quality", weight = 60m }, new { code = "S", nameBn = "সময়", nameEn = "Time", weight = 40m } },
        nominationsCloseOn = "2024-08-31", judgingClosesOn = "2024-09-30",
    };

    public static object NominationBody(long office) => new { officeId = office, categoryCode = "PROCESS", title = "সনদ এক দিনে", summary = "৫ ধাপ থেকে ৩ ধাপ", hasEvidence = true };
}
