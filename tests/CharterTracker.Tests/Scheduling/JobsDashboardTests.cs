using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Scheduling;
using CharterTracker.Tests.Support;
using CharterTracker.Tests.Web;
using CharterTracker.Web;

namespace CharterTracker.Tests.Scheduling;

/// <summary>Hangfire's dashboard at /admin/jobs/dashboard: the administrator's, on the web sign-in only, with Hangfire's antiforgery on its buttons.</summary>
public sealed class JobsDashboardTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Charter:Scheduling:Enabled"] = "true",
            [TestApp.RealJobStorage] = "true",
        });
        var ministry = await new Given(_app).OfficeAsync("MIN");
        await _app.UserAsync("committee", Role.MonitoringCommittee, ministry, language: "bn");
        await _app.UserAsync("admin.bn", Role.SystemAdmin, null, language: "bn");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private static string Meta(string html, string name) =>
        Regex.Match(html, $"<meta name=\"{name}\" content=\"([^\"]+)\">") is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";

    [Test]
    public async Task The_administrator_gets_the_dashboard_with_its_own_content_security_policy_linked_from_the_jobs_page()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);

        var response = await admin.GetAsync(JobsDashboard.Path);
        var html = await response.Content.ReadAsStringAsync();
        var recurring = await admin.PageAsync(JobsDashboard.Path + "/recurring");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("CharterTracker").And.Contain("href=\"/admin/jobs\""), "titled, with the way back to the site");
            Assert.That(response.Headers.GetValues("Content-Security-Policy"), Is.EqualTo(new[] { JobsDashboard.ContentSecurityPolicy }));
            Assert.That(recurring, Does.Contain("flag-missed-deadlines").And.Contain("5 0 * * *"));
            Assert.That(await admin.PageAsync("/admin/jobs"), Does.Contain($"href=\"{JobsDashboard.Path}\""));
            Assert.That(await (await _app.SignInOnFormAsync("admin.bn")).PageAsync(JobsDashboard.Path), Does.Contain("CharterTracker"),
                "a Bengali-speaking administrator gets it too (in English: Hangfire has no Bengali)");
        });
    }

    [Test]
    public async Task Everyone_else_is_refused_the_committee_403_a_token_403_and_an_anonymous_browser_sent_to_sign_in()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };
        var token = await _app.AsAdminAsync();

        var refused = await committee.GetAsync(JobsDashboard.Path);
        var refusedInside = await committee.GetAsync(JobsDashboard.Path + "/jobs/succeeded");
        var stranger = await anonymous.GetAsync(JobsDashboard.Path);
        var bearer = await token.GetAsync(JobsDashboard.Path);

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("এই পাতাটি দেখার অনুমতি আপনার নেই।"), "the site's friendly 403 page, in the user's language");
            Assert.That(refusedInside.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(stranger.Headers.Location?.OriginalString, Does.Contain("/login"));
            Assert.That(bearer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the dashboard is for the web sign-in only");
        });
    }

    [Test]
    public async Task A_dashboard_button_posts_with_Hangfire_s_antiforgery_token_and_is_refused_without_it()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);
        var page = await admin.PageAsync(JobsDashboard.Path + "/recurring");
        var before = Jobs.RunCount(_app);
        var trigger = () => new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", "send-reminders")]);

        var forged = await admin.PostAsync(JobsDashboard.Path + "/recurring/trigger", trigger());
        var countAfterForged = Jobs.RunCount(_app);
        using var request = new HttpRequestMessage(HttpMethod.Post, JobsDashboard.Path + "/recurring/trigger") { Content = trigger() };
        request.Headers.Add(Meta(page, "csrf-header"), Meta(page, "csrf-token"));
        var genuine = await admin.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(countAfterForged, Is.EqualTo(before), "the refused post triggered nothing");
            Assert.That(genuine.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Jobs.RunCount(_app), Is.GreaterThan(before), "the genuine post triggered a run");
        });
    }
}
