using System.Net;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Meetings;

/// <summary>
/// A follow-up's owner sees and completes it, so it must lie in the meeting's world: the meeting's office, one of its
/// parents or an office under it. World: <see cref="Given.TwoMinistriesAsync"/>. The meetings are A1's.
/// </summary>
public sealed class FollowUpOwnerTests
{
    private TestApp _app = null!;
    private HttpClient _a1Fp = null!;
    private Dictionary<string, long> _office = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        _office = await new Given(_app).TwoMinistriesAsync();
        _office["none"] = 999_999;
        _a1Fp = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _office["A1"]);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private string Meetings => $"/api/v1/offices/{_office["A1"]}/meetings";

    [TestCase("A1")]
    [TestCase("D1")]
    [TestCase("M1")]
    public async Task The_meetings_office_an_office_under_it_or_a_parent_may_own_a_follow_up(string owner)
    {
        var meeting = await _a1Fp.PostJsonAsync(Meetings, Samples.Meeting(followUpOwner: _office[owner]), HttpStatusCode.Created);

        Assert.That(meeting.GetProperty("agenda")[0].GetProperty("followUps")[0].GetProperty("ownerOfficeId").GetInt64(), Is.EqualTo(_office[owner]));
    }

    [TestCase("B1")]
    [TestCase("M2")]
    [TestCase("A2")]
    [TestCase("none")]
    public async Task Any_other_office_is_a_400_naming_the_field_and_nothing_is_written(string owner)
    {
        var before = Sql.Snapshot(_app);

        var problem = await _a1Fp.PostJsonAsync(Meetings, Samples.Meeting(followUpOwner: _office[owner]), HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "agenda[0].followUps[0].ownerOfficeId" }));
        Assert.That(Sql.Snapshot(_app), Is.EqualTo(before));
    }

    [Test]
    public async Task An_edit_cannot_hand_a_follow_up_to_another_ministry_and_writes_nothing()
    {
        var meeting = await _a1Fp.PostJsonAsync(Meetings, Samples.Meeting(followUpOwner: _office["D1"]), HttpStatusCode.Created);
        var before = Sql.Snapshot(_app);

        var problem = await _a1Fp.PutJsonAsync($"/api/v1/meetings/{meeting.Id()}",
            Samples.Meeting(followUpOwner: _office["B1"]).With("version", 1), HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "agenda[0].followUps[0].ownerOfficeId" }));
        Assert.That(Sql.Snapshot(_app), Is.EqualTo(before));
        var b1Fp = await _app.AsNewUserAsync("b1.fp", Role.FocalPoint, _office["B1"]);
        var seen = await b1Fp.GetJsonAsync($"/api/v1/offices/{_office["B1"]}/follow-ups?includeDone=true");
        Assert.That(seen.GetArrayLength(), Is.Zero, "the other ministry's office is given nothing to see or complete");
    }
}
