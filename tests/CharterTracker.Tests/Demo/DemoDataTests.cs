using System.Net;
using System.Net.Http.Json;
using CharterTracker.Demo;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Demo;

public sealed class DemoDataTests
{
    private static readonly Dictionary<string, string?> DemoOn = new() { ["Charter:DemoData"] = "true" };

    /// <summary>After fiscal year 2024-25 closed: the demo year is complete.</summary>
    private static TestClock AfterTheYear() => TestClock.At(2025, 8, 31);

    /// <summary>The demo set loaded once after the year, for the tests that only read it (loading it takes seconds).</summary>
    private TestApp? _afterTheYear;

    private async Task<TestApp> AfterTheYearAsync() => _afterTheYear ??= await TestApp.StartAsync(AfterTheYear(), settings: DemoOn);

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_afterTheYear is not null) await _afterTheYear.DisposeAsync();
    }

    [Test]
    public async Task The_demo_set_holds_the_ministry_of_the_seed_minutes_with_its_eight_agencies_and_field_offices()
    {
        var app = await AfterTheYearAsync();
        var committee = await app.AsAsync("committee", DemoData.Password);

        var ministry = (await committee.GetJsonAsync("/api/v1/offices?search=MOPA&pageSize=1")).GetProperty("items")[0];
        var children = await committee.GetJsonAsync($"/api/v1/offices/{ministry.Id()}/children");
        var subtree = await committee.GetJsonAsync($"/api/v1/offices/{ministry.Id()}/subtree");

        var agencies = children.EnumerateArray().Where(c => c.Str("kind") is "Agency" or "Department").Select(c => c.Str("code"));
        Assert.Multiple(() =>
        {
            Assert.That(ministry.Str("nameBn"), Is.EqualTo("জনপ্রশাসন মন্ত্রণালয়"));
            Assert.That(agencies, Is.EquivalentTo(new[] { "BKKB", "BPATC", "BCSAA", "NAPD", "DPP", "DGT", "BIAM", "GEH" }));
            Assert.That(subtree.EnumerateArray().Count(o => o.Str("kind") == "DivisionalOffice"), Is.EqualTo(8 + 4), "BKKB's 8 divisional offices and BPATC's 4 regional centres");
            Assert.That(subtree.EnumerateArray().Count(o => o.Str("kind") == "DistrictOffice"), Is.EqualTo(13), "BKKB's district offices in Dhaka division");
            Assert.That(subtree.EnumerateArray().Select(o => o.Str("code")), Does.Contain("MOPA-CP3"));
        });
    }

    [Test]
    public async Task Every_demo_user_signs_in_with_the_documented_password_and_acts_in_its_role()
    {
        var app = await AfterTheYearAsync();

        foreach (var (username, _, role, officeCode) in DemoData.Users)
        {
            var client = await app.AsAsync(username, DemoData.Password);
            var me = await client.GetJsonAsync("/api/v1/auth/me");
            var office = await client.GetJsonAsync($"/api/v1/offices/{me.GetProperty("officeId").GetInt64()}");
            Assert.Multiple(() =>
            {
                Assert.That(me.Str("role"), Is.EqualTo(role.ToString()), username);
                Assert.That(office.Str("code"), Is.EqualTo(officeCode), username);
            });
        }
        var bkkbFocalPoint = await app.AsAsync("bkkb.fp", DemoData.Password);
        var bpatc = (await (await app.AsAdminAsync()).GetJsonAsync("/api/v1/offices?search=BPATC&pageSize=1")).GetProperty("items")[0];
        await bkkbFocalPoint.GetJsonAsync($"/api/v1/offices/{bpatc.Id()}", HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_demo_set_is_loaded_once_and_a_restart_keeps_the_data_and_the_tokens()
    {
        string directory;
        string token;
        long officeId;
        await using (var first = await TestApp.StartAsync(settings: DemoOn))
        {
            directory = first.Directory;
            var admin = await first.AsAdminAsync();
            officeId = (await admin.PostJsonAsync("/api/v1/offices", new { code = "NEW-1", nameBn = "নতুন", nameEn = "New", kind = "Ministry" }, HttpStatusCode.Created)).Id();
            token = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        }
        var offices = 0L;
        await using (var second = await TestApp.StartAsync(directory: directory, settings: DemoOn))
        {
            using var sameToken = second.Anonymous();
            sameToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var office = await sameToken.GetJsonAsync($"/api/v1/offices/{officeId}");
            Assert.That(office.Str("nameBn"), Is.EqualTo("নতুন"));
            offices = Sql.Count(second, "Offices");
            Assert.That(Sql.Count(second, "Offices", "Code = 'MOPA'"), Is.EqualTo(1), "the demo set is not loaded twice");
        }
        Assert.That(offices, Is.EqualTo(1 + 6 + 8 + 8 + 13 + 4 + 1));
    }

    [Test]
    public async Task Demo_data_is_not_loaded_unless_asked()
    {
        await using var app = await TestApp.StartAsync();

        Assert.That(Sql.Count(app, "Offices"), Is.Zero);
        using var anonymous = app.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "committee", password = DemoData.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_demo_year_2024_25_is_mostly_on_time_with_some_late_and_some_missing_records()
    {
        var app = await AfterTheYearAsync();

        // 34 offices that are not internal branches × 4 quarters could have a charter update each.
        var updates = Sql.Query<(long Quarter, string RecordedOn)>(app, "SELECT Quarter, RecordedOn FROM CharterUpdates WHERE FiscalYear = '2024-25'");
        var due = new Dictionary<long, string> { [1] = "2024-10-15", [2] = "2025-01-15", [3] = "2025-04-15", [4] = "2025-07-15" };
        var late = updates.Count(u => string.CompareOrdinal(u.RecordedOn, due[u.Quarter]) > 0);
        Assert.Multiple(() =>
        {
            Assert.That(updates, Has.Count.InRange(110, 135), "most but not all of 136");
            Assert.That(late, Is.InRange(5, updates.Count / 3), "some late, most on time");
            Assert.That(Sql.Count(app, "Meetings", "FiscalYear = '2024-25'"), Is.GreaterThan(90));
            Assert.That(Sql.Count(app, "Reports", "Kind = 'QuarterlyImplementation'"), Is.GreaterThan(60));
            Assert.That(Sql.Count(app, "Reports", "Kind = 'AnnualProgress'"), Is.GreaterThan(15));
            Assert.That(Sql.Count(app, "Trainings"), Is.InRange(25, 33), "one a year, not by the struggling offices");
        });
    }

    [Test]
    public async Task The_demo_holds_the_seed_minutes_of_19_September_2024()
    {
        var app = await AfterTheYearAsync();
        var focalPoint = await app.AsAsync("mopa.fp", DemoData.Password);
        var id = Sql.Query<long>(app, "SELECT Id FROM Meetings WHERE HeldOn = '2024-09-19'").Single();

        var minutes = await focalPoint.GetJsonAsync($"/api/v1/meetings/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(minutes.GetProperty("chair").Str("name"), Is.EqualTo("মোঃ পারভেজ হাসান"));
            Assert.That(minutes.Str("memoNumber"), Is.EqualTo("05.00.0000.197.16.001.24.136"));
            Assert.That(minutes.Str("issuedOn"), Is.EqualTo("2024-09-22"));
            Assert.That(minutes.GetProperty("agenda").GetArrayLength(), Is.EqualTo(4));
            Assert.That(minutes.GetProperty("distribution").GetArrayLength(), Is.EqualTo(14));
        });
    }

    [Test]
    public async Task Demo_records_are_only_those_dated_on_or_before_today()
    {
        await using var app = await TestApp.StartAsync(TestClock.At(2024, 10, 1), settings: DemoOn);

        Assert.That(Sql.Count(app, "CharterUpdates", "RecordedOn > '2024-10-01' OR UpdatedOn > '2024-10-01'"), Is.Zero);
        Assert.That(Sql.Count(app, "CharterUpdates"), Is.GreaterThan(10));
    }

    [Test]
    public async Task Besides_the_seed_year_the_demo_plans_and_records_the_year_before_todays_and_todays_up_to_today()
    {
        await using var app = await TestApp.StartAsync(TestClock.At(2026, 11, 20), settings: DemoOn);

        var plans = Sql.Query<string>(app, "SELECT FiscalYear FROM ActionPlans ORDER BY FiscalYear");
        var updates = Sql.Query<(string FiscalYear, long Quarter)>(app, "SELECT DISTINCT FiscalYear, Quarter FROM CharterUpdates ORDER BY FiscalYear, Quarter");

        Assert.Multiple(() =>
        {
            Assert.That(plans, Is.EqualTo(new[] { "2024-25", "2025-26", "2026-27" }));
            Assert.That(updates, Is.EqualTo(new (string, long)[]
            {
                ("2024-25", 1), ("2024-25", 2), ("2024-25", 3), ("2024-25", 4), ("2025-26", 1), ("2025-26", 2), ("2025-26", 3), ("2025-26", 4), ("2026-27", 1), ("2026-27", 2),
            }));
            Assert.That(Sql.Count(app, "CharterUpdates", "RecordedOn > '2026-11-20' OR UpdatedOn > '2026-11-20'"), Is.Zero);
            Assert.That(Sql.Count(app, "Meetings", "HeldOn = '2024-09-19'"), Is.EqualTo(1), "the seed minutes once");
        });
    }
}
