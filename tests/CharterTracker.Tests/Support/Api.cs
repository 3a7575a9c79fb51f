using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharterTracker.Tests.Support;

/// <summary>Small HTTP helpers so that tests read as requests and answers.</summary>
public static class Api
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected) =>
        await (await client.PostAsJsonAsync(url, body)).JsonAsync(expected);

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected) =>
        await (await client.PutAsJsonAsync(url, body)).JsonAsync(expected);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(url)).JsonAsync(expected);

    /// <summary>The field names of a 400 problem's <c>errors</c>.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];

    public static long Id(this JsonElement element) => element.GetProperty("id").GetInt64();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
