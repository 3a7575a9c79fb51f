using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>Users and roles on the admin pages: create, change role and office (access follows on the next request), deactivate, a new password, the last administrator.</summary>
/// <remarks>
/// One app for the fixture (no test moves its clock) with the Bengali administrator created once; each test has a
/// ministry of its own (codes MIN{n}, MIN{n}-A1, …) and users named after the test's number. The last-administrator
/// test, which needs exactly two administrators and demotes one, has an app of its own.
/// </remarks>
public sealed class AdminUsersTests
{
    private static TestClock Clock() => TestClock.At(2024, 9, 25);

    private TestApp _app = null!;
    private long _ministry;
    private long[] _agencies = [];
    private int _serial;
    /// <summary>This test's number, in the codes and usernames it creates.</summary>
    private int _n;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await TestApp.StartAsync(Clock());
        await _app.UserAsync("admin.bn", Role.SystemAdmin, null, language: "bn");
    }

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [SetUp]
    public async Task Start()
    {
        _n = ++_serial;
        (_ministry, _agencies) = await new Given(_app).MinistryWithAsync(2, Min);
    }

    /// <summary>This test's ministry's code (its agencies are {Min}-A1 and {Min}-A2).</summary>
    private string Min => $"MIN{_n}";

    /// <summary>A username of this test's own.</summary>
    private string U(string name) => $"u{_n}.{name}";

    private Task<HttpClient> AdminAsync() => AdminAsync(_app);

    private static Task<HttpClient> AdminAsync(TestApp app) => app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);

    private static string Workspace(long office) => $"/workspace?officeId={office}&fiscalYear=2024-25&quarter=1";

    private long IdOf(string username) => IdOf(_app, username);

    private static long IdOf(TestApp app, string username) => Sql.Query<long>(app, "SELECT Id FROM Users WHERE Username = @username", new { username }).Single();

    /// <summary>The fields of the user's details form as the page shows them, changed where asked.</summary>
    private static Dictionary<string, string> Details(string html, params (string Field, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["displayName"] = WebClient.InputValue(html, "displayName"),
            ["email"] = WebClient.InputValue(html, "email"),
            ["role"] = Regex.Match(html, "<select id=\"field-role\" name=\"role\".*?<option value=\"(\\w+)\" selected", RegexOptions.Singleline).Groups[1].Value,
            ["officeId"] = WebClient.InputValue(html, "officeId"),
            ["language"] = Regex.Match(html, "<select id=\"field-language\" name=\"language\".*?<option value=\"(\\w+)\" selected", RegexOptions.Singleline).Groups[1].Value,
        };
        if (Regex.IsMatch(html, "<input type=\"checkbox\" id=\"field-active\" name=\"active\" value=\"true\" checked")) fields["active"] = "true";
        foreach (var (field, value) in changes)
        {
            if (value.Length == 0) fields.Remove(field);
            else fields[field] = value;
        }
        return fields;
    }

    [Test]
    public async Task Creating_a_user_on_the_form_lets_them_sign_in_with_their_role_and_office()
    {
        var admin = await AdminAsync();
        var form = await admin.PageAsync("/admin/users/new");

        var response = await admin.PostFormAsync("/admin/users/new", WebClient.FormToken(form), new Dictionary<string, string>
        {
            ["username"] = U("new.fp"), ["password"] = $"Password-{U("new.fp")}", ["displayName"] = "নতুন ফোকাল পয়েন্ট", ["role"] = "FocalPoint",
            ["officeId"] = $"{Min}-A1", ["email"] = $"{U("new.fp")}@example.gov.bd", ["language"] = "bn",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var page = await admin.PageAsync(response.Headers.Location!.OriginalString);
        var list = await admin.PageAsync("/admin/users?role=FocalPoint");
        var user = await _app.SignInOnFormAsync(U("new.fp"));
        Assert.Multiple(async () =>
        {
            Assert.That(response.Headers.Location.OriginalString, Is.EqualTo($"/admin/users/{IdOf(U("new.fp"))}?saved=user"));
            Assert.That(page, Does.Contain("Saved: user").And.Contain("data-state=\"active\""));
            Assert.That(WebClient.InputValue(page, "officeId"), Is.EqualTo($"{Min}-A1"), "the office is shown by its code");
            Assert.That(list, Does.Contain($"<tr data-user=\"{U("new.fp")}\">").And.Contain($"{Min}-A1"));
            Assert.That((await user.GetAsync(Workspace(_agencies[0]))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await user.GetAsync(Workspace(_agencies[1]))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task The_create_form_shows_each_mistake_beside_its_field_in_Bengali()
    {
        var admin = await _app.SignInOnFormAsync("admin.bn");
        var form = await admin.PageAsync("/admin/users/new");

        var response = await admin.PostFormAsync("/admin/users/new", WebClient.FormToken(form), new Dictionary<string, string>
        {
            ["username"] = "admin", ["password"] = "short", ["displayName"] = "", ["role"] = "Viewer", ["officeId"] = "", ["email"] = "not-an-email", ["language"] = "bn",
        });
        var html = await response.Content.ReadAsStringAsync();
        var unknownOffice = await admin.PostFormAsync("/admin/users/new", WebClient.FormToken(html), new Dictionary<string, string>
        {
            ["username"] = "admin", ["password"] = "Long-enough-1", ["displayName"] = "কেউ", ["role"] = "Viewer", ["officeId"] = "NOWHERE", ["language"] = "bn",
        });
        var taken = await admin.PostFormAsync("/admin/users/new", WebClient.FormToken(html), new Dictionary<string, string>
        {
            ["username"] = "admin", ["password"] = "Long-enough-1", ["displayName"] = "কেউ", ["role"] = "Viewer", ["officeId"] = Min, ["language"] = "bn",
        });

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "password"), Is.EqualTo("✗ পাসওয়ার্ড কমপক্ষে ১০ অক্ষরের হতে হবে।"));
            Assert.That(WebClient.FieldError(html, "displayName"), Is.EqualTo("✗ প্রদর্শিত নাম দিতে হবে।"));
            Assert.That(WebClient.FieldError(html, "officeId"), Does.Contain("দপ্তর দিতে হবে"));
            Assert.That(WebClient.FieldError(html, "email"), Is.EqualTo("✗ ই-মেইল ঠিকানাটি সঠিক নয়।"));
            Assert.That(WebClient.InputValue(html, "email"), Is.EqualTo("not-an-email"));
            Assert.That(WebClient.InputValue(html, "password"), Is.Empty, "a password is never sent back");
            Assert.That(WebClient.FieldError(await unknownOffice.Content.ReadAsStringAsync(), "officeId"), Does.Contain("'NOWHERE' কোডের কোনো দপ্তর নেই"));
            Assert.That(WebClient.FieldError(await taken.Content.ReadAsStringAsync(), "username"), Does.Contain("'admin' নামটি অন্য ব্যবহারকারীর"));
            Assert.That(Sql.Count(_app, "Users", "DisplayName = 'কেউ'"), Is.Zero);
        });
    }

    [Test]
    public async Task Changing_a_focal_points_office_and_role_changes_what_they_may_open_on_their_next_request()
    {
        await _app.UserAsync(U("mover.fp"), Role.FocalPoint, _agencies[0]);
        var user = await _app.SignInOnFormAsync(U("mover.fp"));
        Assert.That((await user.GetAsync(Workspace(_agencies[0]))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var admin = await AdminAsync();
        var url = $"/admin/users/{IdOf(U("mover.fp"))}";
        var page = await admin.PageAsync(url);

        var moved = await admin.PostFormAsync(url, WebClient.FormToken(page), Details(page, ("officeId", $"{Min}-A2")));
        var sameBrowser = await user.GetAsync(Workspace(_agencies[0]));
        // A change of office or role ends the user's sign-ins (issue 12): the new rights apply from the next one.
        user = await _app.SignInOnFormAsync(U("mover.fp"));
        var oldOffice = await user.GetAsync(Workspace(_agencies[0]));
        var newOffice = await user.GetAsync(Workspace(_agencies[1]));
        var adminBefore = await user.GetAsync("/admin");
        page = await admin.PageAsync(url);
        var promoted = await admin.PostFormAsync(url, WebClient.FormToken(page), Details(page, ("role", "SystemAdmin")));
        user = await _app.SignInOnFormAsync(U("mover.fp"));
        var adminAfter = await user.GetAsync("/admin");

        Assert.Multiple(() =>
        {
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That((sameBrowser.StatusCode, sameBrowser.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/login")), "the signed-in browser is sent to sign in again at once");
            Assert.That(oldOffice.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the old office is no longer the user's");
            Assert.That(newOffice.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(adminBefore.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(promoted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(adminAfter.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a system administrator now");
            Assert.That(Sql.Query<(string Role, long? OfficeId)>(_app, "SELECT Role, OfficeId FROM Users WHERE Username = @username", new { username = U("mover.fp") }).Single(), Is.EqualTo(("SystemAdmin", (long?)null)));
        });
    }

    [Test]
    public async Task A_deactivated_user_is_sent_to_the_sign_in_form_on_the_next_request_and_cannot_sign_in_again()
    {
        await _app.UserAsync(U("leaver.fp"), Role.FocalPoint, _agencies[0]);
        var user = await _app.SignInOnFormAsync(U("leaver.fp"));
        var admin = await AdminAsync();
        var url = $"/admin/users/{IdOf(U("leaver.fp"))}";
        var page = await admin.PageAsync(url);

        var deactivated = await admin.PostFormAsync(url, WebClient.FormToken(page), Details(page, ("active", "")));
        var next = await user.GetAsync(Workspace(_agencies[0]));
        var signIn = await _app.Anonymous().PostLoginAsync(U("leaver.fp"), $"Password-{U("leaver.fp")}");
        var list = await admin.PageAsync($"/admin/users?search={U("leaver")}");

        Assert.Multiple(() =>
        {
            Assert.That(deactivated.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That((next.StatusCode, next.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/login")));
            Assert.That(signIn.RequestMessage!.RequestUri!.Query, Does.Contain("error=1"), "the sign-in form refuses the account");
            Assert.That(list, Does.Contain("data-state=\"deactivated\""));
        });
    }

    [Test]
    public async Task A_new_password_replaces_the_old_one_and_is_never_stored_in_the_audit()
    {
        await _app.UserAsync(U("forgetful"), Role.Viewer, _ministry);
        var admin = await AdminAsync();
        var url = $"/admin/users/{IdOf(U("forgetful"))}";
        var page = await admin.PageAsync(url);

        var differ = await admin.PostFormAsync(url + "/password", WebClient.FormToken(page),
            new Dictionary<string, string> { ["password"] = "Brand-new-secret-1", ["passwordAgain"] = "Brand-new-secret-2" });
        var reset = await admin.PostFormAsync(url + "/password", WebClient.FormToken(page),
            new Dictionary<string, string> { ["password"] = "Brand-new-secret-1", ["passwordAgain"] = "Brand-new-secret-1" });
        using var anonymous = _app.Anonymous();
        var oldOne = await anonymous.PostAsync("/api/v1/auth/token", System.Net.Http.Json.JsonContent.Create(new { username = U("forgetful"), password = $"Password-{U("forgetful")}" }));
        var newOne = await anonymous.PostAsync("/api/v1/auth/token", System.Net.Http.Json.JsonContent.Create(new { username = U("forgetful"), password = "Brand-new-secret-1" }));

        Assert.Multiple(async () =>
        {
            Assert.That(differ.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(await differ.Content.ReadAsStringAsync(), "passwordAgain"), Does.Contain("The two passwords differ."));
            Assert.That((reset.StatusCode, reset.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, url + "?saved=password")));
            Assert.That(oldOne.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(newOne.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Sql.Count(_app, "AuditLog", "Payload LIKE '%Brand-new-secret%' OR Detail LIKE '%Brand-new-secret%'"), Is.Zero);
            Assert.That(Sql.Count(_app, "AuditLog", "Action = 'ResetUserPassword' AND Outcome = 'Succeeded' AND Payload LIKE '%***%' AND EntityId = @id", new { id = IdOf(U("forgetful")) }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_last_active_administrator_can_be_neither_deactivated_nor_demoted()
    {
        await using var app = await TestApp.StartAsync(Clock());   // exactly two administrators, one of them demoted
        await app.UserAsync("admin.bn", Role.SystemAdmin, null, language: "bn");
        await new Given(app).MinistryWithAsync(2);
        var admin = await AdminAsync(app);
        var bengali = await app.SignInOnFormAsync("admin.bn");
        // Two administrators: one of them may go.
        var other = $"/admin/users/{IdOf(app, "admin.bn")}";
        var page = await admin.PageAsync(other);
        var first = await admin.PostFormAsync(other, WebClient.FormToken(page), Details(page, ("role", "Viewer"), ("officeId", "MIN")));
        var self = $"/admin/users/{IdOf(app, "admin")}";
        page = await admin.PageAsync(self);

        var deactivate = await admin.PostFormAsync(self, WebClient.FormToken(page), Details(page, ("active", "")));
        var demote = await admin.PostFormAsync(self, WebClient.FormToken(page), Details(page, ("role", "MonitoringCommittee"), ("officeId", "MIN")));
        var deactivateHtml = await deactivate.Content.ReadAsStringAsync();
        var demoteHtml = await demote.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "another administrator remained");
            Assert.That((await bengali.GetAsync("/admin")).Headers.Location?.OriginalString, Is.EqualTo("/login"), "the demoted one is signed out at once");
            Assert.That((await (await app.SignInOnFormAsync("admin.bn")).GetAsync("/admin")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "and has no administration any more");
            Assert.That(deactivate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(deactivateHtml, "active"), Does.Contain("admin is the last active system administrator"));
            Assert.That(demote.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(demoteHtml, "role"), Does.Contain("make another user a system administrator first"));
            Assert.That(Sql.Query<(string Role, long Active)>(app, "SELECT Role, Active FROM Users WHERE Username = 'admin'").Single(), Is.EqualTo(("SystemAdmin", 1L)));
        });
    }

    [Test]
    public async Task The_list_is_filtered_by_search_role_and_office_code()
    {
        await _app.UserAsync(U("a1.fp"), Role.FocalPoint, _agencies[0]);
        await _app.UserAsync(U("a2.fp"), Role.FocalPoint, _agencies[1]);
        await _app.UserAsync(U("min.viewer"), Role.Viewer, _ministry);
        var admin = await AdminAsync();

        var focalPoints = await admin.PageAsync("/admin/users?role=FocalPoint");
        var ofOffice = await admin.PageAsync($"/admin/users?office={Min}-A2");
        var searched = await admin.PageAsync($"/admin/users?search={U("min.view")}");
        var unknown = await admin.PageAsync("/admin/users?office=NOWHERE");

        Assert.Multiple(() =>
        {
            Assert.That(focalPoints, Does.Contain($"data-user=\"{U("a1.fp")}\"").And.Contain($"data-user=\"{U("a2.fp")}\"").And.Not.Contain($"data-user=\"{U("min.viewer")}\"").And.Not.Contain("data-user=\"admin\""));
            Assert.That(ofOffice, Does.Contain($"data-user=\"{U("a2.fp")}\"").And.Not.Contain($"data-user=\"{U("a1.fp")}\""));
            Assert.That(searched, Does.Contain($"data-user=\"{U("min.viewer")}\"").And.Contain("1 user(s)."));
            Assert.That(WebClient.FieldError(unknown, "office"), Does.Contain("No office has code 'NOWHERE'."));
        });
    }

    [Test]
    public async Task A_focal_point_is_assigned_to_another_office_from_their_page_and_may_then_write_there()
    {
        await _app.UserAsync(U("helper.fp"), Role.FocalPoint, _agencies[0]);
        var user = await _app.SignInOnFormAsync(U("helper.fp"));
        var admin = await AdminAsync();
        var url = $"/admin/users/{IdOf(U("helper.fp"))}/focal-points/new";
        var form = await admin.PageAsync(url);

        var assigned = await admin.PostFormAsync(url, WebClient.FormToken(form), new Dictionary<string, string> { ["officeId"] = $"{Min}-A2", ["validFrom"] = "2024-09-01" });
        var page = await admin.PageAsync($"/admin/users/{IdOf(U("helper.fp"))}");

        Assert.Multiple(async () =>
        {
            Assert.That(assigned.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await assigned.Content.ReadAsStringAsync());
            Assert.That(page, Does.Contain($"{Min}-A2").And.Contain("Open-ended"));
            Assert.That((await user.GetAsync($"/workspace/charter-updates/new?officeId={_agencies[1]}&fiscalYear=2024-25&quarter=1")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
