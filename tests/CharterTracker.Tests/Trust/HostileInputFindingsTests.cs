using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CharterTracker.Tests.Support;
using CharterTracker.Tests.Web;

namespace CharterTracker.Tests.Trust;

/// <summary>
/// What the hostile-input suite found, each pinned by a test of its own: nulls inside lists crashed the meeting and
/// plan validators (500), a 100 KB search overflowed SQLite's LIKE pattern limit (500), and the web forms refused
/// numbers, dates, times and years typed with Bengali digits. One app for the fixture.
/// </summary>
[NonParallelizable]
public sealed class HostileInputFindingsTests
{
    private TestApp _app = null!;
    private long _office;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        _office = await new Given(_app).OfficeAsync("A1");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [TestCase("attendees", "attendees[0]")]
    [TestCase("agenda", "agenda[0]")]
    [TestCase("followUps", "agenda[0].followUps[0]")]
    public async Task A_null_in_a_meetings_list_is_a_400_naming_the_entry(string list, string field)
    {
        var admin = await _app.AsAdminAsync();
        var body = JsonSerializer(Samples.Meeting(followUpOwner: _office).With("kind", "StakeholderAwareness"));
        var target = list == "followUps" ? body["agenda"]![0]!["followUps"]!.AsArray() : body[list]!.AsArray();
        target.Insert(0, null);
        var meetings = Sql.Count(_app, "Meetings");

        var problem = await (await admin.PostAsync($"/api/v1/offices/{_office}/meetings", Json(body))).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem.ErrorFields(), Does.Contain(field));
            Assert.That(Sql.Count(_app, "Meetings"), Is.EqualTo(meetings));
        });
    }

    [TestCase("areas = null")]
    [TestCase("areas = [null]")]
    [TestCase("indicators = null")]
    [TestCase("indicators = [null]")]
    [TestCase("targets = null")]
    [TestCase("quarterTargets = null")]
    public async Task A_plan_with_a_missing_part_is_a_400_naming_areas(string change)
    {
        var admin = await _app.AsAdminAsync();
        var plan = JsonNode.Parse(await admin.GetStringAsync("/api/v1/action-plans/2024-25"))!;
        plan["fiscalYear"] = "2030-31";
        var indicator = plan["areas"]![0]!["indicators"]![0]!;
        switch (change)
        {
            case "areas = null": plan["areas"] = null; break;
            case "areas = [null]": plan["areas"]!.AsArray().Insert(0, null); break;
            case "indicators = null": plan["areas"]![0]!["indicators"] = null; break;
            case "indicators = [null]": plan["areas"]![0]!["indicators"]!.AsArray().Insert(0, null); break;
            case "targets = null": indicator["targets"] = null; break;
            default: indicator["quarterTargets"] = null; break;
        }

        var problem = await (await admin.PutAsync("/api/v1/action-plans/2030-31", Json(plan))).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem.ErrorFields(), Does.Contain("areas"));
            Assert.That(Sql.Count(_app, "ActionPlans", "FiscalYear = '2030-31'"), Is.Zero);
        });
    }

    [TestCase("/api/v1/users")]
    [TestCase("/api/v1/offices")]
    public async Task A_search_longer_than_200_characters_is_a_400_naming_search(string list)
    {
        var admin = await _app.AsAdminAsync();

        var problem = await admin.GetJsonAsync($"{list}?search={new string('x', 201)}", HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "search" }));
    }

    [Test]
    public async Task A_100_KB_username_on_the_focal_point_form_is_a_400_page()
    {
        var browser = await _app.SignInOnFormAsync("admin", TestApp.AdminPassword);
        var token = Web.WebClient.FormToken(await browser.PageAsync($"/admin/offices?officeId={_office}"));

        var response = await browser.PostFormAsync($"/admin/offices/{_office}/focal-points", token,
            new Dictionary<string, string> { ["userId"] = new string('ক', 34_000), ["validFrom"] = "2024-09-01" });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(Sql.Count(_app, "FocalPointAssignments"), Is.Zero);
        });
    }

    [Test]
    public async Task Numbers_times_and_years_typed_with_Bengali_digits_are_read_as_digits_in_the_forms()
    {
        var browser = await _app.SignInOnFormAsync("admin", TestApp.AdminPassword);
        var query = $"officeId={_office}&fiscalYear=2024-25&quarter=1";
        var token = Web.WebClient.FormToken(await browser.PageAsync($"/workspace/trainings/new?{query}"));

        var training = await browser.PostFormAsync($"/workspace/trainings/new?{query}", token, new Dictionary<string, string>
        {
            ["kind"] = "Workshop", ["heldOn"] = "২০২৪-০৮-০৫", ["title"] = "কর্মশালা", ["participants"] = "৩৫", ["hasEvidence"] = "true",
        });
        var meeting = await browser.PostFormAsync($"/workspace/meetings/new?{query}&kind=StakeholderAwareness", token, new Dictionary<string, string>
        {
            ["kind"] = "StakeholderAwareness", ["heldOn"] = "2024-08-12", ["startTime"] = "১১:৩০", ["venue"] = "সভাকক্ষ",
            ["chair.name"] = "সভাপতি", ["chair.designation"] = "যুগ্মসচিব", ["attendees[0].name"] = "ক", ["attendees[0].designation"] = "খ",
            ["attendees[0].office"] = "গ", ["attendees[0].attended"] = "true", ["agenda[0].discussion"] = "আলোচনা", ["agenda[0].decision"] = "সিদ্ধান্ত",
            ["hasEvidence"] = "true",
        });
        var clone = await browser.PostFormAsync("/admin/action-plans/clone", token, new Dictionary<string, string>
        {
            ["fiscalYear"] = "2024-25", ["toFiscalYear"] = "২০২৫-২৬",
        });

        Assert.Multiple(() =>
        {
            Assert.That(training.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the training form saved");
            Assert.That(meeting.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the meeting form saved");
            Assert.That(clone.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the plan was cloned");
            Assert.That(Sql.Query<long>(_app, "SELECT Participants FROM Trainings"), Is.EqualTo(new[] { 35L }));
            Assert.That(Sql.Query<string>(_app, "SELECT HeldOn FROM Trainings"), Is.EqualTo(new[] { "2024-08-05" }));
            Assert.That(Sql.Query<string>(_app, "SELECT StartTime FROM Meetings"), Has.Some.StartsWith("11:30"));
            Assert.That(Sql.Count(_app, "ActionPlans", "FiscalYear = '2025-26'"), Is.EqualTo(1), "stored with ASCII digits, like every year");
        });
    }

    private static JsonNode JsonSerializer(object body) => System.Text.Json.JsonSerializer.SerializeToNode(body, TestApp.Json)!;

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
