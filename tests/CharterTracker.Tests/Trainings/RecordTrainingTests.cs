using System.Net;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Trainings;

/// <summary>
/// One app for the fixture; each test has a ministry with two agencies and a focal point of its own (codes and
/// usernames carry the test's number). The clock is set back before each test, and the sign-ins made after a test
/// moved it are dropped. "Nothing written" is counted before and after.
/// </summary>
public sealed class RecordTrainingTests
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
        _focalPoint = await _app.AsNewUserAsync($"fp{_n}", Role.FocalPoint, _ministry);
    }

    [Test]
    public async Task A_workshop_counts_in_the_quarter_of_its_date_with_the_offices_represented()
    {
        var created = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/trainings",
            Samples.Training().With("officesRepresented", _agencies), HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("quarter").GetInt32(), Is.EqualTo(1));
            Assert.That(created.Str("kind"), Is.EqualTo("Workshop"));
            Assert.That(created.GetProperty("participants").GetInt32(), Is.EqualTo(35));
            Assert.That(created.GetProperty("officesRepresented").EnumerateArray().Select(o => o.GetInt64()), Is.EqualTo(_agencies));
        });
    }

    [TestCase("heldOn", "2024-06-30", "outside fiscal year 2024-25")]
    [TestCase("participants", 0, "at least one participant")]
    [TestCase("title", "", "title is required")]
    public async Task A_bad_field_is_rejected_naming_it(string field, object value, string message)
    {
        var trainings = Sql.Count(_app, "Trainings");

        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/trainings", Samples.Training().With(field, value), HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { field }));
        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain(message).IgnoreCase);
        Assert.That(Sql.Count(_app, "Trainings"), Is.EqualTo(trainings), "no training written");
    }

    [Test]
    public async Task An_unknown_office_among_those_represented_is_rejected()
    {
        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/trainings", Samples.Training().With("officesRepresented", new[] { 777 }), HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "officesRepresented" }));
    }

    [Test]
    public async Task Editing_the_date_moves_the_training_to_its_new_quarter_and_keeps_the_old_version()
    {
        _app.Clock.SetDhakaDate(2024, 11, 10);
        _app.ForgetSignIns();
        _focalPoint = await _app.AsAsync($"fp{_n}", $"Password-fp{_n}");
        var created = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/trainings", Samples.Training(), HttpStatusCode.Created);

        var edited = await _focalPoint.PutJsonAsync($"/api/v1/trainings/{created.Id()}", Samples.Training(heldOn: "2024-10-20").With("version", 1), HttpStatusCode.OK);
        var history = await _focalPoint.GetJsonAsync($"/api/v1/trainings/{created.Id()}/history");

        Assert.That((edited.GetProperty("quarter").GetInt32(), edited.GetProperty("version").GetInt32()), Is.EqualTo((2, 2)));
        Assert.That(history[0].Str("snapshot"), Does.Contain("\"heldOn\":\"2024-08-05\""));
    }
}
