using System.Net;
using System.Net.Http.Json;
using System.Text;
using CharterTracker.Tests.Support;
using CharterTracker.Tests.Web;

namespace CharterTracker.Tests.Access;

/// <summary>
/// Another site can make a signed-in browser send its cookie, but not a bearer token nor a page's antiforgery token:
/// the API's writes take a bearer token only, and the sign-in and sign-out forms check their token.
/// </summary>
public sealed class CookieWriteTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public async Task Start() => _app = await TestApp.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [Test]
    public async Task An_administrators_cookie_without_a_bearer_token_neither_runs_a_job_nor_imports_offices()
    {
        var admin = await _app.SignInOnFormAsync("admin", TestApp.AdminPassword);
        var offices = Sql.Count(_app, "Offices");

        var job = await admin.PostAsync("/api/v1/admin/jobs/send-reminders/run", null);
        var import = await admin.PostAsync("/api/v1/offices/import",
            new StringContent("code,nameBn,nameEn,kind,parentCode,activeFrom\nCSRF,ক,Forged office,Ministry,,2020-07-01\n", Encoding.UTF8, "text/csv"));
        var jobProblem = await job.JsonAsync(HttpStatusCode.Unauthorized);
        var read = await admin.GetAsync("/api/v1/auth/me");

        Assert.Multiple(() =>
        {
            Assert.That(job.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(jobProblem.Str("detail"), Does.Contain("bearer token"));
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(offices), "no office was created");
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cookie still reads the API (links to files and PDFs)");
        });
    }

    [Test]
    public async Task A_bearer_token_still_writes_with_a_cookie_beside_it()
    {
        using var browser = _app.NewBrowser();
        await browser.PostLoginAsync("admin", TestApp.AdminPassword);
        using var anonymous = _app.Anonymous();
        var token = await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = TestApp.AdminPassword })).JsonAsync(HttpStatusCode.OK);
        browser.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Str("accessToken"));

        var created = await browser.PostJsonAsync("/api/v1/offices",
            new { code = "WITH-TOKEN", nameBn = "ক", nameEn = "With token", kind = "Ministry" }, HttpStatusCode.Created);

        Assert.That(created.Str("code"), Is.EqualTo("WITH-TOKEN"));
    }

    [Test]
    public async Task The_sign_in_form_without_its_antiforgery_token_signs_nobody_in()
    {
        var cookies = new CookieContainer();
        using var browser = _app.NewBrowser(cookies);

        var login = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "admin", ["password"] = TestApp.AdminPassword, ["returnUrl"] = "/",
        }));
        var form = await browser.GetStringAsync(login.Headers.Location!.OriginalString);

        Assert.Multiple(() =>
        {
            Assert.That((login.StatusCode, login.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/login?error=expired&returnUrl=%2F")));
            Assert.That(cookies.GetCookies(_app.BaseAddress).Select(c => c.Name), Does.Not.Contain("CharterTracker"));
            Assert.That(form, Does.Contain("The form had expired or did not come from this site"));
        });
    }

    [Test]
    public async Task The_sign_out_form_without_its_antiforgery_token_does_not_sign_out()
    {
        var browser = await _app.SignInOnFormAsync("admin", TestApp.AdminPassword);

        var logout = await browser.PostAsync("/logout", new FormUrlEncodedContent([]));
        var after = await browser.GetAsync("/api/v1/auth/me");

        Assert.Multiple(() =>
        {
            Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another site cannot sign the user out");
        });
    }

    [Test]
    public async Task Every_page_carries_the_sign_out_form_with_its_token()
    {
        var browser = await _app.SignInOnFormAsync("admin", TestApp.AdminPassword);

        var html = await browser.PageAsync("/dashboard?lang=en");

        Assert.That(html, Does.Match("<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"[^\"]+\""));
    }
}
