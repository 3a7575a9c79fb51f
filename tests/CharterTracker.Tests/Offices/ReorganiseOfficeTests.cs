using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Offices;

/// <summary>Rename, move and deactivate: the tree changes from a date, and what stood before stays readable.</summary>
public sealed class ReorganiseOfficeTests
{
    private TestApp _app = null!;
    private Given _given = null!;
    private HttpClient _admin = null!;

    [SetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        _given = new Given(_app);
        _admin = await _app.AsAdminAsync();
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private static IEnumerable<string> Codes(JsonElement offices) => offices.EnumerateArray().Select(o => o.Str("code"));

    [Test]
    public async Task Moved_office_takes_its_subtree_along_from_the_effective_date_and_the_old_tree_stays_readable()
    {
        var (ministry, agencies) = await _given.MinistryWithAsync(2);
        var field = await _given.OfficeAsync("MIN-A1-F1", agencies[0], CharterTracker.Offices.OfficeKind.DistrictOffice);

        var moved = await _admin.PostJsonAsync($"/api/v1/offices/{agencies[0]}/move", new { newParentId = agencies[1], effectiveOn = "2024-10-01" }, HttpStatusCode.OK);

        Assert.Multiple(async () =>
        {
            Assert.That(moved.GetProperty("parentId").GetInt64(), Is.EqualTo(agencies[1]));
            Assert.That(Codes(await _admin.GetJsonAsync($"/api/v1/offices/{ministry}/children?asOf=2024-09-30")), Is.EqualTo(new[] { "MIN-A1", "MIN-A2" }));
            Assert.That(Codes(await _admin.GetJsonAsync($"/api/v1/offices/{ministry}/children?asOf=2024-10-01")), Is.EqualTo(new[] { "MIN-A2" }));
            Assert.That(Codes(await _admin.GetJsonAsync($"/api/v1/offices/{agencies[1]}/subtree?asOf=2024-10-01")), Is.EqualTo(new[] { "MIN-A2", "MIN-A1", "MIN-A1-F1" }));
            Assert.That(Codes(await _admin.GetJsonAsync($"/api/v1/offices/{agencies[1]}/subtree?asOf=2024-09-30")), Is.EqualTo(new[] { "MIN-A2" }));
        });
        var levels = (await _admin.GetJsonAsync($"/api/v1/offices/{ministry}/subtree?asOf=2024-10-01")).EnumerateArray()
            .ToDictionary(o => o.Str("code"), o => o.GetProperty("level").GetInt32());
        Assert.That(levels, Is.EqualTo(new Dictionary<string, int> { ["MIN"] = 0, ["MIN-A2"] = 1, ["MIN-A1"] = 2, ["MIN-A1-F1"] = 3 }));
        Assert.That(field, Is.GreaterThan(0));
    }

    [Test]
    public async Task After_a_move_the_new_parents_focal_point_may_write_for_the_moved_office_and_the_old_ones_may_not()
    {
        var (_, agencies) = await _given.MinistryWithAsync(2);
        var field = await _given.OfficeAsync("F", agencies[0], CharterTracker.Offices.OfficeKind.DistrictOffice);
        var oldFocalPoint = await _app.AsNewUserAsync("old.fp", CharterTracker.Access.Role.FocalPoint, agencies[0]);
        var newFocalPoint = await _app.AsNewUserAsync("new.fp", CharterTracker.Access.Role.FocalPoint, agencies[1]);

        await _admin.PostJsonAsync($"/api/v1/offices/{field}/move", new { newParentId = agencies[1], effectiveOn = "2024-08-15" }, HttpStatusCode.OK);

        await newFocalPoint.PostJsonAsync($"/api/v1/offices/{field}/rename", new { nameBn = "নতুন", nameEn = "Renamed" }, HttpStatusCode.OK);
        await oldFocalPoint.PostJsonAsync($"/api/v1/offices/{field}/rename", new { nameBn = "পুরনো", nameEn = "Old" }, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Moving_an_office_under_its_own_descendant_is_refused_naming_newParentId()
    {
        var (_, agencies) = await _given.MinistryWithAsync(1);
        var field = await _given.OfficeAsync("F", agencies[0]);

        var problem = await _admin.PostJsonAsync($"/api/v1/offices/{agencies[0]}/move", new { newParentId = field, effectiveOn = "2024-10-01" }, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "newParentId" }));
        Assert.That(Sql.Count(_app, "OfficePlacements", "OfficeId = @id", new { id = agencies[0] }), Is.EqualTo(1), "no placement written");
    }

    [Test]
    public async Task A_move_needs_a_parent_and_a_date()
    {
        var (_, agencies) = await _given.MinistryWithAsync(1);

        var problem = await _admin.PostJsonAsync($"/api/v1/offices/{agencies[0]}/move", new { }, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "newParentId", "effectiveOn" }));
    }

    [Test]
    public async Task A_focal_point_cannot_back_date_a_move_into_a_quarter_already_under_way_but_an_admin_can()
    {
        var (ministry, agencies) = await _given.MinistryWithAsync(2);
        var field = await _given.OfficeAsync("F", agencies[0]);
        var focalPoint = await _app.AsNewUserAsync("fp", CharterTracker.Access.Role.FocalPoint, ministry);

        var problem = await focalPoint.PostJsonAsync($"/api/v1/offices/{field}/move", new { newParentId = agencies[1], effectiveOn = "2024-06-30" }, HttpStatusCode.BadRequest);
        await _admin.PostJsonAsync($"/api/v1/offices/{field}/move", new { newParentId = agencies[1], effectiveOn = "2024-06-30" }, HttpStatusCode.OK);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "effectiveOn" }));
    }

    [Test]
    public async Task A_second_move_must_take_effect_after_the_first()
    {
        var (ministry, agencies) = await _given.MinistryWithAsync(2);
        await _admin.PostJsonAsync($"/api/v1/offices/{agencies[0]}/move", new { newParentId = agencies[1], effectiveOn = "2024-10-01" }, HttpStatusCode.OK);

        var problem = await _admin.PostJsonAsync($"/api/v1/offices/{agencies[0]}/move", new { newParentId = ministry, effectiveOn = "2024-09-01" }, HttpStatusCode.Conflict);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "effectiveOn" }));
    }

    [Test]
    public async Task Renaming_keeps_the_old_names_in_the_offices_history()
    {
        var office = await _given.OfficeAsync("BIAM");

        var renamed = await _admin.PostJsonAsync($"/api/v1/offices/{office}/rename",
            new { nameBn = "বিয়াম ফাউন্ডেশন", nameEn = "BIAM Foundation" }, HttpStatusCode.OK);
        var history = await _admin.GetJsonAsync($"/api/v1/offices/{office}/history");

        Assert.That(renamed.Str("nameEn"), Is.EqualTo("BIAM Foundation"));
        var changes = history.EnumerateArray().ToList();
        Assert.That(changes.Select(c => c.Str("change")), Is.EqualTo(new[] { "Registered", "Renamed" }));
        Assert.Multiple(() =>
        {
            Assert.That(changes[1].Str("before"), Does.Contain("Office BIAM"));
            Assert.That(changes[1].Str("after"), Does.Contain("BIAM Foundation").And.Contain("বিয়াম ফাউন্ডেশন"));
            Assert.That(changes[1].Str("changedBy"), Is.EqualTo("admin"));
        });
    }

    [Test]
    public async Task A_deactivated_office_is_inactive_from_its_date_but_still_readable_in_the_past()
    {
        var (ministry, agencies) = await _given.MinistryWithAsync(2);

        var closed = await _admin.PostJsonAsync($"/api/v1/offices/{agencies[1]}/deactivate", new { effectiveOn = "2024-08-15" }, HttpStatusCode.OK);

        Assert.Multiple(async () =>
        {
            Assert.That(closed.GetProperty("active").GetBoolean(), Is.False);
            Assert.That(closed.Str("activeUntil"), Is.EqualTo("2024-08-15"));
            Assert.That(Codes(await _admin.GetJsonAsync($"/api/v1/offices/{ministry}/children")), Is.EqualTo(new[] { "MIN-A1" }));
            Assert.That(Codes(await _admin.GetJsonAsync($"/api/v1/offices/{ministry}/children?asOf=2024-08-14")), Is.EqualTo(new[] { "MIN-A1", "MIN-A2" }));
        });
    }

    [Test]
    public async Task An_office_with_active_subordinates_cannot_be_deactivated()
    {
        var (ministry, _) = await _given.MinistryWithAsync(2);

        var problem = await _admin.PostJsonAsync($"/api/v1/offices/{ministry}/deactivate", new { effectiveOn = "2024-09-01" }, HttpStatusCode.Conflict);

        Assert.That(problem.Str("detail"), Does.Contain("2 active subordinate office"));
        Assert.That((await _admin.GetJsonAsync($"/api/v1/offices/{ministry}")).GetProperty("active").GetBoolean(), Is.True);
    }

    [Test]
    public async Task The_office_list_finds_by_name_in_either_language_and_pages()
    {
        await _given.MinistryWithAsync(3);
        await _admin.PostJsonAsync("/api/v1/offices", new { code = "BPATC", nameBn = "বাংলাদেশ লোক-প্রশাসন প্রশিক্ষণ কেন্দ্র", nameEn = "BPATC", kind = "Agency" }, HttpStatusCode.Created);

        var bengali = await _admin.GetJsonAsync("/api/v1/offices?search=" + Uri.EscapeDataString("প্রশিক্ষণ"));
        var page2 = await _admin.GetJsonAsync("/api/v1/offices?pageSize=2&page=2");

        Assert.Multiple(() =>
        {
            Assert.That(Codes(bengali.GetProperty("items")), Is.EqualTo(new[] { "BPATC" }));
            Assert.That(page2.GetProperty("total").GetInt64(), Is.EqualTo(5));
            Assert.That(Codes(page2.GetProperty("items")), Is.EqualTo(new[] { "MIN-A1", "MIN-A2" }));
        });
    }

    [Test]
    public async Task A_move_dated_next_quarter_changes_nobodys_access_before_it_takes_effect()
    {
        var (m1, m1Agencies) = await _given.MinistryWithAsync(1, "M1");
        var (m2, _) = await _given.MinistryWithAsync(1, "M2");
        var oldCommittee = await _app.AsNewUserAsync("m1.committee", CharterTracker.Access.Role.MonitoringCommittee, m1);
        var newCommittee = await _app.AsNewUserAsync("m2.committee", CharterTracker.Access.Role.MonitoringCommittee, m2);

        await _admin.PostJsonAsync($"/api/v1/offices/{m1Agencies[0]}/move", new { newParentId = m2, effectiveOn = "2024-10-01" }, HttpStatusCode.OK);

        await oldCommittee.GetJsonAsync($"/api/v1/offices/{m1Agencies[0]}");
        await newCommittee.GetJsonAsync($"/api/v1/offices/{m1Agencies[0]}", HttpStatusCode.Forbidden);
        var children = await _admin.GetJsonAsync($"/api/v1/offices/{m1}/children");
        Assert.That(children.EnumerateArray().Select(c => (c.Str("code"), c.GetProperty("parentId").GetInt64())), Is.EqualTo(new[] { ("M1-A1", m1) }));

        _app.Clock.SetDhakaDate(2024, 10, 1);
        _app.ForgetSignIns();
        oldCommittee = await _app.AsAsync("m1.committee", "Password-m1.committee");
        newCommittee = await _app.AsAsync("m2.committee", "Password-m2.committee");
        await oldCommittee.GetJsonAsync($"/api/v1/offices/{m1Agencies[0]}", HttpStatusCode.Forbidden);
        await newCommittee.GetJsonAsync($"/api/v1/offices/{m1Agencies[0]}");
    }
}
