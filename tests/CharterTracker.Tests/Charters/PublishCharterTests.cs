using System.Net;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Charters;

/// <summary>Publishing a version: it is the office's charter, and it is the quarter's charter update (1.1.1).</summary>
public sealed class PublishCharterTests
{
    private TestApp _app = null!;
    private HttpClient _focalPoint = null!;
    private long _ministry;
    private long _office;
    private long _otherOffice;

    [SetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        (_ministry, var agencies) = await new Given(_app).MinistryWithAsync(2);
        _office = agencies[0];
        _otherOffice = agencies[1];
        _focalPoint = await _app.AsNewUserAsync("fp", Role.FocalPoint, _office);
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private Task<JsonElement> Publish(object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter/versions", body, expected);

    private static JsonElement Item(JsonElement checklist, string code) =>
        checklist.GetProperty("items").EnumerateArray().Single(i => i.Str("indicatorCode") == code);

    [Test]
    public async Task Publishing_makes_the_version_the_offices_charter_and_its_quarters_charter_update()
    {
        var before = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_office}/checklist?fiscalYear=2024-25&quarter=1");
        await _focalPoint.GetJsonAsync($"/api/v1/offices/{_office}/charter", HttpStatusCode.NotFound);

        var published = await Publish(CharterSamples.Version());
        var charter = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_office}/charter");
        var after = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_office}/checklist?fiscalYear=2024-25&quarter=1");
        var card = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_office}/scorecard?fiscalYear=2024-25&quarter=1");
        var updates = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_office}/charter-updates");

        Assert.Multiple(() =>
        {
            Assert.That((published.GetProperty("version").GetInt32(), published.Str("publishedOn"), published.Str("status")), Is.EqualTo((1, "2024-08-10", "Published")));
            Assert.That(charter.Id(), Is.EqualTo(published.Id()));
            Assert.That(charter.GetProperty("services").EnumerateArray().Select(s => s.Str("nameBn")), Is.EqualTo(new[] { "নামজারি ও জমাভাগ", "খতিয়ানের সার্টিফাইড কপি" }));
            Assert.That(charter.GetProperty("services")[0].GetProperty("serviceId").GetInt64(), Is.Positive);
            Assert.That(charter.GetProperty("services")[0].GetProperty("timeLimitDays").GetInt32(), Is.EqualTo(15), "১৫ কার্যদিবস");
            Assert.That(charter.GetProperty("services")[1].GetProperty("timeLimitDays").GetInt32(), Is.EqualTo(7), "৭ দিন");
            Assert.That(charter.GetProperty("services")[0].GetProperty("officer").Str("designation"), Is.EqualTo("সহকারী কমিশনার (ভূমি)"));
            Assert.That(charter.GetProperty("grievance").EnumerateArray().Select(g => g.GetProperty("level").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(charter.GetProperty("expectations")[1].Str("textEn"), Is.EqualTo("Be on time"));
            Assert.That(Item(before, "1.1.1").Str("status"), Is.EqualTo("Pending"));
            Assert.That(Item(after, "1.1.1").Str("status"), Is.EqualTo("Done"));
            Assert.That(card.GetProperty("indicators").EnumerateArray().Single(i => i.Str("code") == "1.1.1").GetProperty("score").GetDecimal(), Is.Positive);
            Assert.That(updates.GetArrayLength(), Is.EqualTo(1));
            Assert.That((updates[0].Str("portalReference"), updates[0].GetProperty("hasEvidence").GetBoolean(), updates[0].Str("updatedOn")), Is.EqualTo(("charter v1", true, "2024-08-10")));
            Assert.That(published.GetProperty("charterUpdateId").GetInt64(), Is.EqualTo(updates[0].Id()));
        });
    }

    [Test]
    public async Task Publishing_twice_in_a_quarter_counts_once_and_links_the_same_update()
    {
        var first = await Publish(CharterSamples.Version("2024-08-01"));
        var second = await Publish(CharterSamples.Version("2024-08-14"));
        var old = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_office}/charter?version=1");
        var latest = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_office}/charter");

        Assert.Multiple(() =>
        {
            Assert.That(second.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(Sql.Count(_app, "CharterUpdates"), Is.EqualTo(1));
            Assert.That(second.GetProperty("charterUpdateId").GetInt64(), Is.EqualTo(first.GetProperty("charterUpdateId").GetInt64()));
            Assert.That((old.GetProperty("version").GetInt32(), old.Str("publishedOn")), Is.EqualTo((1, "2024-08-01")));
            Assert.That(latest.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(latest.GetProperty("services")[0].GetProperty("serviceId").GetInt64(), Is.EqualTo(old.GetProperty("services")[0].GetProperty("serviceId").GetInt64()),
                "the same Bengali name keeps the service's id");
            Assert.That(Sql.Count(_app, "AuditLog", "Action = 'PublishCharterVersion' AND Outcome = 'Succeeded' AND Username = 'fp'"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_version_without_Bengali_is_rejected_naming_each_field_and_nothing_is_written()
    {
        var service = CharterSamples.Mutation().With("nameBn", "Mutation").With("fee", " ").With("officer", new { name = "", designation = "AC Land" });
        var body = CharterSamples.Version(services: service).With("visionBn", null).With("publishedOn", "2024-08-20");

        var problem = await Publish(body, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "visionBn", "publishedOn", "services[0].nameBn", "services[0].fee", "services[0].officer.name" }));
        Assert.That(Sql.Count(_app, "CharterVersions") + Sql.Count(_app, "CharterUpdates"), Is.Zero);
        Assert.That(Sql.Count(_app, "AuditLog", "Action = 'PublishCharterVersion' AND Outcome = 'Rejected'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_service_id_of_another_office_is_refused_naming_the_row()
    {
        var admin = await _app.AsAdminAsync();
        var other = await admin.PostJsonAsync($"/api/v1/offices/{_otherOffice}/charter/versions", CharterSamples.Version(), HttpStatusCode.Created);
        var foreignId = other.GetProperty("services")[0].GetProperty("serviceId").GetInt64();

        var problem = await Publish(CharterSamples.Version(services: [CharterSamples.Certificate(), CharterSamples.Mutation(serviceId: foreignId)]), HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "services[1].serviceId" }));
    }

    [Test]
    public async Task Only_a_focal_point_of_the_subtree_publishes_and_readers_of_the_subtree_read()
    {
        var viewer = await _app.AsNewUserAsync("viewer", Role.Viewer, _ministry);
        var committee = await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, _ministry);
        var outsider = await _app.AsNewUserAsync("other.fp", Role.FocalPoint, _otherOffice);

        await viewer.PostJsonAsync($"/api/v1/offices/{_office}/charter/versions", CharterSamples.Version(), HttpStatusCode.Forbidden);
        await outsider.PostJsonAsync($"/api/v1/offices/{_office}/charter/versions", CharterSamples.Version(), HttpStatusCode.Forbidden);
        await Publish(CharterSamples.Version());

        await viewer.GetJsonAsync($"/api/v1/offices/{_office}/charter");
        await committee.GetJsonAsync($"/api/v1/offices/{_office}/charter");
        await outsider.GetJsonAsync($"/api/v1/offices/{_office}/charter", HttpStatusCode.Forbidden);
        Assert.That(Sql.Count(_app, "CharterVersions"), Is.EqualTo(1));
    }
}
