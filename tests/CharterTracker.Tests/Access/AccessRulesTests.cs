using System.Net;
using System.Net.Http.Json;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Access;

/// <summary>
/// What the generated matrix (<see cref="AccessMatrixTests"/>) does not show: the messages of a refusal, ids that look
/// alike, and focal point assignments over time (the clock moves, so each test has its own app). Over one world:
/// <code>
/// M1 (ministry)            M2 (ministry)
/// ├── A1 (agency)          └── B1 (agency)
/// │   └── F1 (district office)
/// └── A2 (agency)
/// </code>
/// The committee sits at M1, the focal point and the viewer at A1, the administrator at no office.
/// </summary>
public sealed class AccessRulesTests
{
    private TestApp _app = null!;
    private Given _given = null!;
    private Dictionary<string, long> _office = null!;
    private readonly List<HttpClient> _freshClients = [];

    [SetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        _given = new Given(_app);
        var m1 = await _given.OfficeAsync("M1", kind: OfficeKind.Ministry);
        var a1 = await _given.OfficeAsync("A1", m1);
        var a2 = await _given.OfficeAsync("A2", m1);
        var f1 = await _given.OfficeAsync("F1", a1, OfficeKind.DistrictOffice);
        var m2 = await _given.OfficeAsync("M2", kind: OfficeKind.Ministry);
        var b1 = await _given.OfficeAsync("B1", m2);
        _office = new Dictionary<string, long> { ["M1"] = m1, ["A1"] = a1, ["A2"] = a2, ["F1"] = f1, ["M2"] = m2, ["B1"] = b1 };
    }

    [TearDown]
    public async Task Stop()
    {
        foreach (var client in _freshClients) client.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>A signed-in client for the role, at the office the world above gives it.</summary>
    private Task<HttpClient> AsAsync(Role role) => role switch
    {
        Role.SystemAdmin => _app.AsAdminAsync(),
        Role.MonitoringCommittee => _app.AsNewUserAsync("committee", role, _office["M1"]),
        Role.FocalPoint => _app.AsNewUserAsync("focal", role, _office["A1"]),
        Role.Viewer => _app.AsNewUserAsync("viewer", role, _office["A1"]),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>A new token, issued at the clock's current time (the cached clients' tokens expire when the clock moves on).</summary>
    private async Task<HttpClient> SignInNowAsync(string username, string password)
    {
        using var anonymous = _app.Anonymous();
        var token = await anonymous.PostJsonAsync("/api/v1/auth/token", new { username, password }, HttpStatusCode.OK);
        var client = _app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        _freshClients.Add(client);
        return client;
    }

    private static async Task AssertForbiddenProblemAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{what}: {body}");
        var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), what);
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(403), what);
            Assert.That(problem.Str("title"), Is.EqualTo("Forbidden."), what);
        });
    }

    private static object NewOffice(string code, long parentId) =>
        new { code, nameBn = $"দপ্তর {code}", nameEn = $"Office {code}", kind = "Branch", parentId };

    private static object Names(string nameEn) => new { nameBn = "নতুন নাম", nameEn };

    [Test]
    public async Task A_committee_member_reads_the_children_of_its_ministry_down_to_the_field_office()
    {
        var committee = await AsAsync(Role.MonitoringCommittee);

        var ministryChildren = await committee.GetJsonAsync($"/api/v1/offices/{_office["M1"]}/children");
        var agencyChildren = await committee.GetJsonAsync($"/api/v1/offices/{_office["A1"]}/children");

        Assert.Multiple(() =>
        {
            Assert.That(ministryChildren.EnumerateArray().Select(c => c.Str("code")), Is.EqualTo(new[] { "A1", "A2" }));
            Assert.That(agencyChildren.EnumerateArray().Select(c => c.Str("code")), Is.EqualTo(new[] { "F1" }));
        });
    }

    [Test]
    public async Task An_office_whose_id_begins_with_the_same_digits_is_not_part_of_the_subtree()
    {
        // Office 1 is M1. Register roots until one has id 1x: its path "/1x/" starts with the same characters as "/1".
        var admin = await _app.AsAdminAsync();
        long lookalike;
        var serial = 0;
        do
        {
            lookalike = (await admin.PostJsonAsync("/api/v1/offices",
                new { code = $"ROOT-{++serial}", nameBn = "ক", nameEn = "Root", kind = "Ministry" }, HttpStatusCode.Created)).Id();
        }
        while (lookalike < 10);
        Assert.That(_office["M1"], Is.EqualTo(1), "the world starts at office 1");
        var committee = await AsAsync(Role.MonitoringCommittee);

        var read = await committee.GetAsync($"/api/v1/offices/{lookalike}");

        Assert.That(lookalike.ToString(System.Globalization.CultureInfo.InvariantCulture), Does.StartWith("1"));
        await AssertForbiddenProblemAsync(read, $"committee of office 1 reading office {lookalike}");
    }

    [Test]
    public async Task A_committee_member_is_told_it_may_read_but_not_change_its_own_ministry()
    {
        var committee = await AsAsync(Role.MonitoringCommittee);

        var problem = await committee.PostJsonAsync($"/api/v1/offices/{_office["M1"]}/rename", Names("Renamed"), HttpStatusCode.Forbidden);

        Assert.That(problem.Str("detail"), Is.EqualTo($"A MonitoringCommittee may read but not change the records of office {_office["M1"]}."));
    }

    [Test]
    public async Task A_focal_point_is_told_a_sibling_agency_is_outside_its_subtree()
    {
        var focal = await AsAsync(Role.FocalPoint);

        var problem = await focal.PostJsonAsync($"/api/v1/offices/{_office["A2"]}/rename", Names("Renamed"), HttpStatusCode.Forbidden);

        Assert.That(problem.Str("detail"), Is.EqualTo($"Office {_office["A2"]} is outside your office's subtree."));
    }

    [Test]
    public async Task A_focal_point_may_not_add_a_root_office()
    {
        var focal = await AsAsync(Role.FocalPoint);
        var before = Sql.Count(_app, "Offices");

        var problem = await focal.PostJsonAsync("/api/v1/offices",
            new { code = "ROOT-2", nameBn = "ক", nameEn = "Root", kind = "Ministry" }, HttpStatusCode.Forbidden);

        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(403));
            Assert.That(problem.Str("detail"), Is.EqualTo("Only a system administrator may do this."));
            Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(before));
        });
    }

    [TestCase(Role.SystemAdmin)]
    [TestCase(Role.MonitoringCommittee)]
    [TestCase(Role.FocalPoint)]
    [TestCase(Role.Viewer)]
    public async Task An_unknown_office_is_404_whoever_asks(Role role)
    {
        var client = await AsAsync(role);
        var before = Sql.Count(_app, "Offices");

        var read = await client.GetJsonAsync("/api/v1/offices/9999", HttpStatusCode.NotFound);
        var children = await client.GetJsonAsync("/api/v1/offices/9999/children", HttpStatusCode.NotFound);
        var register = await client.PostJsonAsync("/api/v1/offices", NewOffice("NEW-404", 9999), HttpStatusCode.NotFound);
        var rename = await client.PostJsonAsync("/api/v1/offices/9999/rename", Names("Renamed"), HttpStatusCode.NotFound);

        Assert.Multiple(() =>
        {
            foreach (var problem in new[] { read, children, register, rename })
            {
                Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(404));
                Assert.That(problem.Str("detail"), Is.EqualTo("Office 9999 does not exist."));
            }
            Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_system_administrator_lists_the_users()
    {
        await AsAsync(Role.Viewer);
        var admin = await AsAsync(Role.SystemAdmin);

        var users = await admin.GetJsonAsync("/api/v1/users");

        Assert.That(users.EnumerateArray().Select(u => u.Str("username")), Is.EqualTo(new[] { "admin", "viewer" }));
    }

    [Test]
    public async Task A_focal_point_assigned_to_an_office_elsewhere_writes_there_while_the_assignment_runs()
    {
        var focal = await AsAsync(Role.FocalPoint);
        var focalId = Sql.Query<long>(_app, "SELECT Id FROM Users WHERE Username = 'focal'").Single();
        var admin = await _app.AsAdminAsync();
        var b1 = _office["B1"];

        var refusedBefore = await focal.PostAsJsonAsync($"/api/v1/offices/{b1}/rename", Names("Before assignment"));
        var assignment = await admin.PostJsonAsync($"/api/v1/offices/{b1}/focal-points",
            new { userId = focalId, validFrom = "2024-08-01", validUntil = "2024-08-16" }, HttpStatusCode.Created);
        var renamed = await focal.PostJsonAsync($"/api/v1/offices/{b1}/rename", Names("During assignment"), HttpStatusCode.OK);
        var created = await focal.PostJsonAsync("/api/v1/offices", NewOffice("B1-X", b1), HttpStatusCode.Created);
        var read = await focal.GetJsonAsync($"/api/v1/offices/{b1}");
        var parentWrite = await focal.PostAsJsonAsync($"/api/v1/offices/{_office["M2"]}/rename", Names("Parent"));

        await AssertForbiddenProblemAsync(refusedBefore, "rename B1 before the assignment");
        await AssertForbiddenProblemAsync(parentWrite, "rename M2, the parent of the assigned office");
        Assert.Multiple(() =>
        {
            Assert.That(assignment.GetProperty("userId").GetInt64(), Is.EqualTo(focalId));
            Assert.That(assignment.GetProperty("officeId").GetInt64(), Is.EqualTo(b1));
            Assert.That(assignment.Str("validFrom"), Is.EqualTo("2024-08-01"));
            Assert.That(assignment.Str("validUntil"), Is.EqualTo("2024-08-16"));
            Assert.That(renamed.Str("nameEn"), Is.EqualTo("During assignment"));
            Assert.That(created.GetProperty("parentId").GetInt64(), Is.EqualTo(b1));
            Assert.That(read.Str("nameEn"), Is.EqualTo("During assignment"));
        });
    }

    [Test]
    public async Task A_focal_point_assignment_stops_granting_writes_at_midnight_in_Dhaka_on_its_valid_until_day()
    {
        await AsAsync(Role.FocalPoint);
        var focalId = Sql.Query<long>(_app, "SELECT Id FROM Users WHERE Username = 'focal'").Single();
        var admin = await _app.AsAdminAsync();
        var b1 = _office["B1"];
        await admin.PostJsonAsync($"/api/v1/offices/{b1}/focal-points",
            new { userId = focalId, validFrom = "2024-08-01", validUntil = "2024-08-16" }, HttpStatusCode.Created);

        // One minute before midnight of 15 Aug in Dhaka: still assigned.
        _app.Clock.Set(new DateTimeOffset(2024, 8, 15, 23, 59, 0, TimeSpan.FromHours(6)));
        var focal = await SignInNowAsync("focal", "Password-focal");
        var lastMinute = await focal.PostJsonAsync($"/api/v1/offices/{b1}/rename", Names("Last minute"), HttpStatusCode.OK);

        // Midnight in Dhaka (18:00 UTC): 16 Aug, the assignment's exclusive end.
        _app.Clock.Set(new DateTimeOffset(2024, 8, 15, 18, 0, 0, TimeSpan.Zero));
        var offices = Sql.Count(_app, "Offices");
        var renameAfter = await focal.PostAsJsonAsync($"/api/v1/offices/{b1}/rename", Names("Too late"));
        var registerAfter = await focal.PostAsJsonAsync("/api/v1/offices", NewOffice("B1-LATE", b1));
        var readAfter = await focal.GetAsync($"/api/v1/offices/{b1}");
        var ownAgency = await focal.PostJsonAsync($"/api/v1/offices/{_office["A1"]}/rename", Names("Own agency"), HttpStatusCode.OK);

        Assert.That(lastMinute.Str("nameEn"), Is.EqualTo("Last minute"));
        await AssertForbiddenProblemAsync(renameAfter, "rename B1 after the assignment");
        await AssertForbiddenProblemAsync(registerAfter, "register under B1 after the assignment");
        await AssertForbiddenProblemAsync(readAfter, "read B1 after the assignment");
        Assert.Multiple(() =>
        {
            Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(offices));
            Assert.That(Sql.Count(_app, "Offices", "Id = @b1 AND NameEn = 'Last minute'", new { b1 }), Is.EqualTo(1));
            Assert.That(ownAgency.Str("nameEn"), Is.EqualTo("Own agency"), "its own subtree is unaffected");
        });
    }

    [Test]
    public async Task A_focal_point_assignment_that_has_not_started_grants_nothing_yet()
    {
        var focal = await AsAsync(Role.FocalPoint);
        var focalId = Sql.Query<long>(_app, "SELECT Id FROM Users WHERE Username = 'focal'").Single();
        var admin = await _app.AsAdminAsync();
        var b1 = _office["B1"];
        await admin.PostJsonAsync($"/api/v1/offices/{b1}/focal-points", new { userId = focalId, validFrom = "2024-08-16" }, HttpStatusCode.Created);

        var today = await focal.PostAsJsonAsync($"/api/v1/offices/{b1}/rename", Names("Too early"));
        _app.Clock.SetDhakaDate(2024, 8, 16);
        var tomorrow = await SignInNowAsync("focal", "Password-focal");
        var fromFirstDay = await tomorrow.PostJsonAsync($"/api/v1/offices/{b1}/rename", Names("First day"), HttpStatusCode.OK);

        await AssertForbiddenProblemAsync(today, "rename B1 the day before the assignment starts");
        Assert.That(fromFirstDay.Str("nameEn"), Is.EqualTo("First day"));
    }

    [Test]
    public async Task A_focal_point_assignment_gives_a_committee_member_no_write_access()
    {
        var committee = await _app.AsNewUserAsync("committee2", Role.MonitoringCommittee, _office["M1"]);
        var userId = Sql.Query<long>(_app, "SELECT Id FROM Users WHERE Username = 'committee2'").Single();
        var admin = await _app.AsAdminAsync();

        var problem = await admin.PostJsonAsync($"/api/v1/offices/{_office["B1"]}/focal-points",
            new { userId, validFrom = "2024-08-01" }, HttpStatusCode.BadRequest);
        var write = await committee.PostAsJsonAsync($"/api/v1/offices/{_office["B1"]}/rename", Names("Nope"));

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "userId" }));
        await AssertForbiddenProblemAsync(write, "committee member renaming B1");
        Assert.That(Sql.Count(_app, "FocalPointAssignments"), Is.Zero);
    }
    [Test]
    public async Task An_overlapping_focal_point_assignment_is_a_409_naming_validFrom()
    {
        await AsAsync(Role.FocalPoint);
        var userId = Sql.Query<long>(_app, "SELECT Id FROM Users WHERE Username = 'focal'").Single();
        var admin = await _app.AsAdminAsync();
        await admin.PostJsonAsync($"/api/v1/offices/{_office["B1"]}/focal-points",
            new { userId, validFrom = "2024-08-01", validUntil = "2024-10-01" }, HttpStatusCode.Created);

        var overlapping = await admin.PostJsonAsync($"/api/v1/offices/{_office["B1"]}/focal-points",
            new { userId, validFrom = "2024-09-15" }, HttpStatusCode.Conflict);
        var following = await admin.PostJsonAsync($"/api/v1/offices/{_office["B1"]}/focal-points",
            new { userId, validFrom = "2024-10-01" }, HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(overlapping.ErrorFields(), Is.EqualTo(new[] { "validFrom" }));
            Assert.That(following.Str("validFrom"), Is.EqualTo("2024-10-01"));
            Assert.That(Sql.Count(_app, "FocalPointAssignments"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_focal_point_assignment_must_end_after_it_starts()
    {
        await AsAsync(Role.FocalPoint);
        var userId = Sql.Query<long>(_app, "SELECT Id FROM Users WHERE Username = 'focal'").Single();
        var admin = await _app.AsAdminAsync();

        var problem = await admin.PostJsonAsync($"/api/v1/offices/{_office["B1"]}/focal-points",
            new { userId, validFrom = "2024-08-16", validUntil = "2024-08-16" }, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "validUntil" }));
            Assert.That(Sql.Count(_app, "FocalPointAssignments"), Is.Zero);
        });
    }
}
