using System.Net;
using System.Net.Http.Json;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Offices;

/// <summary>
/// One app for the fixture: each test's codes and usernames carry its number (<see cref="_n"/>). The clock is set back
/// before each test, and the sign-ins made after a test moved it are dropped.
/// </summary>
public sealed class RegisterOfficeTests
{
    private static readonly DateTimeOffset Today = TestClock.At(2024, 8, 15).GetUtcNow();

    private TestApp _app = null!;
    private Given _given = null!;
    private int _serial;
    private int _n;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 8, 15));
        _given = new Given(_app);
    }

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [SetUp]
    public void Start()
    {
        _app.SetClockBack(Today);
        _n = ++_serial;
    }

    [Test]
    public async Task Registered_office_is_answered_201_with_the_contract_fields_and_can_be_read_back()
    {
        var admin = await _app.AsAdminAsync();
        var code = $"MOPA{_n}";
        var response = await admin.PostAsJsonAsync("/api/v1/offices",
            new { code, nameBn = "জনপ্রশাসন মন্ত্রণালয়", nameEn = "Ministry of Public Administration", kind = "Ministry", activeFrom = "2015-07-01" });
        var office = await response.JsonAsync(HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/offices/{office.Id()}"));
            Assert.That(office.Str("code"), Is.EqualTo(code));
            Assert.That(office.Str("nameBn"), Is.EqualTo("জনপ্রশাসন মন্ত্রণালয়"));
            Assert.That(office.Str("nameEn"), Is.EqualTo("Ministry of Public Administration"));
            Assert.That(office.Str("kind"), Is.EqualTo("Ministry"));
            Assert.That(office.GetProperty("parentId").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(office.Str("activeFrom"), Is.EqualTo("2015-07-01"));
            Assert.That(office.GetProperty("active").GetBoolean(), Is.True);
        });
        var read = await admin.GetJsonAsync($"/api/v1/offices/{office.Id()}");
        Assert.That(read.Str("nameBn"), Is.EqualTo("জনপ্রশাসন মন্ত্রণালয়"));
    }

    [Test]
    public async Task Children_are_listed_under_their_parent_in_code_order()
    {
        var (ministry, _) = await _given.MinistryWithAsync(3, $"MIN{_n}");
        var admin = await _app.AsAdminAsync();

        var children = await admin.GetJsonAsync($"/api/v1/offices/{ministry}/children");

        Assert.That(children.EnumerateArray().Select(c => c.Str("code")), Is.EqualTo(new[] { $"MIN{_n}-A1", $"MIN{_n}-A2", $"MIN{_n}-A3" }));
        Assert.That(children.EnumerateArray().Select(c => c.GetProperty("parentId").GetInt64()), Is.All.EqualTo(ministry));
    }

    [Test]
    public async Task Invalid_office_is_rejected_400_naming_every_bad_field_and_nothing_is_written()
    {
        var admin = await _app.AsAdminAsync();
        var before = Sql.Count(_app, "Offices");

        var problem = await admin.PostJsonAsync("/api/v1/offices", new { code = "has space", nameBn = "", nameEn = "Name" }, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "code", "nameBn", "kind" }));
        Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(before));
    }

    [Test]
    public async Task A_date_in_the_wrong_format_is_a_400_naming_the_field_not_a_500()
    {
        var admin = await _app.AsAdminAsync();

        var problem = await admin.PostJsonAsync("/api/v1/offices",
            new { code = "X1", nameBn = "ক", nameEn = "X", kind = "Agency", activeFrom = "22/09/2024" }, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "activeFrom" }));
    }

    [Test]
    public async Task An_unknown_kind_is_a_400_naming_kind()
    {
        var admin = await _app.AsAdminAsync();

        var problem = await admin.PostJsonAsync("/api/v1/offices",
            new { code = "X1", nameBn = "ক", nameEn = "X", kind = "Castle" }, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "kind" }));
    }

    [Test]
    public async Task A_duplicate_code_is_a_409_naming_code_whatever_its_case()
    {
        await _given.OfficeAsync($"BPATC{_n}");
        var admin = await _app.AsAdminAsync();
        var code = $"bpatc{_n}";

        var problem = await admin.PostJsonAsync("/api/v1/offices",
            new { code, nameBn = "ক", nameEn = "Another", kind = "Agency" }, HttpStatusCode.Conflict);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "code" }));
        Assert.That(Sql.Count(_app, "Offices", "Code = @code", new { code }), Is.EqualTo(1), "the original stays, no second row");
    }

    [Test]
    public async Task A_code_taken_outside_the_callers_subtree_is_a_409_that_names_neither_the_office_nor_its_id()
    {
        var (_, mine) = await _given.MinistryWithAsync(1, $"MIN{_n}");
        var (_, others) = await _given.MinistryWithAsync(1, $"OTH{_n}");
        var focalPoint = await _app.AsNewUserAsync($"fp{_n}", CharterTracker.Access.Role.FocalPoint, mine[0]);

        var problem = await focalPoint.PostJsonAsync("/api/v1/offices",
            new { code = $"OTH{_n}-A1", nameBn = "ক", nameEn = "Mine", kind = "DistrictOffice", parentId = mine[0] }, HttpStatusCode.Conflict);

        Assert.That(problem.Str("detail"), Does.Contain("taken").And.Not.Match($@"\b{others[0]}\b").And.Not.Contain($"Office OTH{_n}-A1"));
    }

    [Test]
    public async Task An_unknown_parent_is_a_404()
    {
        var admin = await _app.AsAdminAsync();

        var problem = await admin.PostJsonAsync("/api/v1/offices",
            new { code = "X1", nameBn = "ক", nameEn = "X", kind = "Agency", parentId = 999 }, HttpStatusCode.NotFound);

        Assert.That(problem.Str("detail"), Does.Contain("999"));
    }

    [Test]
    public async Task A_child_cannot_start_before_its_parent_exists()
    {
        var parent = await _given.OfficeAsync($"P{_n}", activeFrom: "2024-07-01");
        var admin = await _app.AsAdminAsync();

        var problem = await admin.PostJsonAsync("/api/v1/offices",
            new { code = $"C{_n}", nameBn = "ক", nameEn = "C", kind = "Agency", parentId = parent, activeFrom = "2024-01-01" }, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "parentId" }));
    }

    [Test]
    public async Task A_focal_point_may_not_back_date_an_office_before_the_current_quarter()
    {
        var agency = await _given.OfficeAsync($"AG{_n}");
        var focalPoint = await _app.AsNewUserAsync($"fp{_n}", CharterTracker.Access.Role.FocalPoint, agency);

        var problem = await focalPoint.PostJsonAsync("/api/v1/offices",
            new { code = $"AG{_n}-1", nameBn = "ক", nameEn = "Field", kind = "DistrictOffice", parentId = agency, activeFrom = "2024-06-30" }, HttpStatusCode.BadRequest);
        var allowed = await focalPoint.PostJsonAsync("/api/v1/offices",
            new { code = $"AG{_n}-2", nameBn = "খ", nameEn = "Field 2", kind = "DistrictOffice", parentId = agency, activeFrom = "2024-07-01" }, HttpStatusCode.Created);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "activeFrom" }));
        Assert.That(problem.GetProperty("errors").GetProperty("activeFrom")[0].GetString(), Does.Contain("2024-07-01"));
        Assert.That(allowed.Str("activeFrom"), Is.EqualTo("2024-07-01"));
    }

    [Test]
    public async Task Activation_date_defaults_to_today_in_Dhaka()
    {
        // 23:30 UTC on 14 Aug is already 15 Aug in Dhaka (UTC+6).
        _app.Clock.Set(new DateTimeOffset(2024, 8, 14, 23, 30, 0, TimeSpan.Zero));
        _app.ForgetSignIns();   // the administrator signs in at that hour, as on a fresh app
        var admin = await _app.AsAdminAsync();

        var office = await admin.PostJsonAsync("/api/v1/offices", new { code = $"T{_n}", nameBn = "ক", nameEn = "T", kind = "Ministry" }, HttpStatusCode.Created);

        Assert.That(office.Str("activeFrom"), Is.EqualTo("2024-08-15"));
    }
}
