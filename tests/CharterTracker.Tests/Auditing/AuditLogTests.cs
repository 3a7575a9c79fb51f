using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Auditing;

/// <summary>
/// Every command leaves one row in <c>AuditLog</c>, whatever its outcome; queries leave none.
/// World: M1 ─ A1 and M2 ─ B1; a focal point at A1.
/// One app and one world for the fixture: each test's users and offices have their own names (<see cref="_n"/>), the
/// clock is set back before each test, and a test reads only the audit rows written after it began.
/// </summary>
public sealed class AuditLogTests
{
    private static readonly DateTimeOffset Today = TestClock.At(2024, 8, 15).GetUtcNow();

    private TestApp _app = null!;
    private long _m1;
    private long _a1;
    private long _m2;
    private long _b1;
    private int _serial;
    /// <summary>This test's suffix for the names it creates.</summary>
    private string _n = "";

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 8, 15));
        var given = new Given(_app);
        _m1 = await given.OfficeAsync("M1", kind: OfficeKind.Ministry);
        _a1 = await given.OfficeAsync("A1", _m1);
        _m2 = await given.OfficeAsync("M2", kind: OfficeKind.Ministry);
        _b1 = await given.OfficeAsync("B1", _m2);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [SetUp]
    public void ResetClock()
    {
        _app.Clock.Set(Today);
        _n = $"{++_serial}";
    }

    /// <summary>A row of AuditLog as stored (instants as the ISO text the database holds).</summary>
    private sealed class AuditRow
    {
        public long Id { get; init; }
        public string OccurredAtUtc { get; init; } = "";
        public long? UserId { get; init; }
        public string Username { get; init; } = "";
        public string Action { get; init; } = "";
        public long? OfficeId { get; init; }
        public long? EntityId { get; init; }
        public string Outcome { get; init; } = "";
        public string Payload { get; init; } = "";
        public string? Detail { get; init; }
    }

    private IReadOnlyList<AuditRow> RowsAfter(long lastId) =>
        Sql.Query<AuditRow>(_app,
            "SELECT Id, OccurredAtUtc, UserId, Username, Action, OfficeId, EntityId, Outcome, Payload, Detail FROM AuditLog WHERE Id > @lastId ORDER BY Id",
            new { lastId });

    private long LastAuditId() => Sql.Query<long>(_app, "SELECT COALESCE(MAX(Id), 0) FROM AuditLog").Single();

    private long UserId(string username) => Sql.Query<long>(_app, "SELECT Id FROM Users WHERE Username = @username", new { username }).Single();

    /// <summary>This test's focal point (<c>focal{n}</c>), at A1 unless told.</summary>
    private string Focal => $"focal{_n}";

    private Task<HttpClient> FocalPointAsync(long? at = null) => _app.AsNewUserAsync(Focal, Role.FocalPoint, at ?? _a1);

    [Test]
    public async Task A_registered_office_leaves_one_succeeded_row_naming_the_user_the_parent_and_the_new_office()
    {
        var focal = await FocalPointAsync();
        var last = LastAuditId();
        var now = new DateTimeOffset(2024, 8, 15, 7, 23, 45, TimeSpan.Zero);
        _app.Clock.Set(now);

        var code = $"A1-DHK{_n}";
        var office = await focal.PostJsonAsync("/api/v1/offices",
            new { code, nameBn = "ঢাকা জেলা কার্যালয়", nameEn = "Dhaka district office", kind = "DistrictOffice", parentId = _a1 }, HttpStatusCode.Created);

        var row = RowsAfter(last).Single();
        var payload = JsonDocument.Parse(row.Payload).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(row.Action, Is.EqualTo("RegisterOffice"));
            Assert.That(row.Outcome, Is.EqualTo("Succeeded"));
            Assert.That(row.UserId, Is.EqualTo(UserId(Focal)));
            Assert.That(row.Username, Is.EqualTo(Focal));
            Assert.That(row.OfficeId, Is.EqualTo(_a1), "the office the command acted on: the parent");
            Assert.That(row.EntityId, Is.EqualTo(office.Id()), "the office it created");
            Assert.That(DateTimeOffset.Parse(row.OccurredAtUtc, CultureInfo.InvariantCulture), Is.EqualTo(now));
            Assert.That(row.OccurredAtUtc, Does.EndWith("Z"), "stored as UTC");
            Assert.That(row.Detail, Is.Null);
            Assert.That(payload.Str("code"), Is.EqualTo(code));
            Assert.That(payload.Str("nameBn"), Is.EqualTo("ঢাকা জেলা কার্যালয়"));
            Assert.That(payload.Str("kind"), Is.EqualTo("DistrictOffice"));
            Assert.That(payload.GetProperty("parentId").GetInt64(), Is.EqualTo(_a1));
        });
    }

    [Test]
    public async Task A_rename_leaves_a_row_naming_the_renamed_office()
    {
        var focal = await FocalPointAsync();
        var last = LastAuditId();

        await focal.PostJsonAsync($"/api/v1/offices/{_a1}/rename", new { nameBn = "নতুন", nameEn = "New name" }, HttpStatusCode.OK);

        var row = RowsAfter(last).Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Action, Is.EqualTo("RenameOffice"));
            Assert.That(row.Outcome, Is.EqualTo("Succeeded"));
            Assert.That(row.OfficeId, Is.EqualTo(_a1));
            Assert.That(row.EntityId, Is.EqualTo(_a1));
            Assert.That(JsonDocument.Parse(row.Payload).RootElement.Str("nameEn"), Is.EqualTo("New name"));
        });
    }

    [TestCase("invalid", HttpStatusCode.BadRequest, "kind")]
    [TestCase("outside the subtree", HttpStatusCode.Forbidden, "is outside your office's subtree")]
    [TestCase("unknown parent", HttpStatusCode.NotFound, "Office 9999 does not exist.")]
    [TestCase("duplicate code", HttpStatusCode.Conflict, "Code 'A1' is already taken")]
    public async Task A_rejected_registration_leaves_one_rejected_row_with_the_reason_and_no_office(string scenario, HttpStatusCode status, string reason)
    {
        var focal = await FocalPointAsync();
        var (code, kind, parentId) = scenario switch
        {
            "invalid" => ("A1-X", (string?)null, _a1),
            "outside the subtree" => ("B1-X", "Branch", _b1),
            "unknown parent" => ("NOWHERE-X", "Branch", 9999L),
            "duplicate code" => ("A1", "Branch", _a1),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
        var last = LastAuditId();
        var offices = Sql.Count(_app, "Offices");

        await focal.PostJsonAsync("/api/v1/offices", new { code, nameBn = "ক", nameEn = "Rejected", kind, parentId }, status);

        var row = RowsAfter(last).Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Action, Is.EqualTo("RegisterOffice"));
            Assert.That(row.Outcome, Is.EqualTo("Rejected"));
            Assert.That(row.Username, Is.EqualTo(Focal));
            Assert.That(row.OfficeId, Is.EqualTo(parentId));
            Assert.That(row.EntityId, Is.Null);
            Assert.That(row.Detail, Does.Contain(reason));
            Assert.That(JsonDocument.Parse(row.Payload).RootElement.Str("code"), Is.EqualTo(code));
            Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(offices), "the office was not written");
            Assert.That(Sql.Count(_app, "Offices", "NameEn = 'Rejected'"), Is.Zero);
            Assert.That(Sql.Count(_app, "OfficeChanges", "After LIKE '%Rejected%'"), Is.Zero);
        });
    }

    [Test]
    public async Task A_registered_user_is_audited_with_the_password_redacted()
    {
        const string secret = "Tiger-Lily-2024!";
        var admin = await _app.AsAdminAsync();
        var last = LastAuditId();

        var username = $"salma{_n}";
        var user = await admin.PostJsonAsync("/api/v1/users",
            new { username, password = secret, displayName = "Salma", role = "Viewer", officeId = _a1 }, HttpStatusCode.Created);

        var row = RowsAfter(last).Single();
        var payload = JsonDocument.Parse(row.Payload).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(row.Action, Is.EqualTo("RegisterUser"));
            Assert.That(row.Outcome, Is.EqualTo("Succeeded"));
            Assert.That(row.Username, Is.EqualTo("admin"));
            Assert.That(row.EntityId, Is.EqualTo(user.Id()));
            Assert.That(payload.Str("username"), Is.EqualTo(username));
            Assert.That(payload.Str("password"), Is.EqualTo("***"));
            Assert.That(row.Payload, Does.Not.Contain(secret));
            Assert.That(Sql.Count(_app, "AuditLog", "Payload LIKE @p OR Detail LIKE @p", new { p = "%Tiger-Lily%" }), Is.Zero);
        });
    }

    [Test]
    public async Task A_rejected_user_registration_does_not_leak_the_password_either()
    {
        const string duplicateSecret = "Duplicate-secret-77";
        const string shortSecret = "Short-7";
        var admin = await _app.AsAdminAsync();
        var last = LastAuditId();

        await admin.PostJsonAsync("/api/v1/users",
            new { username = "admin", password = duplicateSecret, displayName = "Again", role = "SystemAdmin" }, HttpStatusCode.Conflict);
        await admin.PostJsonAsync("/api/v1/users",
            new { username = "shorty", password = shortSecret, displayName = "Shorty", role = "SystemAdmin" }, HttpStatusCode.BadRequest);

        var rows = RowsAfter(last);
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (r.Action, r.Outcome)), Is.EqualTo(new[] { ("RegisterUser", "Rejected"), ("RegisterUser", "Rejected") }));
            Assert.That(rows.Select(r => JsonDocument.Parse(r.Payload).RootElement.Str("password")), Is.All.EqualTo("***"));
            Assert.That(rows[0].Detail, Does.Contain("The username 'admin' is taken."));
            Assert.That(rows[1].Detail, Does.Contain("A password is at least 10 characters."));
            Assert.That(Sql.Count(_app, "AuditLog", "Payload LIKE @a OR Detail LIKE @a OR Payload LIKE @b OR Detail LIKE @b",
                new { a = $"%{duplicateSecret}%", b = $"%{shortSecret}%" }), Is.Zero);
        });
    }

    [Test]
    public async Task The_bootstrap_admin_creation_is_audited_as_the_system_without_its_password()
    {
        var admin = await _app.AsAdminAsync();

        var first = RowsAfter(0)[0];
        var viaApi = await admin.GetJsonAsync("/api/v1/audit?limit=1000");

        Assert.Multiple(() =>
        {
            Assert.That(first.Action, Is.EqualTo("RegisterUser"));
            Assert.That(first.Username, Is.EqualTo("system"));
            Assert.That(first.UserId, Is.Null);
            Assert.That(first.EntityId, Is.EqualTo(UserId("admin")));
            Assert.That(JsonDocument.Parse(first.Payload).RootElement.Str("password"), Is.EqualTo("***"));
            Assert.That(Sql.Count(_app, "AuditLog", "Payload LIKE @p OR Detail LIKE @p", new { p = $"%{TestApp.AdminPassword}%" }), Is.Zero);
            Assert.That(viaApi.GetRawText(), Does.Not.Contain(TestApp.AdminPassword));
        });
    }

    [Test]
    public async Task The_audit_of_an_office_is_listed_newest_first_to_someone_who_may_read_it()
    {
        // An agency of its own under M1: the shared A1 carries the other tests' rows.
        var a1 = await new Given(_app).OfficeAsync($"A1-OWN{_n}", _m1);
        var focal = await FocalPointAsync(a1);
        var admin = await _app.AsAdminAsync();
        var created = await focal.PostJsonAsync("/api/v1/offices",
            new { code = $"A1-1-{_n}", nameBn = "ক", nameEn = "Field", kind = "DistrictOffice", parentId = a1 }, HttpStatusCode.Created);
        _app.Clock.Set(_app.Clock.GetUtcNow().AddMinutes(5));
        await focal.PostJsonAsync($"/api/v1/offices/{a1}/rename", new { nameBn = "খ", nameEn = "Renamed" }, HttpStatusCode.OK);
        _app.Clock.Set(_app.Clock.GetUtcNow().AddMinutes(5));
        await focal.PostJsonAsync($"/api/v1/offices/{a1}/rename", new { nameBn = "", nameEn = "" }, HttpStatusCode.BadRequest);
        await admin.PostJsonAsync($"/api/v1/offices/{_b1}/rename", new { nameBn = "গ", nameEn = "Elsewhere" }, HttpStatusCode.OK);
        var committee = await _app.AsNewUserAsync($"committee{_n}", Role.MonitoringCommittee, _m1);

        var entries = await committee.GetJsonAsync($"/api/v1/audit?officeId={a1}");
        var newestTwo = await committee.GetJsonAsync($"/api/v1/audit?officeId={a1}&limit=2");

        var list = entries.EnumerateArray().ToList();
        var ids = list.Select(e => e.Id()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(list.Select(e => (e.Str("action"), e.Str("outcome"))), Is.EqualTo(new[]
            {
                ("RenameOffice", "Rejected"),
                ("RenameOffice", "Succeeded"),
                ("RegisterOffice", "Succeeded"),
            }));
            Assert.That(ids, Is.Ordered.Descending);
            Assert.That(list.Select(e => e.GetProperty("officeId").GetInt64()), Is.All.EqualTo(a1));
            Assert.That(list.Select(e => e.Str("username")), Is.All.EqualTo(Focal));
            Assert.That(list[2].GetProperty("entityId").GetInt64(), Is.EqualTo(created.Id()));
            Assert.That(DateTimeOffset.Parse(list[0].Str("occurredAtUtc"), CultureInfo.InvariantCulture),
                Is.EqualTo(new DateTimeOffset(2024, 8, 15, 6, 10, 0, TimeSpan.Zero)));
            Assert.That(DateTimeOffset.Parse(list[2].Str("occurredAtUtc"), CultureInfo.InvariantCulture),
                Is.EqualTo(new DateTimeOffset(2024, 8, 15, 6, 0, 0, TimeSpan.Zero)));
            Assert.That(list[0].Str("detail"), Does.Contain("nameBn"));
            Assert.That(newestTwo.EnumerateArray().Select(e => e.Id()), Is.EqualTo(ids.Take(2)));
        });
    }

    [TestCase(Role.FocalPoint, "A1", "M1")]
    [TestCase(Role.FocalPoint, "A1", "B1")]
    [TestCase(Role.Viewer, "M2", "A1")]
    [TestCase(Role.MonitoringCommittee, "M2", "A1")]
    public async Task The_audit_of_an_office_outside_the_callers_subtree_is_403(Role role, string userOffice, string target)
    {
        var office = new Dictionary<string, long> { ["M1"] = _m1, ["A1"] = _a1, ["M2"] = _m2, ["B1"] = _b1 };
        var client = await _app.AsNewUserAsync($"outsider{_n}", role, office[userOffice]);

        var response = await client.GetAsync($"/api/v1/audit?officeId={office[target]}");
        var problem = await response.JsonAsync(HttpStatusCode.Forbidden);

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(403));
            Assert.That(problem.Str("detail"), Is.EqualTo($"Office {office[target]} is outside your office's subtree."));
        });
    }

    [Test]
    public async Task The_audit_of_an_unknown_office_is_404()
    {
        var admin = await _app.AsAdminAsync();

        var problem = await admin.GetJsonAsync("/api/v1/audit?officeId=9999", HttpStatusCode.NotFound);

        Assert.That(problem.Str("detail"), Is.EqualTo("Office 9999 does not exist."));
    }

    [Test]
    public async Task The_whole_audit_log_is_listed_to_a_system_administrator()
    {
        var admin = await _app.AsAdminAsync();

        var entries = await admin.GetJsonAsync("/api/v1/audit?limit=1000");

        // The fixture's app holds the other tests' rows too (far fewer than 1000): every one is listed, the world's
        // first five (the bootstrap admin, then M1, A1, M2, B1) last.
        var rows = Sql.Query<AuditRow>(_app, "SELECT Id, Action FROM AuditLog ORDER BY Id DESC");
        Assert.Multiple(() =>
        {
            Assert.That(entries.EnumerateArray().Select(e => e.Id()), Is.EqualTo(rows.Select(r => r.Id)));
            Assert.That(entries.EnumerateArray().Select(e => e.Str("action")), Is.EqualTo(rows.Select(r => r.Action)));
            Assert.That(entries.EnumerateArray().Select(e => e.Str("action")).TakeLast(5),
                Is.EqualTo(new[] { "RegisterOffice", "RegisterOffice", "RegisterOffice", "RegisterOffice", "RegisterUser" }));
        });
    }

    [TestCase(Role.MonitoringCommittee)]
    [TestCase(Role.FocalPoint)]
    [TestCase(Role.Viewer)]
    public async Task The_whole_audit_log_is_403_to_anyone_but_a_system_administrator(Role role)
    {
        var client = await _app.AsNewUserAsync($"someone{_n}", role, _m1);

        var response = await client.GetAsync("/api/v1/audit");
        var problem = await response.JsonAsync(HttpStatusCode.Forbidden);

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.Str("detail"), Is.EqualTo("Only a system administrator may do this."));
        });
    }

    [Test]
    public async Task Reading_leaves_no_audit_row()
    {
        var focal = await FocalPointAsync();
        var admin = await _app.AsAdminAsync();
        var before = Sql.Count(_app, "AuditLog");
        var failedSignIns = Sql.Count(_app, "AuditLog", "Action = 'SignIn' AND Outcome = 'Rejected'");

        await focal.GetJsonAsync($"/api/v1/offices/{_a1}");
        await focal.GetJsonAsync($"/api/v1/offices/{_a1}/children");
        await focal.GetJsonAsync($"/api/v1/offices/{_a1}/subtree");
        await focal.GetJsonAsync($"/api/v1/offices/{_a1}/history");
        await focal.GetJsonAsync($"/api/v1/offices/{_a1}/focal-points");
        await focal.GetJsonAsync("/api/v1/offices");
        await focal.GetJsonAsync("/api/v1/auth/me");
        await focal.GetJsonAsync($"/api/v1/audit?officeId={_a1}");
        await focal.GetJsonAsync($"/api/v1/offices/{_b1}", HttpStatusCode.Forbidden);
        await focal.GetJsonAsync("/api/v1/offices/9999", HttpStatusCode.NotFound);
        await admin.GetJsonAsync("/api/v1/users");
        await admin.GetJsonAsync("/api/v1/audit");
        using var anonymous = _app.Anonymous();
        await anonymous.PostJsonAsync("/api/v1/auth/token", new { username = Focal, password = "Password-" + Focal }, HttpStatusCode.OK);
        await anonymous.PostJsonAsync("/api/v1/auth/token", new { username = Focal, password = "wrong-password" }, HttpStatusCode.Unauthorized);

        // A failed sign-in is the one exception: it is audited (issue 12), a read or a successful sign-in is not.
        Assert.That(Sql.Count(_app, "AuditLog"), Is.EqualTo(before + 1));
        Assert.That(Sql.Count(_app, "AuditLog", "Action = 'SignIn' AND Outcome = 'Rejected'"), Is.EqualTo(failedSignIns + 1));
    }

    [Test]
    public async Task A_focal_point_assignment_is_audited_against_the_office()
    {
        await FocalPointAsync();
        var admin = await _app.AsAdminAsync();
        var last = LastAuditId();

        var assignment = await admin.PostJsonAsync($"/api/v1/offices/{_b1}/focal-points",
            new { userId = UserId(Focal), validFrom = "2024-08-01" }, HttpStatusCode.Created);

        var row = RowsAfter(last).Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Action, Is.EqualTo("AssignFocalPoint"));
            Assert.That(row.Outcome, Is.EqualTo("Succeeded"));
            Assert.That(row.OfficeId, Is.EqualTo(_b1));
            Assert.That(row.EntityId, Is.EqualTo(assignment.Id()));
        });
    }
    [TestCase(0)]
    [TestCase(1001)]
    public async Task An_audit_limit_outside_1_to_1000_is_a_400_naming_limit(int limit)
    {
        var admin = await _app.AsAdminAsync();

        var problem = await admin.GetJsonAsync($"/api/v1/audit?limit={limit}", HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "limit" }));
    }
}
