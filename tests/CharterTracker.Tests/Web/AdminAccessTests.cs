using System.Net;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>Administration is for system administrators: every admin page and post refuses the other roles with the friendly 403 page.</summary>
public sealed class AdminAccessTests
{
    private TestApp _app = null!;
    private long _ministry;
    private long[] _agencies = [];
    private long _userId;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        (_ministry, _agencies) = await new Given(_app).MinistryWithAsync(1);
        _userId = await _app.UserAsync("fp", Role.FocalPoint, _agencies[0], language: "en");
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry, language: "bn");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private string[] Pages =>
    [
        "/admin", "/admin/offices", $"/admin/offices?officeId={_agencies[0]}", "/admin/offices?search=MIN", $"/admin/offices/new?parentId={_agencies[0]}",
        $"/admin/offices/{_agencies[0]}/rename", $"/admin/offices/{_agencies[0]}/move", $"/admin/offices/{_agencies[0]}/deactivate",
        "/admin/offices/import", "/admin/offices/import/sample.csv", "/admin/users", "/admin/users/new", $"/admin/users/{_userId}",
        $"/admin/users/{_userId}/focal-points/new", "/admin/action-plans", "/admin/action-plans/2024-25", "/admin/action-plans/2024-25/edit",
        "/admin/jobs", "/admin/jobs/runs/1",
    ];

    private string[] Posts =>
    [
        $"/admin/offices/new?parentId={_agencies[0]}", $"/admin/offices/{_agencies[0]}/rename", $"/admin/offices/{_agencies[0]}/move",
        $"/admin/offices/{_agencies[0]}/deactivate", $"/admin/offices/{_agencies[0]}/focal-points", "/admin/offices/import", "/admin/offices/import/confirm",
        "/admin/users/new", $"/admin/users/{_userId}", $"/admin/users/{_userId}/password", $"/admin/users/{_userId}/focal-points/new",
        "/admin/action-plans/clone", "/admin/action-plans/2024-25/edit", "/admin/jobs/flag-missed-deadlines/run",
    ];

    [TestCase("fp", "You are not allowed to see this page.")]
    [TestCase("committee", "এই পাতাটি দেখার অনুমতি আপনার নেই।")]
    public async Task Every_admin_page_is_refused_with_the_friendly_403_page(string username, string message)
    {
        var client = await _app.SignInOnFormAsync(username);

        foreach (var page in Pages)
        {
            var html = await client.PageAsync(page, HttpStatusCode.Forbidden);
            Assert.That(html, Does.Contain(message), page);
        }
    }

    [TestCase("fp")]
    [TestCase("committee")]
    public async Task Every_admin_post_is_refused_and_changes_nothing(string username)
    {
        var client = await _app.SignInOnFormAsync(username);
        // A post without a good token would be 400; 403 shows the role is refused first, before the form is even read.
        const string? token = null;
        var audit = Sql.Count(_app, "AuditLog");
        var fields = new Dictionary<string, string>
        {
            ["code"] = "X-1", ["nameBn"] = "ক", ["nameEn"] = "X", ["kind"] = "Agency", ["newParentId"] = "MIN", ["effectiveOn"] = "2024-09-25",
            ["userId"] = "fp", ["validFrom"] = "2024-09-25", ["username"] = "intruder", ["password"] = "Long-enough-secret", ["passwordAgain"] = "Long-enough-secret",
            ["displayName"] = "Intruder", ["role"] = "SystemAdmin", ["language"] = "en", ["active"] = "true", ["fiscalYear"] = "2024-25", ["toFiscalYear"] = "2030-31",
            ["csv"] = "code,nameBn,nameEn,kind,parentCode\nX-2,ক,X,Agency,MIN\n", ["lockDays"] = "45",
        };

        foreach (var post in Posts)
        {
            var response = await client.PostFormAsync(post, token, fields);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), post);
        }
        Assert.Multiple(() =>
        {
            Assert.That(Sql.Count(_app, "Offices", "Code IN ('X-1', 'X-2')"), Is.Zero);
            Assert.That(Sql.Count(_app, "Users", "Username = 'intruder' OR Role = 'SystemAdmin' AND Username <> 'admin'"), Is.Zero);
            Assert.That(Jobs.RunCount(_app), Is.Zero);
            Assert.That(Sql.Count(_app, "AuditLog"), Is.EqualTo(audit), "refused before any command was sent");
        });
    }

    [Test]
    public async Task The_main_menu_links_the_administration_for_an_administrator_only()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);
        var focalPoint = await _app.SignInOnFormAsync("fp");

        Assert.Multiple(async () =>
        {
            Assert.That(await admin.PageAsync("/admin"), Does.Contain("<a href=\"/admin\" aria-current=\"page\">Administration</a>"));
            Assert.That(await focalPoint.PageAsync("/workspace"), Does.Not.Contain("href=\"/admin\""));
        });
    }
}
