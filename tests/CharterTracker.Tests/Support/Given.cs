using System.Net;
using CharterTracker.Offices;

namespace CharterTracker.Tests.Support;

/// <summary>Recurring worlds, built through the API as an administrator.</summary>
public sealed class Given(TestApp app)
{
    private int _serial;

    public async Task<long> OfficeAsync(string? code = null, long? parentId = null, OfficeKind kind = OfficeKind.Agency, string activeFrom = "2020-07-01")
    {
        code ??= $"OFF-{++_serial}";
        var admin = await app.AsAdminAsync();
        var office = await admin.PostJsonAsync("/api/v1/offices",
            new { code, nameBn = $"দপ্তর {code}", nameEn = $"Office {code}", kind = kind.ToString(), parentId, activeFrom }, HttpStatusCode.Created);
        return office.Id();
    }

    /// <summary>A ministry with <paramref name="agencies"/> agencies under it.</summary>
    public async Task<(long Ministry, long[] Agencies)> MinistryWithAsync(int agencies, string code = "MIN")
    {
        var ministry = await OfficeAsync(code, kind: OfficeKind.Ministry);
        var children = new long[agencies];
        for (var i = 0; i < agencies; i++) children[i] = await OfficeAsync($"{code}-A{i + 1}", ministry);
        return (ministry, children);
    }

    /// <summary>
    /// The quarter the monitoring tests read, as of 5 January 2025 (ten days before Q2's due date): a ministry with
    /// agencies A1–A3 and another ministry with one agency. In Q1 A1 recorded everything on time, A2 nothing, A3
    /// everything but its charter update recorded late (20 October); the ministry nothing. In Q2 only A3 has recorded,
    /// its charter update. Back-filled by the administrator with the day each was recorded.
    /// </summary>
    public async Task<(long Ministry, long[] Agencies, long OtherAgency)> MonitoredQuarterAsync()
    {
        var (ministry, agencies) = await MinistryWithAsync(3);
        var (_, others) = await MinistryWithAsync(1, "OTH");
        var admin = await app.AsAdminAsync();
        async Task BackFill(long office, string what, Dictionary<string, object?> body, string recordedOn) =>
            await admin.PostJsonAsync($"/api/v1/offices/{office}/{what}", body.With("recordedOn", recordedOn), HttpStatusCode.Created);
        await BackFill(agencies[0], "charter-updates", Samples.CharterUpdate(), "2024-08-11");
        await BackFill(agencies[0], "meetings", Samples.Meeting().With("kind", "StakeholderAwareness"), "2024-08-13");
        await BackFill(agencies[0], "reports", Samples.Report(), "2024-08-15");
        await BackFill(agencies[2], "charter-updates", Samples.CharterUpdate(), "2024-10-20");
        await BackFill(agencies[2], "meetings", Samples.Meeting().With("kind", "StakeholderAwareness"), "2024-08-13");
        await BackFill(agencies[2], "reports", Samples.Report(), "2024-08-15");
        await BackFill(agencies[2], "charter-updates", Samples.CharterUpdate(quarter: 2, updatedOn: "2024-12-15"), "2024-12-20");
        return (ministry, agencies, others[0]);
    }

    /// <summary>
    /// Two ministries, by code: M1 ─ A1 ─ D1 (a district office) and M1 ─ A2; M2 ─ B1. For tests about what lies inside
    /// an office's world (its subtree and its parents) and what lies in another ministry's.
    /// </summary>
    public async Task<Dictionary<string, long>> TwoMinistriesAsync()
    {
        var office = new Dictionary<string, long> { ["M1"] = await OfficeAsync("M1", kind: OfficeKind.Ministry) };
        office["A1"] = await OfficeAsync("A1", office["M1"]);
        office["D1"] = await OfficeAsync("D1", office["A1"], OfficeKind.DistrictOffice);
        office["A2"] = await OfficeAsync("A2", office["M1"]);
        office["M2"] = await OfficeAsync("M2", kind: OfficeKind.Ministry);
        office["B1"] = await OfficeAsync("B1", office["M2"]);
        return office;
    }
}
