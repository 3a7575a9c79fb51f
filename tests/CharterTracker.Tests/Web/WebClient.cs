using System.Net;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>A browser-like HttpClient: signs in on the form, carries the cookies, does not follow redirects.</summary>
public static class WebClient
{
    public static async Task<HttpClient> SignInOnFormAsync(this TestApp app, string username, string? password = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
        var login = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username, ["password"] = password ?? "Password-" + username, ["returnUrl"] = "/",
        }));
        Assert.That((login.StatusCode, login.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/")), $"form sign-in of {username}");
        return client;
    }

    public static async Task<string> PageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        return body;
    }
}
