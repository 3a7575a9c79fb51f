using System.Net;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.QualitySystems;

/// <summary>An office's quality records for the trust suites: ISO 9001 adopted, an indicator, its Q1 2024-25 value.</summary>
public sealed record QualityRecords(long System, long Indicator, long Value)
{
    public static async Task<QualityRecords> OfAsync(HttpClient admin, long office)
    {
        var system = (await admin.PostJsonAsync($"/api/v1/offices/{office}/quality-systems", QualitySamples.Adoption(), HttpStatusCode.Created)).Id();
        var indicator = (await admin.PostJsonAsync($"/api/v1/offices/{office}/quality-indicators", QualitySamples.Indicator(system), HttpStatusCode.Created)).Id();
        var value = (await admin.PutJsonAsync($"/api/v1/quality-indicators/{indicator}/values/{TrustWorld.Year}/1", QualitySamples.Value(85), HttpStatusCode.Created)).Id();
        return new QualityRecords(system, indicator, value);
    }
}
