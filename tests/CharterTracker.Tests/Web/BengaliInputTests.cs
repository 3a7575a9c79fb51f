using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Pipeline;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>
/// Numbers, dates and times as a Bangladeshi types them: Bengali digits (২৫), dates day first (dd/mm/yyyy) whatever the
/// browser's locale, times on the 24-hour clock; the forms show dates dd/mm/yyyy in text inputs.
/// </summary>
public sealed class BengaliInputTests
{
    private TestApp _app = null!;
    private long _agency;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        var (_, agencies) = await new Given(_app).MinistryWithAsync(1);
        _agency = agencies[0];
        await _app.UserAsync("bn.fp", Role.FocalPoint, _agency, language: "bn");
        _client = await _app.SignInOnFormAsync("bn.fp");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private string Q1(string page) => $"{page}?officeId={_agency}&fiscalYear=2024-25&quarter=1";

    private static string? InputTag(string html, string name) => Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>").Value is { Length: > 0 } tag ? tag : null;

    [Test]
    public async Task A_training_typed_with_Bengali_digits_and_a_day_first_date_saves_25_participants_on_12_September()
    {
        var page = await _client.PageAsync(Q1("/workspace/trainings/new"));
        var response = await _client.PostFormAsync(Q1("/workspace/trainings/new"), WebClient.FormToken(page), new Dictionary<string, string>
        {
            ["kind"] = "Workshop", ["heldOn"] = "১২/০৯/২০২৪", ["title"] = "সেবা প্রদান প্রতিশ্রুতি বিষয়ক কর্মশালা", ["participants"] = "২৫", ["hasEvidence"] = "true",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());

        var (id, heldOn, participants) = Sql.Query<(long, string, long)>(_app, "SELECT Id, HeldOn, Participants FROM Trainings WHERE OfficeId = @agency AND Participants = 25", new { agency = _agency }).Single();
        var edit = await _client.PageAsync($"/workspace/trainings/{id}/edit");
        var date = InputTag(edit, "heldOn");
        Assert.Multiple(() =>
        {
            Assert.That(heldOn, Does.StartWith("2024-09-12"), "12 September, not 9 December");
            Assert.That(participants, Is.EqualTo(25));
            Assert.That(date, Does.Contain("type=\"text\"").And.Contain("value=\"12/09/2024\"").And.Contain("placeholder=\"দিন/মাস/বছর\""),
                "the date is shown day first in a text input, not the browser's locale");
            Assert.That(InputTag(edit, "participants"), Does.Contain("type=\"text\"").And.Contain("inputmode=\"numeric\""), "a number input would refuse ২৫");
        });
    }

    [Test]
    public async Task A_date_that_is_not_day_first_is_refused_beside_its_field_saying_how_to_write_it()
    {
        var page = await _client.PageAsync(Q1("/workspace/trainings/new"));
        var response = await _client.PostFormAsync(Q1("/workspace/trainings/new"), WebClient.FormToken(page), new Dictionary<string, string>
        {
            ["kind"] = "Workshop", ["heldOn"] = "09/31/2024", ["title"] = "কর্মশালা", ["participants"] = "২৫",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "heldOn"), Does.Contain("দিন/মাস/বছর লিখুন, যেমন ১৯/০৯/২০২৪"));
            Assert.That(InputTag(html, "heldOn"), Does.Contain("value=\"09/31/2024\""), "what was typed stays");
        });
    }

    [TestCase("১২/০৯/২০২৪", 2024, 9, 12)]
    [TestCase("12/09/2024", 2024, 9, 12)]
    [TestCase("2/9/2024", 2024, 9, 2)]
    [TestCase("১২-০৯-২০২৪", 2024, 9, 12)]
    [TestCase("2024-09-12", 2024, 9, 12)]
    [TestCase("২০২৪-০৯-১২", 2024, 9, 12)]
    public void Dates_are_read_day_first_or_ISO_in_either_digits(string typed, int year, int month, int day)
    {
        Assert.That(TypedInput.TryDate(typed, out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(year, month, day)));
    }

    [TestCase("১৪:৩০", 14, 30)]
    [TestCase("১১.০০", 11, 0)]
    [TestCase("9:05", 9, 5)]
    public void Times_are_read_on_the_24_hour_clock_in_either_digits(string typed, int hour, int minute)
    {
        Assert.That(TypedInput.TryTime(typed, out var time), Is.True);
        Assert.That(time, Is.EqualTo(new TimeOnly(hour, minute)));
    }

    [TestCase("2:30 PM")]
    [TestCase("25:00")]
    [TestCase("09/31/2024")]
    public void What_is_not_a_24_hour_time_or_a_day_first_date_is_refused(string typed) =>
        Assert.That(TypedInput.TryTime(typed, out _) || TypedInput.TryDate(typed, out _), Is.False);

    [Test]
    public async Task The_API_reads_an_ISO_date_and_a_time_written_in_Bengali_digits()
    {
        var api = await _app.AsAsync("bn.fp", "Password-bn.fp");
        var training = Samples.Training(heldOn: "২০২৪-০৮-০৫");
        var created = await api.PostJsonAsync($"/api/v1/offices/{_agency}/trainings", training, HttpStatusCode.Created);
        Assert.That(created.Str("heldOn"), Is.EqualTo("2024-08-05"), "stored and answered in ISO, Latin digits");
    }
}
