using System.Net;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Meetings;

/// <summary>
/// One app for the fixture; each test has a ministry with two agencies and a focal point of its own (codes and
/// usernames carry the test's number). The clock is set back before each test, and the sign-ins made after a test
/// moved it are dropped.
/// </summary>
public sealed class RecordMeetingTests
{
    private static readonly DateTimeOffset Today = TestClock.At(2024, 8, 15).GetUtcNow();

    private TestApp _app = null!;
    private HttpClient _focalPoint = null!;
    private long _ministry;
    private long[] _agencies = [];
    private int _serial;
    /// <summary>This test's number, in the names it creates.</summary>
    private int _n;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await TestApp.StartAsync(TestClock.At(2024, 8, 15));

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [SetUp]
    public async Task Start()
    {
        _app.SetClockBack(Today);
        _n = ++_serial;
        (_ministry, _agencies) = await new Given(_app).MinistryWithAsync(2, $"MIN{_n}");
        _focalPoint = await _app.AsNewUserAsync($"mopa{_n}.fp", Role.FocalPoint, _ministry);
    }

    [Test]
    public async Task A_meeting_keeps_everything_its_minutes_show()
    {
        var created = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting(followUpOwner: _agencies[0]), HttpStatusCode.Created);
        var meeting = await _focalPoint.GetJsonAsync($"/api/v1/meetings/{created.Id()}");

        Assert.Multiple(() =>
        {
            Assert.That(meeting.Str("kind"), Is.EqualTo("SubordinateCoordination"));
            Assert.That(meeting.Str("heldOn"), Is.EqualTo("2024-08-12"));
            Assert.That(meeting.Str("startTime"), Is.EqualTo("11:00"));
            Assert.That(meeting.GetProperty("chair").Str("name"), Is.EqualTo("মোঃ পারভেজ হাসান"));
            Assert.That(meeting.GetProperty("attendees").GetArrayLength(), Is.EqualTo(3));
            Assert.That(meeting.GetProperty("attendees")[2].GetProperty("attended").GetBoolean(), Is.False);
            Assert.That(meeting.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("number").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(meeting.GetProperty("agenda")[0].Str("decision"), Does.StartWith("ফোকাল পয়েন্ট"));
            Assert.That(meeting.Str("memoNumber"), Is.EqualTo("05.00.0000.197.16.001.24.136"), "stored with Latin digits");
            Assert.That(meeting.GetProperty("signatory").Str("designation"), Is.EqualTo("সিনিয়র সহকারী সচিব"));
            Assert.That(meeting.GetProperty("distribution").EnumerateArray().Select(d => d.GetString()),
                Is.EqualTo(new[] { "মহাপরিচালক (সচিব), বাংলাদেশ কর্মচারী কল্যাণ বোর্ড", "রেক্টর, বিপিএটিসি" }));
            var followUp = meeting.GetProperty("agenda")[0].GetProperty("followUps")[0];
            Assert.That((followUp.GetProperty("ownerOfficeId").GetInt64(), followUp.Str("dueOn"), followUp.Str("status")),
                Is.EqualTo((_agencies[0], "2024-09-30", "Open")));
        });
    }

    [TestCase("memoNumber", "05.00.0000.197.16.24.136")]
    [TestCase("memoNumber", "০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৩x")]
    [TestCase("heldOn", "2024-10-02")]
    [TestCase("startTime", "11 o'clock")]
    [TestCase("kind", "Party")]
    [TestCase("issuedOn", "2024-08-01")]
    public async Task A_bad_field_is_rejected_400_naming_it_and_nothing_is_written(string field, string value)
    {
        var meetings = Sql.Count(_app, "Meetings");
        var attendees = Sql.Count(_app, "MeetingAttendees");

        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting().With(field, value), HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Does.Contain(field));
        Assert.That(Sql.Count(_app, "Meetings"), Is.EqualTo(meetings), "no meeting written");
        Assert.That(Sql.Count(_app, "MeetingAttendees"), Is.EqualTo(attendees), "no attendee written");
    }

    [Test]
    public async Task A_held_meeting_without_anyone_attending_is_rejected()
    {
        var body = Samples.Meeting().With("attendees", new[] { new { name = "Invited only", designation = "Director", office = "NAPD", attended = false } });

        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", body, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "attendees" }));
        Assert.That(problem.GetProperty("errors").GetProperty("attendees")[0].GetString(), Does.Contain("annex"));
    }

    [Test]
    public async Task Errors_in_nested_rows_name_the_row()
    {
        var body = Samples.Meeting()
            .With("attendees", new object[] { new { name = "A", designation = "B", office = "C" }, new { name = "", designation = "B", office = "C" } })
            .With("agenda", new object[] { new { discussion = "D", decision = "" } });

        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", body, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "attendees[1].name", "agenda[0].decision" }));
    }

    [Test]
    public async Task A_memo_number_in_Latin_digits_is_stored_the_same_as_in_Bengali()
    {
        var created = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings",
            Samples.Meeting().With("memoNumber", "05.00.0000.197.16.001.24.136"), HttpStatusCode.Created);

        Assert.That(created.Str("memoNumber"), Is.EqualTo("05.00.0000.197.16.001.24.136"));
    }

    [Test]
    public async Task A_follow_up_owned_by_an_unknown_office_is_rejected_naming_the_row()
    {
        var meetings = Sql.Count(_app, "Meetings");

        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting(followUpOwner: 9999), HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "agenda[0].followUps[0].ownerOfficeId" }));
        Assert.That(Sql.Count(_app, "Meetings"), Is.EqualTo(meetings), "no meeting written");
    }

    [Test]
    public async Task Open_follow_ups_are_carried_to_the_offices_next_quarter_meeting_until_done()
    {
        var first = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting(followUpOwner: _agencies[0]), HttpStatusCode.Created);
        _app.Clock.SetDhakaDate(2024, 11, 20);
        _app.ForgetSignIns();
        _focalPoint = await _app.AsAsync($"mopa{_n}.fp", $"Password-mopa{_n}.fp");
        var second = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting(heldOn: "2024-11-18", quarter: 2), HttpStatusCode.Created);

        var carried = second.GetProperty("carriedForward");
        Assert.That(carried.GetArrayLength(), Is.EqualTo(1));
        Assert.That((carried[0].GetProperty("meetingId").GetInt64(), carried[0].Str("status")), Is.EqualTo((first.Id(), "Overdue")), "due 30 Sep, still open on 20 Nov");

        var followUpId = first.GetProperty("agenda")[0].GetProperty("followUps")[0].Id();
        var agencyFocalPoint = await _app.AsNewUserAsync($"a1.{_n}.fp", Role.FocalPoint, _agencies[0]);
        var done = await agencyFocalPoint.PostJsonAsync($"/api/v1/follow-ups/{followUpId}/complete", new { doneOn = "2024-11-19", note = "Uploaded" }, HttpStatusCode.OK);
        var third = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting(heldOn: "2024-11-20", quarter: 2), HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(done.Str("status"), Is.EqualTo("Done"));
            Assert.That(third.GetProperty("carriedForward").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Only_the_owner_office_reports_a_follow_up_done()
    {
        var meeting = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting(followUpOwner: _agencies[0]), HttpStatusCode.Created);
        var followUpId = meeting.GetProperty("agenda")[0].GetProperty("followUps")[0].Id();
        var otherAgency = await _app.AsNewUserAsync($"a2.{_n}.fp", Role.FocalPoint, _agencies[1]);

        await otherAgency.PostJsonAsync($"/api/v1/follow-ups/{followUpId}/complete", new { doneOn = "2024-08-15" }, HttpStatusCode.Forbidden);
        var list = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/follow-ups");

        Assert.That(list.EnumerateArray().Select(f => f.Str("status")), Is.EqualTo(new[] { "Open" }));
    }

    [Test]
    public async Task Editing_the_minutes_keeps_the_earlier_version()
    {
        var created = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting(), HttpStatusCode.Created);

        var edited = await _focalPoint.PutJsonAsync($"/api/v1/meetings/{created.Id()}", Samples.Meeting().With("venue", "সম্মেলন কক্ষ").With("version", 1), HttpStatusCode.OK);
        var history = await _focalPoint.GetJsonAsync($"/api/v1/meetings/{created.Id()}/history");

        Assert.That(edited.Str("venue"), Is.EqualTo("সম্মেলন কক্ষ"));
        var before = JsonDocument.Parse(history[0].Str("snapshot")).RootElement;
        Assert.That(before.Str("venue"), Does.StartWith("যুগ্মসচিব"));
        Assert.That(before.GetProperty("attendees").GetArrayLength(), Is.EqualTo(3));
    }
}
