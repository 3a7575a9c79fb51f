using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>A browser-like HttpClient: signs in on the form, carries the cookies, does not follow redirects.</summary>
public static class WebClient
{
    public static async Task<HttpClient> SignInOnFormAsync(this TestApp app, string username, string? password = null)
    {
        var client = app.NewBrowser();
        var login = await client.PostLoginAsync(username, password ?? "Password-" + username);
        Assert.That((login.StatusCode, login.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/")), $"form sign-in of {username}");
        return client;
    }

    /// <summary>A browser-like client not signed in yet: keeps its cookies (in <paramref name="cookies"/> if given), does not follow redirects.</summary>
    public static HttpClient NewBrowser(this TestApp app, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = app.BaseAddress };

    /// <summary>Opens the sign-in form and posts it as a browser does, with the form's antiforgery token (its cookie is in the client's jar).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string username, string password, string returnUrl = "/")
    {
        var form = await client.GetStringAsync("/login");
        var fields = new Dictionary<string, string> { ["username"] = username, ["password"] = password, ["returnUrl"] = returnUrl };
        if (TokenOf(form) is { } token) fields["__RequestVerificationToken"] = token;
        return await client.PostAsync("/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the first form on a page, if it has one.</summary>
    public static string? TokenOf(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value : null;

    public static async Task<string> PageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        return body;
    }

    /// <summary>The antiforgery token of the first form on a page (the cookie half is in the client's cookie jar).</summary>
    public static string FormToken(string html) => TokenOf(html) ?? throw new AssertionException("The page has no form token.");

    /// <summary>Posts a form as a browser does: multipart (with an optional file), the page's token included unless told otherwise.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string? token, IReadOnlyDictionary<string, string> fields,
        (string Field, string FileName, string ContentType, byte[] Bytes)? file = null)
    {
        var content = new MultipartFormDataContent();
        if (token is not null) content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue(f.ContentType);
            content.Add(bytes, f.Field, f.FileName);
        }
        return await client.PostAsync(url, content);
    }

    /// <summary>The errors shown beside a field of a re-displayed form.</summary>
    public static string FieldError(string html, string field) =>
        Regex.Match(html, $"<div class=\"field field-invalid\" data-field=\"{Regex.Escape(field)}\">.*?<p class=\"field-error\"[^>]*>(.*?)</p>", RegexOptions.Singleline) is { Success: true } m
            ? WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ")).Trim()
            : "";

    /// <summary>The value an input of the page holds.</summary>
    public static string InputValue(string html, string name) =>
        Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";
}
