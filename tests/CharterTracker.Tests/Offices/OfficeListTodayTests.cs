using System.Net;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Offices;

/// <summary>
/// The office lists and the access check read the same tree: the one standing today. World on 15 Aug 2024:
/// M1 ─ A1 ─ D1 and M2 ─ B1, with A1 (and so D1) moved under M2 from 1 Oct 2024; a viewer at each ministry.
/// </summary>
public sealed class OfficeListTodayTests
{
    private static readonly DateTimeOffset Today = new(2024, 8, 15, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MoveDay = new(2024, 10, 1, 6, 0, 0, TimeSpan.Zero);
    private TestApp _app = null!;
    private Dictionary<string, long> _office = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        _office = await new Given(_app).TwoMinistriesAsync();
        var admin = await _app.AsAdminAsync();
        await admin.PostJsonAsync($"/api/v1/offices/{_office["A1"]}/move", new { newParentId = _office["M2"], effectiveOn = "2024-10-01" }, HttpStatusCode.OK);
        await _app.UserAsync("m1.viewer", Role.Viewer, _office["M1"]);
        await _app.UserAsync("m2.viewer", Role.Viewer, _office["M2"]);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    /// <summary>What the user's lists show of A1 and D1, and whether it may open them.</summary>
    private async Task<(bool Listed, bool Searched, bool Child, bool Opened)[]> SeenAsync(string username, string parent)
    {
        var client = await _app.SignInAsync(username);
        var listed = (await client.GetJsonAsync("/api/v1/offices?pageSize=500")).GetProperty("items").EnumerateArray().Select(o => o.Id()).ToHashSet();
        var children = (await client.GetJsonAsync($"/api/v1/offices/{_office[parent]}/children")).EnumerateArray().Select(o => o.Id()).ToHashSet();
        var seen = new List<(bool, bool, bool, bool)>();
        foreach (var code in new[] { "A1", "D1" })
        {
            var searched = (await client.GetJsonAsync($"/api/v1/offices?search={code}")).GetProperty("items").EnumerateArray().Any(o => o.Id() == _office[code]);
            var opened = (await client.GetAsync($"/api/v1/offices/{_office[code]}")).StatusCode;
            Assert.That(opened, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.Forbidden));
            seen.Add((listed.Contains(_office[code]), searched, code == "A1" ? children.Contains(_office[code]) : opened == HttpStatusCode.OK, opened == HttpStatusCode.OK));
        }
        return seen.ToArray();
    }

    private static readonly (bool, bool, bool, bool)[] Everywhere = [(true, true, true, true), (true, true, true, true)];
    private static readonly (bool, bool, bool, bool)[] Nowhere = [(false, false, false, false), (false, false, false, false)];

    [Test]
    public async Task An_office_leaving_later_is_listed_where_it_may_still_be_opened()
    {
        Assert.That(await SeenAsync("m1.viewer", "M1"), Is.EqualTo(Everywhere));
    }

    [Test]
    public async Task An_office_arriving_later_is_neither_listed_nor_opened_before_its_day()
    {
        Assert.That(await SeenAsync("m2.viewer", "M2"), Is.EqualTo(Nowhere));
    }

    [Test]
    public async Task From_the_move_day_both_follow_the_new_tree()
    {
        _app.Clock.Set(MoveDay);
        _app.ForgetSignIns();
        try
        {
            Assert.That(await SeenAsync("m2.viewer", "M2"), Is.EqualTo(Everywhere));
            Assert.That(await SeenAsync("m1.viewer", "M1"), Is.EqualTo(Nowhere));
        }
        finally
        {
            _app.Clock.Set(Today);
            _app.ForgetSignIns();
        }
    }
}
