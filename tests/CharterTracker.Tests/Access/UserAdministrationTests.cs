using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Access;

/// <summary>Changing users over the API: PUT /users/{id}, a new password, ending a focal point assignment, the last administrator.</summary>
public sealed class UserAdministrationTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private long _ministry;
    private long[] _agencies = [];

    [SetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        _admin = await _app.AsAdminAsync();
        (_ministry, _agencies) = await new Given(_app).MinistryWithAsync(2);
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private static object Body(string displayName, string role, long? officeId, bool active = true, string language = "en", string? email = null) =>
        new { displayName, email, role, officeId, language, active };

    private long AdminId => Sql.Query<long>(_app, "SELECT Id FROM Users WHERE Username = 'admin'").Single();

    [Test]
    public async Task A_user_is_changed_as_a_whole_and_reads_back_as_changed()
    {
        var id = await _app.UserAsync("fp", Role.FocalPoint, _agencies[0]);

        var changed = await _admin.PutJsonAsync($"/api/v1/users/{id}", Body("Renamed officer", "MonitoringCommittee", _ministry, language: "bn", email: "new@example.gov.bd"), HttpStatusCode.OK);
        var read = await _admin.GetJsonAsync($"/api/v1/users/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(changed.GetRawText(), Is.EqualTo(read.GetRawText()));
            Assert.That((read.Str("displayName"), read.Str("role"), read.GetProperty("officeId").GetInt64(), read.Str("language"), read.Str("email"), read.GetProperty("active").GetBoolean()),
                Is.EqualTo(("Renamed officer", "MonitoringCommittee", _ministry, "bn", "new@example.gov.bd", true)));
            Assert.That(read.Str("username"), Is.EqualTo("fp"), "the username stays");
            Assert.That(Sql.Count(_app, "AuditLog", "Action = 'ChangeUser' AND Outcome = 'Succeeded' AND EntityId = @id", new { id }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_change_missing_its_fields_is_a_400_naming_each_and_changes_nothing()
    {
        var id = await _app.UserAsync("fp", Role.FocalPoint, _agencies[0]);

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
        var id = await _app.UserAsync("fp", Role.FocalPoint, _agencies[0]);
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry);
        var committee = await _app.SignInAsync("committee");

        await committee.PutJsonAsync($"/api/v1/users/{id}", Body("x", "SystemAdmin", null), HttpStatusCode.Forbidden);
        await committee.PostJsonAsync($"/api/v1/users/{id}/password", new { password = "Long-enough-secret" }, HttpStatusCode.Forbidden);

        Assert.That(Sql.Query<string>(_app, "SELECT Role FROM Users WHERE Id = @id", new { id }).Single(), Is.EqualTo("FocalPoint"));
    }

    [Test]
    public async Task A_changed_office_and_role_end_the_users_token_and_apply_from_the_next_sign_in()
    {
        var id = await _app.UserAsync("fp", Role.FocalPoint, _agencies[0]);
        var user = await _app.SignInAsync("fp");
        await user.GetJsonAsync($"/api/v1/offices/{_agencies[0]}");

        await _admin.PutJsonAsync($"/api/v1/users/{id}", Body("fp", "Viewer", _agencies[1]), HttpStatusCode.OK);

        await user.GetJsonAsync($"/api/v1/offices/{_agencies[1]}", HttpStatusCode.Unauthorized);
        _app.ForgetSignIns();
        var again = await _app.SignInAsync("fp");
        await again.GetJsonAsync($"/api/v1/offices/{_agencies[0]}", HttpStatusCode.Forbidden);
        await again.GetJsonAsync($"/api/v1/offices/{_agencies[1]}");
        await again.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/charter-updates",
            new { fiscalYear = "2024-25", quarter = 1, updatedOn = "2024-09-20", hasEvidence = true }, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_deactivated_users_token_is_refused_on_the_next_request_and_they_cannot_get_another()
    {
        var id = await _app.UserAsync("fp", Role.FocalPoint, _agencies[0]);
        var user = await _app.SignInAsync("fp");

        await _admin.PutJsonAsync($"/api/v1/users/{id}", Body("fp", "FocalPoint", _agencies[0], active: false), HttpStatusCode.OK);

        Assert.That((await user.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var anonymous = _app.Anonymous();
        Assert.That((await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "fp", password = "Password-fp" })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Demoting_a_focal_point_ends_their_open_assignments_from_today()
    {
        var id = await _app.UserAsync("fp", Role.FocalPoint, _agencies[0]);
        await _admin.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/focal-points", new { userId = id, validFrom = "2024-07-01" }, HttpStatusCode.Created);

        await _admin.PutJsonAsync($"/api/v1/users/{id}", Body("fp", "Viewer", _agencies[0]), HttpStatusCode.OK);
        var assignments = await _admin.GetJsonAsync($"/api/v1/users/{id}/focal-points");

        Assert.That(assignments.EnumerateArray().Select(a => (a.Str("validFrom"), a.Str("validUntil"))), Is.EqualTo(new[] { ("2024-07-01", "2024-09-25") }));
    }

    [Test]
    public async Task A_new_password_works_at_once_the_old_one_no_longer_does_and_the_audit_keeps_no_password()
    {
        var id = await _app.UserAsync("fp", Role.FocalPoint, _agencies[0]);

        var tooShort = await _admin.PostJsonAsync($"/api/v1/users/{id}/password", new { password = "short" }, HttpStatusCode.BadRequest);
        var reset = await _admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "A-new-secret-2024" });
        using var anonymous = _app.Anonymous();
        var old = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "fp", password = "Password-fp" });
        var fresh = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "fp", password = "A-new-secret-2024" });
        var payload = Sql.Query<string>(_app, "SELECT Payload FROM AuditLog WHERE Action = 'ResetUserPassword' AND Outcome = 'Succeeded'").Single();

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
    public async Task The_last_active_system_administrator_cannot_be_deactivated_or_demoted_but_one_of_two_can()
    {
        var deactivate = await _admin.PutJsonAsync($"/api/v1/users/{AdminId}", Body("System administrator", "SystemAdmin", null, active: false), HttpStatusCode.Conflict);
        var demote = await _admin.PutJsonAsync($"/api/v1/users/{AdminId}", Body("System administrator", "Viewer", _ministry), HttpStatusCode.Conflict);
        var second = await _app.UserAsync("second.admin", Role.SystemAdmin, null);
        await _admin.PutJsonAsync($"/api/v1/users/{second}", Body("second", "SystemAdmin", null, active: false), HttpStatusCode.OK);
        var stillLast = await _admin.PutJsonAsync($"/api/v1/users/{AdminId}", Body("System administrator", "Viewer", _ministry), HttpStatusCode.Conflict);
        await _admin.PutJsonAsync($"/api/v1/users/{second}", Body("second", "SystemAdmin", null), HttpStatusCode.OK);
        await _admin.PutJsonAsync($"/api/v1/users/{AdminId}", Body("System administrator", "Viewer", _ministry), HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(deactivate.ErrorFields(), Is.EqualTo(new[] { "active" }));
            Assert.That(deactivate.Str("detail"), Does.Contain("last active system administrator"));
            Assert.That(demote.ErrorFields(), Is.EqualTo(new[] { "role" }));
            Assert.That(stillLast.ErrorFields(), Is.EqualTo(new[] { "role" }), "a deactivated administrator does not count");
            Assert.That(Sql.Query<string>(_app, "SELECT Role FROM Users WHERE Id = @id", new { id = AdminId }).Single(), Is.EqualTo("Viewer"));
        });
    }

    [Test]
    public async Task An_assignment_is_ended_from_a_date_after_its_start_and_only_once()
    {
        var id = await _app.UserAsync("fp", Role.FocalPoint, _agencies[0]);
        var assignment = await _admin.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/focal-points", new { userId = id, validFrom = "2024-07-01" }, HttpStatusCode.Created);
        var url = $"/api/v1/offices/{_agencies[1]}/focal-points/{assignment.Id()}/end";
        var user = await _app.SignInAsync("fp");
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
        await _app.UserAsync("a1.fp", Role.FocalPoint, _agencies[0]);
        await _app.UserAsync("viewer", Role.Viewer, _ministry);

        var focalPoints = await _admin.GetJsonAsync("/api/v1/users?role=FocalPoint");
        var searched = await _admin.GetJsonAsync("/api/v1/users?search=VIEW");

        Assert.Multiple(() =>
        {
            Assert.That(focalPoints.EnumerateArray().Select(u => u.Str("username")), Is.EqualTo(new[] { "a1.fp" }));
            Assert.That(searched.EnumerateArray().Select(u => u.Str("username")), Is.EqualTo(new[] { "viewer" }));
        });
    }
}
