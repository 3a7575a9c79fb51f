using System.Net;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>
/// Every kind of response carries the security headers; behind a TLS proxy (X-Forwarded-Proto from a trusted proxy)
/// cookies are Secure and HSTS is sent; the proxy headers of an untrusted address are ignored.
/// </summary>
public sealed class SecurityHeadersTests
{
    private TestApp _app = null!;
    private HttpClient _browser = null!;
    private HttpClient _token = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        _browser = await _app.SignInOnFormAsync("admin", TestApp.AdminPassword);
        _token = await _app.AsAdminAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";

    [Test]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        var office = await new Given(_app).OfficeAsync("HEADERS");
        using var anonymous = _app.Anonymous();
        var responses = new (string Kind, HttpResponseMessage Response)[]
        {
            ("page", await _browser.GetAsync("/dashboard?lang=en")),
            ("sign-in page", await anonymous.GetAsync("/login")),
            ("API JSON", await _token.GetAsync("/api/v1/auth/me")),
            ("problem", await _token.GetAsync("/api/v1/offices/999999")),
            ("401", await anonymous.GetAsync("/api/v1/auth/me")),
            ("CSS", await anonymous.GetAsync(CharterTracker.Web.WebAssets.StylesheetUrl)),
            ("script", await anonymous.GetAsync(CharterTracker.Web.WebAssets.Url("workspace-rows.js"))),
            ("PDF route", await _token.GetAsync($"/api/v1/offices/{office}/annual-report.pdf?fiscalYear=2024-25")),
            ("404", await _token.GetAsync("/no-such-page")),
            ("redirect to sign in", await anonymous.GetAsync("/dashboard")),
            ("health", await anonymous.GetAsync("/health/live")),
        };

        Assert.That(responses.Single(r => r.Kind == "404").Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.Multiple(() =>
        {
            foreach (var (kind, response) in responses)
            {
                var csp = Header(response, "Content-Security-Policy");
                Assert.That(csp, Does.Contain("default-src 'self'").And.Contain("script-src 'self';").And.Contain("frame-ancestors 'none'"), kind);
                Assert.That(csp, Does.Not.Contain("unsafe-inline"), $"{kind}: no inline script or style");
                Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"), kind);
                Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("same-origin"), kind);
                Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"), kind);
                Assert.That(Header(response, "Strict-Transport-Security"), Is.Empty, $"{kind}: no HSTS over plain HTTP");
            }
        });
    }

    [Test]
    public async Task The_document_preview_allows_inline_styles_but_no_script_and_swagger_has_its_own_policy()
    {
        var preview = await _token.GetAsync($"/api/v1/offices/{await new Given(_app).OfficeAsync("PREVIEW")}/annual-report.html?fiscalYear=2024-25");
        var swagger = await _browser.GetAsync("/swagger/index.html");

        Assert.Multiple(() =>
        {
            Assert.That(Header(preview, "Content-Security-Policy"), Does.Contain("style-src 'unsafe-inline'").And.Contain("default-src 'none'").And.Not.Contain("script-src"));
            Assert.That(swagger.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Header(swagger, "Content-Security-Policy"), Does.Contain("script-src 'self';").And.Contain("style-src 'self' 'unsafe-inline'"));
            Assert.That(Header(swagger, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
        });
    }

    [Test]
    public async Task Behind_a_tls_proxy_the_cookies_are_secure_http_only_and_same_site_and_hsts_is_sent()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _app.BaseAddress };
        HttpRequestMessage Proxied(HttpMethod method, string url)
        {
            var request = new HttpRequestMessage(method, url);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            request.Headers.Host = "charter.example.gov.bd";
            return request;
        }

        var form = await client.SendAsync(Proxied(HttpMethod.Get, "/login"));
        var html = await form.Content.ReadAsStringAsync();
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Single();
        var post = Proxied(HttpMethod.Post, "/login");
        post.Headers.Add("Cookie", antiforgeryCookie.Split(';')[0]);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "admin", ["password"] = TestApp.AdminPassword, ["returnUrl"] = "/", ["__RequestVerificationToken"] = WebClient.FormToken(html),
        });
        var signIn = await client.SendAsync(post);
        var authCookie = signIn.Headers.TryGetValues("Set-Cookie", out var set) ? set.Single(c => c.StartsWith("CharterTracker=", StringComparison.Ordinal)) : "";

        Assert.Multiple(() =>
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(authCookie.ToLowerInvariant(), Does.Contain("; secure").And.Contain("; httponly").And.Contain("; samesite=lax"));
            Assert.That(antiforgeryCookie.ToLowerInvariant(), Does.Contain("; secure").And.Contain("; httponly").And.Contain("; samesite=strict"));
            Assert.That(Header(form, "Strict-Transport-Security"), Does.StartWith("max-age=31536000"));
        });
    }

    [Test]
    public async Task Over_plain_http_the_sign_in_cookie_is_not_marked_secure()
    {
        using var client = _app.NewBrowser();

        var signIn = await client.PostLoginAsync("admin", TestApp.AdminPassword);

        var authCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CharterTracker=", StringComparison.Ordinal));
        Assert.That(authCookie.ToLowerInvariant(), Does.Not.Contain("; secure").And.Contain("; httponly"));
    }

    [Test]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_configured_proxy_are_ignored()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Charter:ForwardedHeaders:KnownProxies:0"] = "10.20.30.40" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Host = "charter.example.gov.bd";

        var form = await client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(form.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant(), Does.Not.Contain("; secure"), "127.0.0.1 is not the configured proxy");
            Assert.That(Header(form, "Strict-Transport-Security"), Is.Empty);
        });
    }
}
