using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>
/// The administrator's office pages over HTTP: the tree a level at a time, the forms that change it, the CSV import.
/// One app for the fixture: each test has a ministry of its own (code <c>MIN{n}</c>, agencies <c>MIN{n}-A1</c>…), the
/// clock is set back before each test.
/// </summary>
public sealed partial class AdminOfficesTests
{
    private static readonly DateTimeOffset Today = TestClock.At(2024, 9, 25).GetUtcNow();

    private TestApp _app = null!;
    private Given _given = null!;
    private long _ministry;
    private long[] _agencies = [];
    private int _serial;
    /// <summary>This test's ministry's code.</summary>
    private string _min = "";

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        _given = new Given(_app);
        await _app.UserAsync("admin.bn", Role.SystemAdmin, null, language: "bn");
    }

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [SetUp]
    public async Task Start()
    {
        _app.Clock.Set(Today);
        _min = $"MIN{++_serial}";
        (_ministry, _agencies) = await _given.MinistryWithAsync(3, _min);
        await _given.OfficeAsync($"{_min}-A1-D1", _agencies[0], OfficeKind.DistrictOffice);
        await _given.OfficeAsync($"{_min}-A1-D2", _agencies[0], OfficeKind.DistrictOffice);
    }

    private Task<HttpClient> AdminAsync() => _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);

    private static string? Row(string html, long office) =>
        Regex.Match(html, $"<tr data-office=\"{office}\">(.*?)</tr>", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value : null;

    private static string Breadcrumb(string html) =>
        Regex.Replace(Regex.Match(html, "<nav class=\"breadcrumb\"[^>]*>(.*?)</nav>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", "|")
            .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Aggregate("", (all, part) => all.Length == 0 ? part : all + " › " + part);

    [Test]
    public async Task The_tree_shows_an_offices_direct_children_with_their_counts_and_drills_down_with_a_breadcrumb()
    {
        var admin = await AdminAsync();

        var top = await admin.PageAsync("/admin/offices");
        var ministry = await admin.PageAsync($"/admin/offices?officeId={_ministry}");
        var agency = await admin.PageAsync($"/admin/offices?officeId={_agencies[0]}");

        Assert.Multiple(() =>
        {
            Assert.That(Row(top, _ministry), Does.Contain("data-children=\"3\"").And.Contain("Ministry").And.Contain($"href=\"/admin/offices?officeId={_ministry}\""));
            Assert.That(Row(top, _agencies[0]), Is.Null, "the top level shows no grandchildren");
            Assert.That(Row(ministry, _agencies[0]), Does.Contain("data-children=\"2\"").And.Contain($"দপ্তর {_min}-A1").And.Contain($"Office {_min}-A1").And.Contain("Agency"));
            Assert.That(Row(ministry, _agencies[1]), Does.Contain("data-children=\"0\"").And.Contain("data-state=\"active\""));
            Assert.That(Breadcrumb(agency), Is.EqualTo($"All offices › Office {_min} › Office {_min}-A1"));
            Assert.That(agency, Does.Contain($">{_min}-A1-D1<").And.Contain($">{_min}-A1-D2<").And.Contain("District office"));
            Assert.That(agency, Does.Not.Contain($">{_min}-A2<"), "a level shows its own children only");
        });
    }

    [Test]
    public async Task The_tree_in_Bengali_names_kinds_and_counts_in_Bengali()
    {
        var admin = await _app.SignInOnFormAsync("admin.bn");

        var html = await admin.PageAsync($"/admin/offices?officeId={_ministry}");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"bn\">"));
            Assert.That(Row(html, _agencies[0]), Does.Contain("সংস্থা").And.Contain(">২<").And.Contain("সক্রিয়"));
            Assert.That(Breadcrumb(html), Is.EqualTo($"সব দপ্তর › দপ্তর {_min}"));
            Assert.That(html, Does.Contain("সরাসরি অধীন দপ্তর"));
        });
    }

    [Test]
    public async Task Searching_by_code_or_name_lists_the_matches_a_page_at_a_time()
    {
        var admin = await _app.AsAdminAsync();
        var csv = new StringBuilder("code,nameBn,nameEn,kind,parentCode,activeFrom\n");
        for (var i = 1; i <= 55; i++) csv.Append($"UPZ-{i:00},উপজেলা {i},Upazila {i},UpazilaOffice,{_min}-A2,2020-07-01\n");
        (await admin.PostAsync("/api/v1/offices/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var browser = await AdminAsync();

        var first = await browser.PageAsync("/admin/offices?search=upz");
        var second = await browser.PageAsync("/admin/offices?search=upz&page=2");
        var byName = await browser.PageAsync("/admin/offices?search=" + Uri.EscapeDataString("উপজেলা 7"));

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain("55 office(s) found.").And.Contain("Page 1 of 2").And.Contain(">UPZ-01<").And.Contain(">UPZ-50<"));
            Assert.That(first, Does.Not.Contain(">UPZ-51<"));
            Assert.That(first, Does.Contain("href=\"/admin/offices?search=upz&amp;page=2\""));
            Assert.That(second, Does.Contain(">UPZ-55<").And.Not.Contain(">UPZ-01<"));
            Assert.That(byName, Does.Contain("1 office(s) found.").And.Contain(">UPZ-07<"));
        });
    }

    [Test]
    public async Task Registering_an_office_under_the_current_one_saves_it_and_shows_it_among_the_children()
    {
        var admin = await AdminAsync();
        var form = await admin.PageAsync($"/admin/offices/new?parentId={_agencies[1]}");

        var response = await admin.PostFormAsync($"/admin/offices/new?parentId={_agencies[1]}", WebClient.FormToken(form), new Dictionary<string, string>
        {
            ["code"] = $"{_min}-A2-DIV", ["nameBn"] = "বিভাগীয় কার্যালয়, ঢাকা", ["nameEn"] = "Divisional office, Dhaka", ["kind"] = "DivisionalOffice", ["activeFrom"] = "2024-09-25",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"/admin/offices?officeId={_agencies[1]}&saved=office"));
        var level = await admin.PageAsync(response.Headers.Location.OriginalString);
        var stored = Sql.Query<(long ParentId, string Kind, string ActiveFrom)>(_app, "SELECT ParentId, Kind, ActiveFrom FROM Offices WHERE Code = @code", new { code = $"{_min}-A2-DIV" });
        Assert.Multiple(() =>
        {
            Assert.That(WebClient.InputValue(form, "activeFrom"), Is.EqualTo("25/09/2024"), "today by default, day first");
            Assert.That(form, Does.Contain("<option value=\"DivisionalOffice\" selected"), "the kind below an agency");
            Assert.That(stored, Is.EqualTo(new[] { (_agencies[1], "DivisionalOffice", "2024-09-25") }));
            Assert.That(level, Does.Contain("Saved: office").And.Contain($">{_min}-A2-DIV<"));
        });
    }

    [Test]
    public async Task A_register_form_with_mistakes_shows_each_beside_its_field_in_English_and_keeps_what_was_typed()
    {
        var admin = await AdminAsync();
        var form = await admin.PageAsync($"/admin/offices/new?parentId={_ministry}");

        var response = await admin.PostFormAsync($"/admin/offices/new?parentId={_ministry}", WebClient.FormToken(form), new Dictionary<string, string>
        {
            ["code"] = "BAD CODE", ["nameBn"] = "", ["nameEn"] = "An English name", ["kind"] = "Agency", ["activeFrom"] = "2024/09/25",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "activeFrom"), Does.Contain("Not a date"));
            Assert.That(WebClient.InputValue(html, "code"), Is.EqualTo("BAD CODE"));
            Assert.That(WebClient.InputValue(html, "nameEn"), Is.EqualTo("An English name"));
        });
        // With the date corrected the command's own rules speak.
        response = await admin.PostFormAsync($"/admin/offices/new?parentId={_ministry}", WebClient.FormToken(html), new Dictionary<string, string>
        {
            ["code"] = "BAD CODE", ["nameBn"] = "", ["nameEn"] = "An English name", ["kind"] = "Agency", ["activeFrom"] = "2024-09-25",
        });
        html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "code"), Does.Contain("A code is 1–50 letters, digits"));
            Assert.That(WebClient.FieldError(html, "nameBn"), Does.Contain("The Bengali name is required."));
            Assert.That(Sql.Count(_app, "Offices", "NameEn = 'An English name'"), Is.Zero);
        });
    }

    [Test]
    public async Task A_taken_code_and_a_missing_name_are_shown_beside_their_fields_in_Bengali()
    {
        var admin = await _app.SignInOnFormAsync("admin.bn");
        var form = await admin.PageAsync($"/admin/offices/new?parentId={_ministry}");

        var response = await admin.PostFormAsync($"/admin/offices/new?parentId={_ministry}", WebClient.FormToken(form), new Dictionary<string, string>
        {
            ["code"] = $"{_min}-A1", ["nameBn"] = "নতুন দপ্তর", ["nameEn"] = "", ["kind"] = "Agency", ["activeFrom"] = "2024-09-25",
        });
        var html = await response.Content.ReadAsStringAsync();
        var taken = await admin.PostFormAsync($"/admin/offices/new?parentId={_ministry}", WebClient.FormToken(html), new Dictionary<string, string>
        {
            ["code"] = $"{_min}-A1", ["nameBn"] = "নতুন দপ্তর", ["nameEn"] = "New office", ["kind"] = "Agency", ["activeFrom"] = "2024-09-25",
        });
        var takenHtml = await taken.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "nameEn"), Is.EqualTo("✗ ইংরেজি নাম দিতে হবে।"));
            Assert.That(html, Does.Contain("নিচের বিষয়গুলো ঠিক করুন"));
            Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(takenHtml, "code"), Does.Contain($"'{_min}-A1' কোডটি ইতোমধ্যে ব্যবহৃত হয়েছে"));
            Assert.That(Sql.Count(_app, "Offices", "NameBn = 'নতুন দপ্তর'"), Is.Zero);
        });
    }

    [Test]
    public async Task Moving_an_office_through_the_form_hangs_it_under_the_new_parent_from_its_date()
    {
        var admin = await AdminAsync();
        var form = await admin.PageAsync($"/admin/offices/{_agencies[2]}/move");

        var response = await admin.PostFormAsync($"/admin/offices/{_agencies[2]}/move", WebClient.FormToken(form),
            new Dictionary<string, string> { ["newParentId"] = $"{_min}-A1", ["effectiveOn"] = "2024-10-01" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var newParent = await admin.PageAsync($"/admin/offices?officeId={_agencies[0]}");
        var placements = Sql.Query<(long ParentId, string ValidFrom, string? ValidUntil)>(_app,
            "SELECT ParentId, ValidFrom, ValidUntil FROM OfficePlacements WHERE OfficeId = @id ORDER BY ValidFrom", new { id = _agencies[2] });
        Assert.Multiple(() =>
        {
            Assert.That(form, Does.Contain("first day (25 September 2024)").Or.Contain("first day (1 July 2024)"), "the back-dating rule is said beside the date");
            Assert.That(placements, Is.EqualTo(new[] { (_ministry, "2020-07-01", (string?)"2024-10-01"), (_agencies[0], "2024-10-01", (string?)null) }));
            Assert.That(Row(newParent, _agencies[2]), Is.Not.Null, "the tree shows the latest placement");
        });
    }

    [Test]
    public async Task A_move_to_an_unknown_code_or_into_its_own_subtree_is_refused_beside_the_new_parent_in_both_languages()
    {
        var admin = await AdminAsync();
        var bengali = await _app.SignInOnFormAsync("admin.bn");
        var form = await admin.PageAsync($"/admin/offices/{_agencies[0]}/move");
        var formBn = await bengali.PageAsync($"/admin/offices/{_agencies[0]}/move");

        var unknown = await admin.PostFormAsync($"/admin/offices/{_agencies[0]}/move", WebClient.FormToken(form),
            new Dictionary<string, string> { ["newParentId"] = "NOWHERE", ["effectiveOn"] = "2024-10-01" });
        var cycle = await bengali.PostFormAsync($"/admin/offices/{_agencies[0]}/move", WebClient.FormToken(formBn),
            new Dictionary<string, string> { ["newParentId"] = $"{_min}-A1-D1", ["effectiveOn"] = "2024-10-01" });
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        var cycleHtml = await cycle.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(unknownHtml, "newParentId"), Does.Contain("No office has code 'NOWHERE'."));
            Assert.That(WebClient.InputValue(unknownHtml, "newParentId"), Is.EqualTo("NOWHERE"));
            Assert.That(cycle.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(cycleHtml, "newParentId"), Does.Contain("এই দপ্তরেরই অধীনে: স্থানান্তরে চক্র তৈরি হবে"));
            Assert.That(Sql.Count(_app, "OfficePlacements", "OfficeId = @id", new { id = _agencies[0] }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Deactivating_a_leaf_office_marks_it_deactivated_but_one_with_active_children_is_refused_beside_the_date()
    {
        var admin = await _app.SignInOnFormAsync("admin.bn");
        var form = await admin.PageAsync($"/admin/offices/{_agencies[0]}/deactivate");

        var refused = await admin.PostFormAsync($"/admin/offices/{_agencies[0]}/deactivate", WebClient.FormToken(form),
            new Dictionary<string, string> { ["effectiveOn"] = "2024-09-25" });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var leaf = await admin.PostFormAsync($"/admin/offices/{_agencies[1]}/deactivate", WebClient.FormToken(form),
            new Dictionary<string, string> { ["effectiveOn"] = "2024-09-25" });
        var level = await admin.PageAsync($"/admin/offices?officeId={_ministry}");

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(refusedHtml, "effectiveOn"), Does.Contain("২টি সক্রিয় দপ্তর আছে: আগে সেগুলো স্থানান্তর বা নিষ্ক্রিয় করুন"));
            Assert.That(leaf.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(Row(level, _agencies[1]), Does.Contain("data-state=\"deactivated\"").And.Contain("২৫ সেপ্টেম্বর ২০২৪ থেকে নিষ্ক্রিয়"));
            Assert.That(Sql.Query<string?>(_app, "SELECT ActiveUntil FROM Offices WHERE Id = @id", new { id = _agencies[0] }).Single(), Is.Null);
        });
    }

    [Test]
    public async Task Renaming_keeps_the_old_names_in_the_offices_history()
    {
        var admin = await AdminAsync();
        var form = await admin.PageAsync($"/admin/offices/{_agencies[1]}/rename");

        var response = await admin.PostFormAsync($"/admin/offices/{_agencies[1]}/rename", WebClient.FormToken(form),
            new Dictionary<string, string> { ["nameBn"] = "নতুন নাম", ["nameEn"] = "New name" });

        Assert.Multiple(() =>
        {
            Assert.That(WebClient.InputValue(form, "nameEn"), Is.EqualTo($"Office {_min}-A2"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(Sql.Query<string>(_app, "SELECT NameEn FROM Offices WHERE Id = @id", new { id = _agencies[1] }).Single(), Is.EqualTo("New name"));
            Assert.That(Sql.Count(_app, "OfficeChanges", "OfficeId = @id AND Change = 'Renamed' AND Before LIKE @before", new { id = _agencies[1], before = $"%Office {_min}-A2%" }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_focal_point_is_assigned_and_the_assignment_ended_from_the_offices_page()
    {
        var a3FocalPoint = $"a3.{_min}.fp";
        await _app.UserAsync(a3FocalPoint, Role.FocalPoint, _agencies[2]);
        var admin = await AdminAsync();
        var level = await admin.PageAsync($"/admin/offices?officeId={_agencies[0]}");

        var assigned = await admin.PostFormAsync($"/admin/offices/{_agencies[0]}/focal-points", WebClient.FormToken(level),
            new Dictionary<string, string> { ["userId"] = a3FocalPoint, ["validFrom"] = "2024-09-01" });
        var after = await admin.PageAsync($"/admin/offices?officeId={_agencies[0]}");
        var assignment = Sql.Query<long>(_app, "SELECT Id FROM FocalPointAssignments WHERE OfficeId = @id", new { id = _agencies[0] }).Single();
        var endPage = await admin.PageAsync($"/admin/offices/{_agencies[0]}/focal-points/{assignment}/end");
        var tooEarly = await admin.PostFormAsync($"/admin/offices/{_agencies[0]}/focal-points/{assignment}/end", WebClient.FormToken(endPage),
            new Dictionary<string, string> { ["validUntil"] = "2024-08-01" });
        var ended = await admin.PostFormAsync($"/admin/offices/{_agencies[0]}/focal-points/{assignment}/end", WebClient.FormToken(endPage),
            new Dictionary<string, string> { ["validUntil"] = "2024-09-25" });
        var unknownUser = await admin.PostFormAsync($"/admin/offices/{_agencies[0]}/focal-points", WebClient.FormToken(level),
            new Dictionary<string, string> { ["userId"] = "nobody", ["validFrom"] = "2024-09-01" });

        Assert.Multiple(async () =>
        {
            Assert.That(assigned.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await assigned.Content.ReadAsStringAsync());
            Assert.That(after, Does.Contain($"<tr data-assignment=\"{assignment}\">").And.Contain(a3FocalPoint).And.Contain("Open-ended"));
            Assert.That(tooEarly.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(await tooEarly.Content.ReadAsStringAsync(), "validUntil"), Does.Contain("it must end after that"));
            Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(Sql.Query<string?>(_app, "SELECT ValidUntil FROM FocalPointAssignments WHERE Id = @assignment", new { assignment }).Single(), Is.EqualTo("2024-09-25"));
            Assert.That(WebClient.FieldError(await unknownUser.Content.ReadAsStringAsync(), "userId"), Does.Contain("No user is named 'nobody'."));
        });
    }
}
