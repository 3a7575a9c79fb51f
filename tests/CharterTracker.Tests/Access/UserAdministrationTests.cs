using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Access;

/// <summary>
/// Changing users over the API: PUT /users/{id}, a new password, ending a focal point assignment, the last administrator.
/// One app for the fixture (no test moves its clock); each test has a ministry with two agencies and users of its own
/// (codes and usernames carry the test's number). The last-administrator test, which demotes the administrator, has an
/// app of its own.
/// </summary>
public sealed class UserAdministrationTests
{
    private static TestClock Clock() => TestClock.At(2024, 9, 25);

    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private long _ministry;
    private long[] _agencies = [];
    private int _serial;
    /// <summary>This test's number, in the names it creates.</summary>
    private int _n;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await TestApp.StartAsync(Clock());

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [SetUp]
    public async Task Start()
    {
        _n = ++_serial;
        _admin = await _app.AsAdminAsync();   // signed in again after a test that forgot the sign-ins
        (_ministry, _agencies) = await new Given(_app).MinistryWithAsync(2, $"MIN{_n}");
    }

    /// <summary>This test's focal point's username.</summary>
    private string Fp => $"fp{_n}";

    private static object Body(string displayName, string role, long? officeId, bool active = true, string language = "en", string? email = null) =>
        new { displayName, email, role, officeId, language, active };

    private static long AdminId(TestApp app) => Sql.Query<long>(app, "SELECT Id FROM Users WHERE Username = 'admin'").Single();

    [Test]
    public async Task A_user_is_changed_as_a_whole_and_reads_back_as_changed()
    {
        var id = await _app.UserAsync(Fp, Role.FocalPoint, _agencies[0]);

        var changed = await _admin.PutJsonAsync($"/api/v1/users/{id}", Body("Renamed officer", "MonitoringCommittee", _ministry, language: "bn", email: "new@example.gov.bd"), HttpStatusCode.OK);
        var read = await _admin.GetJsonAsync($"/api/v1/users/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(changed.GetRawText(), Is.EqualTo(read.GetRawText()));
            Assert.That((read.Str("displayName"), read.Str("role"), read.GetProperty("officeId").GetInt64(), read.Str("language"), read.Str("email"), read.GetProperty("active").GetBoolean()),
                Is.EqualTo(("Renamed officer", "MonitoringCommittee", _ministry, "bn", "new@example.gov.bd", true)));
            Assert.That(read.Str("username"), Is.EqualTo(Fp), "the username stays");
            Assert.That(Sql.Count(_app, "AuditLog", "Action = 'ChangeUser' AND Outcome = 'Succeeded' AND EntityId = @id", new { id }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_change_missing_its_fields_is_a_400_naming_each_and_changes_nothing()
    {
        var id = await _app.UserAsync(Fp, Role.FocalPoint, _agencies[0]);

        var problem = await _admin.PutJsonAsync($"/api/v1/users/{id}", new { displayName = " ", role = "Viewer", email = "not-an-email", language = "fr" }, HttpStatusCode.BadRequest);
        var unknownOffice = await _admin.PutJsonAsync($"/api/v1/users/{id}", Body("x", "Viewer", 987654), HttpStatusCode.BadRequest);
        var unknownUser = await _admin.PutJsonAsync("/api/v1/users/987654", Body("x", "Viewer", _ministry), HttpStatusCode.NotFound);

        Assert.Multiple(() =>
        {
            Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "displayName", "officeId", "email", "language", "active" }));
            Assert.That(problem.GetProperty("errors").GetProperty("officeId")[0].GetString(), Is.EqualTo("Every role but SystemAdmin acts on an office's subtree: the office is required."));
            Assert.That(unknownOffice.ErrorFields(), Is.EqualTo(new[] { "officeId" }));
            Assert.That(unknownUser.Str("detail"), Does.Contain("987654"));
            Assert.That(Sql.Query<string>(_app, "SELECT Role FROM Users WHERE Id = @id", new { id }).Single(), Is.EqualTo("FocalPoint"));
        });
    }

    [Test]
    public async Task Only_a_system_administrator_changes_users_or_their_passwords()
    {
        var id = await _app.UserAsync(Fp, Role.FocalPoint, _agencies[0]);
        await _app.UserAsync($"committee{_n}", Role.MonitoringCommittee, _ministry);
        var committee = await _app.SignInAsync($"committee{_n}");

        await committee.PutJsonAsync($"/api/v1/users/{id}", Body("x", "SystemAdmin", null), HttpStatusCode.Forbidden);
        await committee.PostJsonAsync($"/api/v1/users/{id}/password", new { password = "Long-enough-secret" }, HttpStatusCode.Forbidden);

        Assert.That(Sql.Query<string>(_app, "SELECT Role FROM Users WHERE Id = @id", new { id }).Single(), Is.EqualTo("FocalPoint"));
    }

    [Test]
    public async Task A_changed_office_and_role_end_the_users_token_and_apply_from_the_next_sign_in()
    {
        var id = await _app.UserAsync(Fp, Role.FocalPoint, _agencies[0]);
        var user = await _app.SignInAsync(Fp);
        await user.GetJsonAsync($"/api/v1/offices/{_agencies[0]}");

        await _admin.PutJsonAsync($"/api/v1/users/{id}", Body(Fp, "Viewer", _agencies[1]), HttpStatusCode.OK);

        await user.GetJsonAsync($"/api/v1/offices/{_agencies[1]}", HttpStatusCode.Unauthorized);
        _app.ForgetSignIns();
        var again = await _app.SignInAsync(Fp);
        await again.GetJsonAsync($"/api/v1/offices/{_agencies[0]}", HttpStatusCode.Forbidden);
        await again.GetJsonAsync($"/api/v1/offices/{_agencies[1]}");
        await again.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/charter-updates",
            new { fiscalYear = "2024-25", quarter = 1, updatedOn = "2024-09-20", hasEvidence = true }, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_deactivated_users_token_is_refused_on_the_next_request_and_they_cannot_get_another()
    {
        var id = await _app.UserAsync(Fp, Role.FocalPoint, _agencies[0]);
        var user = await _app.SignInAsync(Fp);

        await _admin.PutJsonAsync($"/api/v1/users/{id}", Body(Fp, "FocalPoint", _agencies[0], active: false), HttpStatusCode.OK);

        Assert.That((await user.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var anonymous = _app.Anonymous();
        Assert.That((await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = Fp, password = $"Password-{Fp}" })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Demoting_a_focal_point_ends_their_open_assignments_from_today()
    {
        var id = await _app.UserAsync(Fp, Role.FocalPoint, _agencies[0]);
        await _admin.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/focal-points", new { userId = id, validFrom = "2024-07-01" }, HttpStatusCode.Created);

        await _admin.PutJsonAsync($"/api/v1/users/{id}", Body(Fp, "Viewer", _agencies[0]), HttpStatusCode.OK);
        var assignments = await _admin.GetJsonAsync($"/api/v1/users/{id}/focal-points");

        Assert.That(assignments.EnumerateArray().Select(a => (a.Str("validFrom"), a.Str("validUntil"))), Is.EqualTo(new[] { ("2024-07-01", "2024-09-25") }));
    }

    [Test]
    public async Task A_new_password_works_at_once_the_old_one_no_longer_does_and_the_audit_keeps_no_password()
    {
        var id = await _app.UserAsync(Fp, Role.FocalPoint, _agencies[0]);

        var tooShort = await _admin.PostJsonAsync($"/api/v1/users/{id}/password", new { password = "short" }, HttpStatusCode.BadRequest);
        var reset = await _admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "A-new-secret-2024" });
        using var anonymous = _app.Anonymous();
        var old = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = Fp, password = $"Password-{Fp}" });
        var fresh = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = Fp, password = "A-new-secret-2024" });
        var payload = Sql.Query<string>(_app, "SELECT Payload FROM AuditLog WHERE Action = 'ResetUserPassword' AND Outcome = 'Succeeded' AND EntityId = @id", new { id }).Single();

        Assert.Multiple(() =>
        {
            Assert.That(tooShort.ErrorFields(), Is.EqualTo(new[] { "password" }));
            Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(JsonDocument.Parse(payload).RootElement.Str("password"), Is.EqualTo("***"));
            Assert.That(Sql.Count(_app, "AuditLog", "Payload LIKE '%A-new-secret%' OR Payload LIKE '%short%'"), Is.Zero);
        });
        await _admin.PostJsonAsync("/api/v1/users/987654/password", new { password = "A-new-secret-2024" }, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_last_active_systemadministrator_cannot_be_deactivated_or_demoted_but_one_of_two_can()
    {
        await using var app = await TestApp.StartAsync(Clock());   // the only active administrator, demoted at the end
        var admin = await app.AsAdminAsync();
        var (ministry, _) = await new Given(app).MinistryWithAsync(2);
        var adminId = AdminId(app);

        var deactivate = await admin.PutJsonAsync($"/api/v1/users/{adminId}", Body("System administrator", "SystemAdmin", null, active: false), HttpStatusCode.Conflict);
        var demote = await admin.PutJsonAsync($"/api/v1/users/{adminId}", Body("System administrator", "Viewer", ministry), HttpStatusCode.Conflict);
        var second = await app.UserAsync("second.admin", Role.SystemAdmin, null);
        await admin.PutJsonAsync($"/api/v1/users/{second}", Body("second", "SystemAdmin", null, active: false), HttpStatusCode.OK);
        var stillLast = await admin.PutJsonAsync($"/api/v1/users/{adminId}", Body("System administrator", "Viewer", ministry), HttpStatusCode.Conflict);
        await admin.PutJsonAsync($"/api/v1/users/{second}", Body("second", "SystemAdmin", null), HttpStatusCode.OK);
        await admin.PutJsonAsync($"/api/v1/users/{adminId}", Body("System administrator", "Viewer", ministry), HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(deactivate.ErrorFields(), Is.EqualTo(new[] { "active" }));
            Assert.That(deactivate.Str("detail"), Does.Contain("last active system administrator"));
            Assert.That(demote.ErrorFields(), Is.EqualTo(new[] { "role" }));
            Assert.That(stillLast.ErrorFields(), Is.EqualTo(new[] { "role" }), "a deactivated administrator does not count");
            Assert.That(Sql.Query<string>(app, "SELECT Role FROM Users WHERE Id = @id", new { id = adminId }).Single(), Is.EqualTo("Viewer"));
        });
    }

    [Test]
    public async Task An_assignment_is_ended_from_a_date_after_its_start_and_only_once()
    {
        var id = await _app.UserAsync(Fp, Role.FocalPoint, _agencies[0]);
        var assignment = await _admin.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/focal-points", new { userId = id, validFrom = "2024-07-01" }, HttpStatusCode.Created);
        var url = $"/api/v1/offices/{_agencies[1]}/focal-points/{assignment.Id()}/end";
        var user = await _app.SignInAsync(Fp);
        await user.GetJsonAsync($"/api/v1/offices/{_agencies[1]}");

        var beforeStart = await _admin.PostJsonAsync(url, new { validUntil = "2024-06-30" }, HttpStatusCode.BadRequest);
        var ended = await _admin.PostJsonAsync(url, new { validUntil = "2024-09-25" }, HttpStatusCode.OK);
        var again = await _admin.PostJsonAsync(url, new { validUntil = "2024-09-30" }, HttpStatusCode.Conflict);
        await _admin.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/focal-points/{assignment.Id()}/end", new { validUntil = "2024-09-25" }, HttpStatusCode.NotFound);

        Assert.Multiple(() =>
        {
            Assert.That(beforeStart.ErrorFields(), Is.EqualTo(new[] { "validUntil" }));
            Assert.That(ended.Str("validUntil"), Is.EqualTo("2024-09-25"));
            Assert.That(again.ErrorFields(), Is.EqualTo(new[] { "validUntil" }));
        });
        await user.GetJsonAsync($"/api/v1/offices/{_agencies[1]}", HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Users_are_listed_by_role_and_search()
    {
        await _app.UserAsync($"u{_n}.a1.fp", Role.FocalPoint, _agencies[0]);
        await _app.UserAsync($"u{_n}.viewer", Role.Viewer, _ministry);

        var focalPoints = await _admin.GetJsonAsync("/api/v1/users?role=FocalPoint");
        var searched = await _admin.GetJsonAsync($"/api/v1/users?search=U{_n}.VIEW");
        // Other tests' users share the app: the role's list is compared with the table, in username order.
        var everyFocalPoint = Sql.Query<string>(_app, "SELECT Username FROM Users WHERE Role = 'FocalPoint' ORDER BY Username");

        Assert.Multiple(() =>
        {
            Assert.That(focalPoints.EnumerateArray().Select(u => u.Str("username")), Is.EqualTo(everyFocalPoint));
            Assert.That(focalPoints.EnumerateArray().Select(u => u.Str("username")), Does.Contain($"u{_n}.a1.fp").And.Not.Contain($"u{_n}.viewer"));
            Assert.That(searched.EnumerateArray().Select(u => u.Str("username")), Is.EqualTo(new[] { $"u{_n}.viewer" }));
        });
    }
}
