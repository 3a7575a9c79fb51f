using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using CharterTracker.Tests.Web;

namespace CharterTracker.Tests.Access;

/// <summary>
/// A password reset, a change of role, office or active flag ends every token and cookie the user holds at once (the
/// security stamp); signing out ends that cookie on the server, so a copy of it no longer opens anything.
/// </summary>
public sealed class SessionEndTests
{
    private TestApp _app = null!;
    private long _office;
    private long _otherOffice;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        _office = await new Given(_app).OfficeAsync("SESSION-A");
        _otherOffice = await new Given(_app).OfficeAsync("SESSION-B");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    /// <summary>A second administrator, so that a write (registering an office) shows what the old token may still do.</summary>
    private async Task<(long Id, HttpClient Token, HttpClient Cookie)> SignedInAdminAsync(string username)
    {
        var id = await _app.UserAsync(username, Role.SystemAdmin, null);
        return (id, await FreshTokenAsync(username, "Password-" + username), await _app.SignInOnFormAsync(username));
    }

    /// <summary>A client with a token of its own (TestApp caches one client per user; these tests need the old one).</summary>
    private async Task<HttpClient> FreshTokenAsync(string username, string password)
    {
        using var anonymous = _app.Anonymous();
        var token = await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password })).JsonAsync(HttpStatusCode.OK);
        var client = _app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        return client;
    }

    private static Task<HttpResponseMessage> RegisterOfficeAsync(HttpClient client, string code) =>
        client.PostAsJsonAsync("/api/v1/offices", new { code, nameBn = "দপ্তর " + code, nameEn = "Office " + code, kind = "Ministry" });

    private async Task AssertEndedAsync(HttpClient token, HttpClient cookie, string what)
    {
        var offices = Sql.Count(_app, "Offices");
        var me = await token.GetAsync("/api/v1/auth/me");
        var write = await RegisterOfficeAsync(token, "AFTER-" + Guid.NewGuid().ToString("N")[..8]);
        var page = await cookie.GetAsync("/dashboard");
        var cookieMe = await cookie.GetAsync("/api/v1/auth/me");
        Assert.Multiple(() =>
        {
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{what}: the old token reads nothing");
            Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{what}: the old token writes nothing");
            Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(offices), $"{what}: nothing was written");
            Assert.That((page.StatusCode, page.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/login")), $"{what}: the old cookie is sent to sign in");
            Assert.That(cookieMe.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{what}: the old cookie opens no API");
        });
    }

    [Test]
    public async Task A_password_reset_ends_the_old_token_and_cookie_at_once_writes_included()
    {
        var (id, token, cookie) = await SignedInAdminAsync("reset.admin");
        var before = await RegisterOfficeAsync(token, "BEFORE-RESET");
        var admin = await _app.AsAdminAsync();

        var reset = await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "A-brand-new-password-1" });

        Assert.That((before.StatusCode, reset.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.NoContent)));
        await AssertEndedAsync(token, cookie, "after a password reset");
        var again = await FreshTokenAsync("reset.admin", "A-brand-new-password-1");
        Assert.That((await again.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the new password signs in afresh");
    }

    [TestCase("role")]
    [TestCase("office")]
    [TestCase("deactivation")]
    public async Task A_change_of_role_or_office_or_a_deactivation_ends_the_old_token_and_cookie(string change)
    {
        var username = "changed." + change;
        var id = await _app.UserAsync(username, Role.MonitoringCommittee, _office);
        var token = await FreshTokenAsync(username, "Password-" + username);
        var cookie = await _app.SignInOnFormAsync(username);
        var admin = await _app.AsAdminAsync();

        var changed = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new
        {
            displayName = username, email = (string?)null, language = "en",
            role = change == "role" ? "Viewer" : "MonitoringCommittee",
            officeId = change == "office" ? _otherOffice : _office,
            active = change != "deactivation",
        });

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await changed.Content.ReadAsStringAsync());
        await AssertEndedAsync(token, cookie, "after the " + change);
    }

    [Test]
    public async Task A_change_of_display_name_keeps_the_user_signed_in()
    {
        var id = await _app.UserAsync("renamed.viewer", Role.Viewer, _office);
        var token = await FreshTokenAsync("renamed.viewer", "Password-renamed.viewer");
        var admin = await _app.AsAdminAsync();

        await admin.PutJsonAsync($"/api/v1/users/{id}",
            new { displayName = "Renamed Viewer", email = (string?)null, language = "en", role = "Viewer", officeId = _office, active = true }, HttpStatusCode.OK);

        var me = await token.GetJsonAsync("/api/v1/auth/me");
        Assert.That(me.Str("displayName"), Is.EqualTo("Renamed Viewer"));
    }

    [Test]
    public async Task Signing_out_ends_the_cookie_on_the_server_so_a_copy_of_it_opens_nothing()
    {
        await _app.UserAsync("copied.viewer", Role.Viewer, _office);
        var cookies = new CookieContainer();
        var browser = _app.NewBrowser(cookies);
        await browser.PostLoginAsync("copied.viewer", "Password-copied.viewer");
        var page = await browser.PageAsync("/dashboard?lang=en");
        // What a stolen or second copy of the cookie looks like: the same header, sent by another client.
        using var copy = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };
        copy.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(_app.BaseAddress));
        var copyBefore = await copy.GetAsync("/api/v1/auth/me");

        var logout = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Web.WebClient.FormToken(page) }));
        var copyAfter = await copy.GetAsync("/api/v1/auth/me");

        Assert.Multiple(() =>
        {
            Assert.That(copyBefore.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the copy worked while signed in");
            Assert.That((logout.StatusCode, logout.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/login")));
            Assert.That(copyAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the copy stopped working with the sign-out");
        });
    }

    [Test]
    public async Task Signing_out_of_the_web_ends_only_that_cookie_not_the_users_api_token()
    {
        await _app.UserAsync("two.devices", Role.Viewer, _office);
        var token = await FreshTokenAsync("two.devices", "Password-two.devices");
        var browser = await _app.SignInOnFormAsync("two.devices");
        var page = await browser.PageAsync("/dashboard?lang=en");

        await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Web.WebClient.FormToken(page) }));

        Assert.That((await token.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
