using System.Net;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.CharterUpdates;

/// <summary>
/// One app for the fixture; each test has a ministry, two agencies and a focal point of its own (codes and usernames
/// carry the test's number), and the clock is set back before each test.
/// </summary>
public sealed class RecordCharterUpdateTests
{
    private static readonly DateTimeOffset Today = TestClock.At(2024, 8, 15).GetUtcNow();

    private TestApp _app = null!;
    private HttpClient _focalPoint = null!;
    private long _office;
    private long _otherOffice;
    private int _serial;
    /// <summary>This test's focal point at <see cref="_office"/>.</summary>
    private string _fp = "";

    [OneTimeSetUp]
    public async Task StartApp() => _app = await TestApp.StartAsync(TestClock.At(2024, 8, 15));

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [SetUp]
    public async Task Start()
    {
        _app.Clock.Set(Today);
        var n = ++_serial;
        var (_, agencies) = await new Given(_app).MinistryWithAsync(2, $"MIN{n}");
        _office = agencies[0];
        _otherOffice = agencies[1];
        _fp = $"fp{n}";
        _focalPoint = await _app.AsNewUserAsync(_fp, Role.FocalPoint, _office);
    }

    [Test]
    public async Task A_focal_point_records_the_quarters_update_and_reads_it_back()
    {
        var created = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", Samples.CharterUpdate(), HttpStatusCode.Created);
        var read = await _focalPoint.GetJsonAsync($"/api/v1/charter-updates/{created.Id()}");

        Assert.Multiple(() =>
        {
            Assert.That(read.GetProperty("officeId").GetInt64(), Is.EqualTo(_office));
            Assert.That(read.Str("fiscalYear"), Is.EqualTo("2024-25"));
            Assert.That(read.GetProperty("quarter").GetInt32(), Is.EqualTo(1));
            Assert.That(read.Str("updatedOn"), Is.EqualTo("2024-08-10"));
            Assert.That(read.Str("portalReference"), Is.EqualTo("NIS-2024-0815"));
            Assert.That(read.GetProperty("hasEvidence").GetBoolean(), Is.True);
            Assert.That(read.Str("recordedOn"), Is.EqualTo("2024-08-15"), "the test clock's day in Dhaka");
            Assert.That(read.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(read.Str("createdBy"), Is.EqualTo(_fp));
        });
    }

    [TestCase("updatedOn", "2024-10-01", "outside 2024-25 Q1")]
    [TestCase("updatedOn", "2024-06-30", "outside 2024-25 Q1")]
    [TestCase("fiscalYear", "2024-26", "fiscal year")]
    [TestCase("quarter", 5, "quarter")]
    public async Task A_bad_period_is_rejected_naming_the_field_and_nothing_is_written(string field, object value, string message)
    {
        var updates = Sql.Count(_app, "CharterUpdates");

        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", Samples.CharterUpdate().With(field, value), HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Does.Contain(field));
        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain(message));
        Assert.That(Sql.Count(_app, "CharterUpdates"), Is.EqualTo(updates), "nothing written");
    }

    [Test]
    public async Task An_update_dated_in_the_future_is_rejected()
    {
        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-08-20"), HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("updatedOn")[0].GetString(), Does.Contain("future"));
    }

    [Test]
    public async Task A_focal_point_cannot_record_for_another_agency_and_nothing_is_written()
    {
        var updates = Sql.Count(_app, "CharterUpdates");

        await _focalPoint.PostJsonAsync($"/api/v1/offices/{_otherOffice}/charter-updates", Samples.CharterUpdate(), HttpStatusCode.Forbidden);

        Assert.That(Sql.Count(_app, "CharterUpdates"), Is.EqualTo(updates), "nothing written");
    }

    [Test]
    public async Task Recording_for_an_unknown_office_is_a_404()
    {
        await _focalPoint.PostJsonAsync("/api/v1/offices/9999/charter-updates", Samples.CharterUpdate(), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Only_an_administrator_back_filling_history_may_set_the_recorded_day()
    {
        var body = Samples.CharterUpdate().With("recordedOn", "2024-08-11");

        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", body, HttpStatusCode.BadRequest);
        var admin = await _app.AsAdminAsync();
        var backFilled = await admin.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", body, HttpStatusCode.Created);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "recordedOn" }));
        Assert.That((backFilled.Str("recordedOn"), backFilled.GetProperty("backFilled").GetBoolean()), Is.EqualTo(("2024-08-11", true)));
    }

    [Test]
    public async Task An_edit_keeps_the_previous_values_in_the_history_and_a_stale_version_is_a_409()
    {
        var created = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", Samples.CharterUpdate(), HttpStatusCode.Created);

        var edited = await _focalPoint.PutJsonAsync($"/api/v1/charter-updates/{created.Id()}",
            Samples.CharterUpdate(updatedOn: "2024-08-12").With("portalReference", "NIS-2024-0900").With("version", 1), HttpStatusCode.OK);
        var stale = await _focalPoint.PutJsonAsync($"/api/v1/charter-updates/{created.Id()}",
            Samples.CharterUpdate().With("version", 1), HttpStatusCode.Conflict);
        var history = await _focalPoint.GetJsonAsync($"/api/v1/charter-updates/{created.Id()}/history");

        Assert.Multiple(() =>
        {
            Assert.That(edited.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(edited.Str("updatedOn"), Is.EqualTo("2024-08-12"));
            Assert.That(edited.Str("recordedOn"), Is.EqualTo("2024-08-15"), "an edit does not change when it was first recorded");
            Assert.That(stale.ErrorFields(), Is.EqualTo(new[] { "version" }));
            Assert.That(history.GetArrayLength(), Is.EqualTo(1));
            var before = JsonDocument.Parse(history[0].Str("snapshot")).RootElement;
            Assert.That(before.Str("portalReference"), Is.EqualTo("NIS-2024-0815"));
            Assert.That(before.Str("updatedOn"), Is.EqualTo("2024-08-10"));
            Assert.That(history[0].Str("changedBy"), Is.EqualTo(_fp));
        });
    }

    [Test]
    public async Task A_withdrawn_update_stays_readable_marked_withdrawn_and_cannot_be_edited()
    {
        var created = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", Samples.CharterUpdate(), HttpStatusCode.Created);

        await _focalPoint.PostJsonAsync($"/api/v1/charter-updates/{created.Id()}/withdraw", new { reason = "Entered for the wrong quarter", version = 1 }, HttpStatusCode.OK);
        var read = await _focalPoint.GetJsonAsync($"/api/v1/charter-updates/{created.Id()}");
        await _focalPoint.PutJsonAsync($"/api/v1/charter-updates/{created.Id()}", Samples.CharterUpdate().With("version", 2), HttpStatusCode.Conflict);
        var history = await _focalPoint.GetJsonAsync($"/api/v1/charter-updates/{created.Id()}/history");

        Assert.Multiple(() =>
        {
            Assert.That(read.GetProperty("withdrawn").GetBoolean(), Is.True);
            Assert.That(read.Str("withdrawnReason"), Is.EqualTo("Entered for the wrong quarter"));
            Assert.That(history.EnumerateArray().Select(h => h.Str("change")), Is.EqualTo(new[] { "Withdrawn" }));
        });
    }

    [Test]
    public async Task Withdrawing_needs_a_reason()
    {
        var created = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", Samples.CharterUpdate(), HttpStatusCode.Created);

        var problem = await _focalPoint.PostJsonAsync($"/api/v1/charter-updates/{created.Id()}/withdraw", new { reason = " ", version = 1 }, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "reason" }));
    }

    [Test]
    public async Task Another_agencys_focal_point_can_neither_read_nor_edit_the_record()
    {
        var created = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", Samples.CharterUpdate(), HttpStatusCode.Created);
        var other = await _app.AsNewUserAsync($"other.{_fp}", Role.FocalPoint, _otherOffice);

        await other.GetJsonAsync($"/api/v1/charter-updates/{created.Id()}", HttpStatusCode.Forbidden);
        await other.PutJsonAsync($"/api/v1/charter-updates/{created.Id()}", Samples.CharterUpdate(), HttpStatusCode.Forbidden);
        await other.PostJsonAsync($"/api/v1/charter-updates/{created.Id()}/withdraw", new { reason = "x" }, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_offices_updates_are_listed_by_fiscal_year()
    {
        await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", Samples.CharterUpdate(), HttpStatusCode.Created);
        var admin = await _app.AsAdminAsync();
        await admin.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", Samples.CharterUpdate("2023-24", 4, "2024-05-20"), HttpStatusCode.Created);

        var list = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_office}/charter-updates?fiscalYear=2024-25");

        Assert.That(list.EnumerateArray().Select(u => u.Str("updatedOn")), Is.EqualTo(new[] { "2024-08-10" }));
    }
}
