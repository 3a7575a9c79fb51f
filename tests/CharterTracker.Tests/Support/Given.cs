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
}
