using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using CharterTracker.Tests.Web;

namespace CharterTracker.Tests.Access;

/// <summary>
/// One app for the fixture (each test's users and offices have their own names, the clock is set back before each test);
/// a test about a fresh database or a restart starts its own (<see cref="UseOwnAppAsync"/>).
/// </summary>
public sealed class AuthenticationTests
{
    private static readonly DateTimeOffset Today = TestClock.At(2024, 8, 15).GetUtcNow();

    private TestApp _shared = null!;
    private TestApp _app = null!;
    private readonly List<IDisposable> _disposables = [];

    [OneTimeSetUp]
    public async Task StartShared() => _shared = await TestApp.StartAsync(TestClock.At(2024, 8, 15));

    [OneTimeTearDown]
    public async Task StopShared() => await _shared.DisposeAsync();

    [SetUp]
    public void Start()
    {
        _app = _shared;
        _shared.Clock.Set(Today);
    }

    [TearDown]
    public async Task Stop()
    {
        foreach (var disposable in _disposables) disposable.Dispose();
        _disposables.Clear();
        if (!ReferenceEquals(_app, _shared)) await _app.DisposeAsync();
    }

    /// <summary>This test's own app, on a fresh database (disposed after the test).</summary>
    private async Task UseOwnAppAsync() => _app = await TestApp.StartAsync();

    private HttpClient Anonymous()
    {
        var client = _app.Anonymous();
        _disposables.Add(client);
        return client;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser's first hop looks.</summary>
    private (HttpClient Client, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        var client = _app.NewBrowser(cookies);
        _disposables.Add(client);
        return (client, cookies);
    }

    private async Task<long> CreateUserAsync(string username, string password, string displayName, Role role = Role.Viewer)
    {
        var admin = await _app.AsAdminAsync();
        var office = await new Given(_app).OfficeAsync("HQ-" + username);
        var user = await admin.PostJsonAsync("/api/v1/users",
            new { username, password, displayName, role = role.ToString(), officeId = office }, HttpStatusCode.Created);
        return user.Id();
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(string username, string password) =>
        await Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password });

    private static async Task AssertUnauthorizedProblemAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{what}: {body}");
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location, Is.Null, $"{what}: an API answers 401, it does not redirect");
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), what);
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32(), Is.EqualTo(401), what);
        });
    }

    [Test]
    public async Task A_token_is_issued_for_the_right_password_and_expires_eight_hours_later()
    {
        var response = await RequestTokenAsync("admin", TestApp.AdminPassword);
        var token = await response.JsonAsync(HttpStatusCode.OK);

        var expiresAt = DateTimeOffset.Parse(token.Str("expiresAt"), CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(token.Str("accessToken"), Has.Length.GreaterThan(20));
            Assert.That(expiresAt, Is.EqualTo(_app.Clock.GetUtcNow().AddHours(8)));
        });
    }

    [Test]
    public async Task The_issued_token_opens_the_api()
    {
        var token = await (await RequestTokenAsync("admin", TestApp.AdminPassword)).JsonAsync(HttpStatusCode.OK);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));

        var me = await client.GetJsonAsync("/api/v1/auth/me");

        Assert.That(me.Str("username"), Is.EqualTo("admin"));
    }

    [Test]
    public async Task A_token_stops_working_after_eight_hours()
    {
        var token = await (await RequestTokenAsync("admin", TestApp.AdminPassword)).JsonAsync(HttpStatusCode.OK);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        var issuedAt = _app.Clock.GetUtcNow();

        _app.Clock.Set(issuedAt.AddHours(8).AddMinutes(-1));
        var justBefore = await client.GetAsync("/api/v1/auth/me");
        _app.Clock.Set(issuedAt.AddHours(8).AddMinutes(1));
        var justAfter = await client.GetAsync("/api/v1/auth/me");

        Assert.That(justBefore.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertUnauthorizedProblemAsync(justAfter, "an expired token");
    }

    [Test]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401()
    {
        var wrongPassword = await RequestTokenAsync("admin", "Not-the-password-1");
        var unknownUser = await RequestTokenAsync("nobody", TestApp.AdminPassword);

        await AssertUnauthorizedProblemAsync(wrongPassword, "wrong password");
        await AssertUnauthorizedProblemAsync(unknownUser, "unknown user");
        var wrongDetail = (await wrongPassword.JsonAsync(HttpStatusCode.Unauthorized)).Str("detail");
        var unknownDetail = (await unknownUser.JsonAsync(HttpStatusCode.Unauthorized)).Str("detail");
        Assert.Multiple(() =>
        {
            Assert.That(wrongDetail, Is.EqualTo("Unknown username or wrong password."));
            Assert.That(unknownDetail, Is.EqualTo(wrongDetail), "the answer does not tell which usernames exist");
        });
    }

    [Test]
    public async Task Without_a_token_the_api_answers_401_and_does_not_redirect_to_the_login_page()
    {
        var response = await Anonymous().GetAsync("/api/v1/offices/1");

        await AssertUnauthorizedProblemAsync(response, "no token");
    }

    [Test]
    public async Task A_command_without_a_token_is_401_and_writes_nothing()
    {
        var offices = Sql.Count(_app, "Offices");

        var response = await Anonymous().PostAsJsonAsync("/api/v1/offices", new { code = "X", nameBn = "ক", nameEn = "X", kind = "Ministry" });

        await AssertUnauthorizedProblemAsync(response, "anonymous POST");
        Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(offices));
    }

    [TestCase("garbage")]
    [TestCase("CfDJ8Ozud3hgUhZOikvf9oG2XDb4wxGhX6XgLxJnpWi4j1UJ")]
    public async Task A_garbage_bearer_token_is_401(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/v1/offices/1");

        await AssertUnauthorizedProblemAsync(response, "garbage token");
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Is.EqualTo(new[] { "Bearer" }));
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_endpoints_answer_without_a_token(string path)
    {
        var response = await Anonymous().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body, Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public async Task The_openapi_document_is_served_without_a_token_and_names_the_contract_routes()
    {
        var response = await Anonymous().GetAsync("/openapi/v1.json");
        var document = await response.JsonAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");

        Assert.Multiple(() =>
        {
            Assert.That(document.GetProperty("info").Str("version"), Is.EqualTo("v1"));
            Assert.That(paths.TryGetProperty("/api/v1/offices", out var offices), Is.True, "POST /api/v1/offices is documented");
            Assert.That(offices.ValueKind == JsonValueKind.Object && offices.TryGetProperty("post", out _), Is.True, "with its POST");
            Assert.That(paths.TryGetProperty("/api/v1/offices/{id}", out _), Is.True);
            Assert.That(paths.TryGetProperty("/api/v1/offices/{id}/children", out _), Is.True);
            Assert.That(paths.TryGetProperty("/api/v1/auth/token", out _), Is.True);
            Assert.That(paths.TryGetProperty("/api/v1/users", out _), Is.True);
        });
    }

    [Test]
    public async Task Signing_in_on_the_form_sets_a_cookie_that_opens_the_home_page_and_the_api()
    {
        var id = await CreateUserAsync("rahima", "Rahima-password-1", "Rahima Khatun", Role.FocalPoint);
        var (browser, cookies) = Browser();

        var login = await browser.PostLoginAsync("rahima", "Rahima-password-1", "/reports?quarter=1");
        var home = await browser.GetAsync("/");
        var page = await browser.GetAsync("/workspace?lang=en");
        var html = await page.Content.ReadAsStringAsync();
        var me = await browser.GetJsonAsync("/api/v1/auth/me");

        Assert.Multiple(() =>
        {
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(login.Headers.Location?.OriginalString, Is.EqualTo("/reports?quarter=1"));
            Assert.That(cookies.GetCookies(_app.BaseAddress).Select(c => c.Name), Does.Contain("CharterTracker"));
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(home.Headers.Location?.OriginalString, Is.EqualTo("/workspace"), "a focal point's home is the workspace");
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("Signed in as <strong>Rahima Khatun</strong>"));
            Assert.That(me.Id(), Is.EqualTo(id));
            Assert.That(me.Str("username"), Is.EqualTo("rahima"));
            Assert.That(me.Str("role"), Is.EqualTo("FocalPoint"));
        });
    }

    [Test]
    public async Task The_home_page_shows_a_display_name_as_text_not_as_markup()
    {
        await CreateUserAsync("mallory", "Mallory-password-1", "<script>alert(1)</script>");
        var (browser, _) = Browser();
        await browser.PostLoginAsync("mallory", "Mallory-password-1", "/");

        var html = await browser.GetStringAsync("/dashboard");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
            Assert.That(html, Does.Not.Contain("<script>"));
        });
    }

    [TestCase("//evil.example")]
    [TestCase("//evil.example/login")]
    [TestCase("https://evil.example/")]
    [TestCase("/\\evil.example")]
    [TestCase("evil.example")]
    [TestCase("")]
    public async Task A_return_url_off_this_site_sends_the_user_home_instead(string returnUrl)
    {
        var (browser, _) = Browser();

        var login = await browser.PostLoginAsync("admin", TestApp.AdminPassword, returnUrl);

        Assert.Multiple(() =>
        {
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(login.Headers.Location?.OriginalString, Is.EqualTo("/"));
        });
    }

    [Test]
    public async Task The_login_form_never_carries_a_return_url_off_this_site()
    {
        var html = await Anonymous().GetStringAsync("/login?returnUrl=%2F%2Fevil.example");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<input type=\"hidden\" name=\"returnUrl\" value=\"/\">"));
            Assert.That(html, Does.Not.Contain("evil.example"));
        });
    }

    [Test]
    public async Task A_wrong_password_on_the_form_goes_back_to_the_form_with_an_error_and_sets_no_cookie()
    {
        var (browser, cookies) = Browser();

        var login = await browser.PostLoginAsync("admin", "Not-the-password-1", "/reports");
        var form = await browser.GetStringAsync(login.Headers.Location!.OriginalString);
        var home = await browser.GetAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(login.Headers.Location?.OriginalString, Is.EqualTo("/login?error=1&returnUrl=%2Freports"));
            Assert.That(cookies.GetCookies(_app.BaseAddress).Select(c => c.Name), Does.Not.Contain("CharterTracker"));
            Assert.That(form, Does.Contain("Unknown username or wrong password."));
            Assert.That(form, Does.Contain("value=\"/reports\""), "the form keeps where the user was going");
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "still not signed in");
        });
    }

    [Test]
    public async Task The_home_page_without_a_cookie_redirects_to_the_login_form()
    {
        var (browser, _) = Browser();

        var home = await browser.GetAsync("/");

        var location = new Uri(_app.BaseAddress, home.Headers.Location!);
        Assert.Multiple(() =>
        {
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(location.Authority, Is.EqualTo(_app.BaseAddress.Authority));
            Assert.That(location.AbsolutePath, Is.EqualTo("/login"));
            Assert.That(location.Query, Is.EqualTo("?ReturnUrl=%2F"));
        });
    }

    [Test]
    public async Task Signing_out_ends_the_cookie_session()
    {
        var (browser, _) = Browser();
        await browser.PostLoginAsync("admin", TestApp.AdminPassword, "/");
        var before = await browser.GetAsync("/api/v1/auth/me");

        var token = Web.WebClient.FormToken(await browser.GetStringAsync("/dashboard"));
        var logout = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var after = await browser.GetAsync("/api/v1/auth/me");

        Assert.Multiple(() =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(logout.Headers.Location?.OriginalString, Is.EqualTo("/login"));
        });
        await AssertUnauthorizedProblemAsync(after, "after signing out");
    }

    [Test]
    public async Task The_bootstrap_admin_is_a_system_administrator_at_no_office()
    {
        await UseOwnAppAsync();
        var admin = await _app.AsAdminAsync();

        var me = await admin.GetJsonAsync("/api/v1/auth/me");

        Assert.Multiple(() =>
        {
            Assert.That(me.Str("username"), Is.EqualTo("admin"));
            Assert.That(me.Str("role"), Is.EqualTo("SystemAdmin"));
            Assert.That(me.GetProperty("officeId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(me.GetProperty("active").GetBoolean(), Is.True);
            Assert.That(Sql.Count(_app, "Users"), Is.EqualTo(1), "only the bootstrap admin exists");
        });
    }

    [Test]
    public async Task Restarting_with_another_bootstrap_password_does_not_change_the_admins_password()
    {
        await UseOwnAppAsync();
        var directory = _app.Directory;
        await _app.DisposeAsync();

        _app = await TestApp.StartAsync(directory: directory,
            settings: new Dictionary<string, string?> { ["Charter:BootstrapAdminPassword"] = "Another-password-9" });
        var oldPassword = await RequestTokenAsync("admin", TestApp.AdminPassword);
        var newPassword = await RequestTokenAsync("admin", "Another-password-9");

        Assert.That(oldPassword.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the first start's password still works");
        await AssertUnauthorizedProblemAsync(newPassword, "the second start's password");
        Assert.That(Sql.Count(_app, "Users", "Username = 'admin'"), Is.EqualTo(1));
    }

    [Test]
    public async Task No_admin_is_created_when_no_bootstrap_password_is_configured()
    {
        await using var bare = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Charter:BootstrapAdminPassword"] = "" });

        using var anonymous = bare.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "" });

        Assert.That(Sql.Count(bare, "Users"), Is.Zero);
        await AssertUnauthorizedProblemAsync(response, "admin with an empty password");
    }

    [TestCase("short-pw1")]
    [TestCase("")]
    public async Task A_password_shorter_than_ten_characters_is_rejected_naming_password(string password)
    {
        var admin = await _app.AsAdminAsync();
        var users = Sql.Count(_app, "Users");

        var problem = await admin.PostJsonAsync("/api/v1/users",
            new { username = "shorty", password, displayName = "Shorty", role = "SystemAdmin" }, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "password" }));
            Assert.That(problem.GetProperty("errors").GetProperty("password")[0].GetString(), Is.EqualTo("A password is at least 10 characters."));
            Assert.That(Sql.Count(_app, "Users"), Is.EqualTo(users));
        });
    }

    [Test]
    public async Task A_password_of_exactly_ten_characters_is_accepted_and_signs_in()
    {
        var admin = await _app.AsAdminAsync();

        var user = await admin.PostJsonAsync("/api/v1/users",
            new { username = "tenchars", password = "0123456789", displayName = "Ten", role = "SystemAdmin" }, HttpStatusCode.Created);
        var token = await RequestTokenAsync("tenchars", "0123456789");

        Assert.Multiple(() =>
        {
            Assert.That(user.Str("username"), Is.EqualTo("tenchars"));
            Assert.That(user.Str("role"), Is.EqualTo("SystemAdmin"));
            Assert.That(user.TryGetProperty("passwordHash", out _), Is.False, "the hash never leaves the server");
            Assert.That(user.TryGetProperty("password", out _), Is.False);
            Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [TestCase("admin")]
    [TestCase("ADMIN")]
    public async Task A_taken_username_is_a_409_naming_username(string username)
    {
        var admin = await _app.AsAdminAsync();
        var users = Sql.Count(_app, "Users");

        var problem = await admin.PostJsonAsync("/api/v1/users",
            new { username, password = "Another-password-1", displayName = "Second admin", role = "SystemAdmin" }, HttpStatusCode.Conflict);

        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(409));
            Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "username" }));
            Assert.That(Sql.Count(_app, "Users"), Is.EqualTo(users), "no second user");
        });
        var stillTheOriginal = await RequestTokenAsync("admin", TestApp.AdminPassword);
        Assert.That(stillTheOriginal.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_registered_user_is_answered_with_the_contract_fields()
    {
        var admin = await _app.AsAdminAsync();
        var office = await new Given(_app).OfficeAsync("AG");

        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { username = "karim", password = "Karim-password-1", displayName = "Karim", role = "Viewer", officeId = office });
        var user = await response.JsonAsync(HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/api/v1/users/{user.Id()}"));
            Assert.That(user.Str("username"), Is.EqualTo("karim"));
            Assert.That(user.Str("role"), Is.EqualTo("Viewer"));
            Assert.That(user.GetProperty("officeId").GetInt64(), Is.EqualTo(office));
        });
    }

    [Test]
    public async Task A_role_other_than_system_administrator_needs_an_office()
    {
        var admin = await _app.AsAdminAsync();

        var problem = await admin.PostJsonAsync("/api/v1/users",
            new { username = "floating", password = "Floating-password-1", displayName = "Floating", role = "FocalPoint" }, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "officeId" }));
    }
    [Test]
    public async Task A_token_issued_before_a_restart_still_works_after_it()
    {
        await UseOwnAppAsync();
        var token = await (await RequestTokenAsync("admin", TestApp.AdminPassword)).JsonAsync(HttpStatusCode.OK);
        var directory = _app.Directory;
        await _app.DisposeAsync();

        _app = await TestApp.StartAsync(directory: directory);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        var me = await client.GetJsonAsync("/api/v1/auth/me");

        Assert.That(me.Str("username"), Is.EqualTo("admin"));
    }

    [Test]
    public async Task The_login_form_encodes_a_return_url_it_carries()
    {
        var html = await Anonymous().GetStringAsync("/login?returnUrl=" + Uri.EscapeDataString("/x\"><script>alert(1)</script>"));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("value=\"/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
            Assert.That(html, Does.Not.Contain("<script>"));
        });
    }
}
