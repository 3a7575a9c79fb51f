using System.Net;
using System.Text;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Charters;

/// <summary>Drafts, the changes between versions, stable service ids, and the services as CSV.</summary>
public sealed class CharterVersionsTests
{
    private TestApp _app = null!;
    private HttpClient _focalPoint = null!;
    private long _office;

    [SetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        var (_, agencies) = await new Given(_app).MinistryWithAsync(1);
        _office = agencies[0];
        _focalPoint = await _app.AsNewUserAsync("fp", Role.FocalPoint, _office);
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private string Url(string rest = "") => $"/api/v1/offices/{_office}/charter{rest}";

    [Test]
    public async Task The_changes_name_each_service_field_that_differs_and_the_services_added_and_removed()
    {
        var first = await _focalPoint.PostJsonAsync(Url("/versions"), CharterSamples.Version("2024-08-01"), HttpStatusCode.Created);
        var mutationId = first.GetProperty("services")[0].GetProperty("serviceId").GetInt64();
        var newService = CharterSamples.Certificate().With("nameBn", "ভূমি উন্নয়ন কর আদায়").With("timeLimit", "তাৎক্ষণিক");
        // The mutation is renamed but keeps its id; the certified copy is dropped; land tax is new.
        var mutation = CharterSamples.Mutation(fee: "১,১০০ টাকা (ই-পেমেন্ট)", timeLimit: "৭ কার্যদিবস", officer: CharterSamples.Officer("মোসাঃ নাসরিন আক্তার"), serviceId: mutationId)
            .With("nameBn", "ই-নামজারি");
        var second = CharterSamples.Version("2024-08-14", mutation, newService).With("visionBn", "স্মার্ট ভূমি সেবা");
        await _focalPoint.PostJsonAsync(Url("/versions"), second, HttpStatusCode.Created);

        var changes = await _focalPoint.GetJsonAsync(Url("/changes?from=1&to=2"));
        var byDefault = await _focalPoint.GetJsonAsync(Url("/changes"));

        var changed = changes.GetProperty("changed").EnumerateArray().Select(c => (c.GetProperty("serviceId").GetInt64(), c.Str("field"), c.Str("from"), c.Str("to"))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.EquivalentTo(new[]
            {
                (mutationId, "nameBn", "নামজারি ও জমাভাগ", "ই-নামজারি"),
                (mutationId, "fee", "১,১৫০ টাকা (ই-পেমেন্ট)", "১,১০০ টাকা (ই-পেমেন্ট)"),
                (mutationId, "timeLimit", "১৫ কার্যদিবস", "৭ কার্যদিবস"),
                (mutationId, "officer.name", "মোঃ আব্দুল করিম", "মোসাঃ নাসরিন আক্তার"),
            }));
            Assert.That(changes.GetProperty("added").EnumerateArray().Select(s => s.Str("nameBn")), Is.EqualTo(new[] { "ভূমি উন্নয়ন কর আদায়" }));
            Assert.That(changes.GetProperty("removed").EnumerateArray().Select(s => s.Str("nameBn")), Is.EqualTo(new[] { "খতিয়ানের সার্টিফাইড কপি" }));
            Assert.That(changes.GetProperty("charter").EnumerateArray().Select(c => (c.Str("field"), c.Str("to"))), Is.EqualTo(new[] { ("visionBn", "স্মার্ট ভূমি সেবা") }));
            Assert.That(byDefault.GetRawText(), Is.EqualTo(changes.GetRawText()), "by default: the latest against the one before");
        });
    }

    [Test]
    public async Task A_draft_starts_saves_with_its_revision_refuses_a_stale_one_and_publishes_as_the_next_version()
    {
        await _focalPoint.PostJsonAsync(Url("/versions"), CharterSamples.Version("2024-08-01"), HttpStatusCode.Created);
        await _focalPoint.GetJsonAsync(Url("/draft"), HttpStatusCode.NotFound);
        var latest = await _focalPoint.GetJsonAsync(Url());
        // The page's way: read the latest version, change it, save it as the draft.
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(latest.GetRawText())!.Without("revision");
        var draft = await _focalPoint.PutJsonAsync(Url("/draft"), body.With("missionBn", "দ্রুত ও হয়রানিমুক্ত ভূমি সেবা"), HttpStatusCode.OK);
        var saved = await _focalPoint.PutJsonAsync(Url("/draft"), body.With("missionBn", "দ্রুত ভূমি সেবা").With("revision", 1), HttpStatusCode.OK);
        var stale = await _focalPoint.PutJsonAsync(Url("/draft"), body.With("revision", 1), HttpStatusCode.Conflict);
        var noRevision = await _focalPoint.PutJsonAsync(Url("/draft"), body, HttpStatusCode.Conflict);
        var staleBeforePublish = await _focalPoint.PostJsonAsync(Url("/draft/publish"), new { publishedOn = "2024-08-14", revision = 1 }, HttpStatusCode.Conflict);
        var published = await _focalPoint.PostJsonAsync(Url("/draft/publish"), new { publishedOn = "2024-08-14", revision = 2 }, HttpStatusCode.OK);
        var again = await _focalPoint.PostJsonAsync(Url("/draft/publish"), new { publishedOn = "2024-08-14", revision = 2 }, HttpStatusCode.Conflict);
        var editPublished = await _focalPoint.PutJsonAsync(Url("/draft"), body.With("revision", 2), HttpStatusCode.Conflict);
        var versions = await _focalPoint.GetJsonAsync(Url("/versions"));

        Assert.Multiple(() =>
        {
            Assert.That((draft.Str("status"), draft.GetProperty("revision").GetInt32()), Is.EqualTo(("Draft", 1)));
            Assert.That(saved.GetProperty("revision").GetInt32(), Is.EqualTo(2));
            Assert.That(stale.ErrorFields(), Is.EqualTo(new[] { "revision" }));
            Assert.That(noRevision.ErrorFields(), Is.EqualTo(new[] { "revision" }));
            Assert.That(staleBeforePublish.ErrorFields(), Is.EqualTo(new[] { "revision" }));
            Assert.That((published.Str("status"), published.GetProperty("version").GetInt32(), published.Str("missionBn")), Is.EqualTo(("Published", 2, "দ্রুত ভূমি সেবা")));
            Assert.That(published.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("serviceId").GetInt64()),
                Is.EqualTo(latest.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("serviceId").GetInt64())), "the ids the draft carried");
            Assert.That(again.GetProperty("detail").GetString(), Does.Contain("never changes"));
            Assert.That(editPublished.ErrorFields(), Is.EqualTo(new[] { "revision" }));
            Assert.That(versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.Str("status"))), Is.EqualTo(new[] { (2, "Published"), (1, "Published") }));
            Assert.That(Sql.Count(_app, "CharterUpdates"), Is.EqualTo(1), "both versions in Q1: one charter update");
            Assert.That(Sql.Count(_app, "AuditLog", "Action IN ('SaveCharterDraft', 'PublishCharterDraft') AND Outcome = 'Succeeded'"), Is.EqualTo(3));
            Assert.That(Sql.Count(_app, "AuditLog", "Action IN ('SaveCharterDraft', 'PublishCharterDraft') AND Outcome = 'Rejected'"), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task A_version_published_while_a_draft_is_open_keeps_the_numbers_in_order()
    {
        await _focalPoint.PutJsonAsync(Url("/draft"), CharterSamples.Version().Without("publishedOn"), HttpStatusCode.OK);
        var direct = await _focalPoint.PostJsonAsync(Url("/versions"), CharterSamples.Version("2024-08-02"), HttpStatusCode.Created);
        var fromDraft = await _focalPoint.PostJsonAsync(Url("/draft/publish"), new { publishedOn = "2024-08-03", revision = 1 }, HttpStatusCode.OK);

        Assert.That((direct.GetProperty("version").GetInt32(), fromDraft.GetProperty("version").GetInt32()), Is.EqualTo((1, 2)));
    }

    [Test]
    public async Task The_services_go_out_as_CSV_and_come_back_into_the_draft_with_their_ids()
    {
        var published = await _focalPoint.PostJsonAsync(Url("/versions"), CharterSamples.Version(), HttpStatusCode.Created);
        var export = await _focalPoint.GetAsync(Url("/services.csv"));
        var csv = await export.Content.ReadAsStringAsync();

        var imported = await (await _focalPoint.PostAsync(Url("/draft/services.csv"), new StringContent(csv, Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(export.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
            Assert.That(csv.Split("\r\n")[0], Does.StartWith("সেবার পরিচিতি / Service id / serviceId,সেবার ধরন / Category / category,"));
            Assert.That(imported.Str("status"), Is.EqualTo("Draft"));
            Assert.That(JsonSerializer.Serialize(imported.GetProperty("services")), Is.EqualTo(JsonSerializer.Serialize(published.GetProperty("services"))), "the same services, ids and all");
            Assert.That(imported.Str("visionBn"), Is.EqualTo("দক্ষ ও স্বচ্ছ ভূমি সেবা"), "the rest of the charter comes from the latest version");
        });
    }

    [Test]
    public async Task A_bad_file_lists_every_error_of_every_line_and_saves_nothing()
    {
        await _focalPoint.PostJsonAsync(Url("/versions"), CharterSamples.Version(), HttpStatusCode.Created);
        var csv = "category,nameBn,method,documents,fee,timeLimit,officerName,officerDesignation,officerEmail,serviceId\n"
                  + "Citizen,নামজারি,অনলাইনে,দলিল,১১৫০ টাকা,৭ দিন,করিম,এসি ল্যান্ড,,\n"
                  + "Ministerial,Mutation,অনলাইনে,,১১৫০ টাকা,৭ দিন,,এসি ল্যান্ড,not-an-email,x\n"
                  + "Citizen,খতিয়ান,অনলাইনে,আবেদন,,৭ দিন,করিম,,,\n";

        var problem = await (await _focalPoint.PostAsync(Url("/draft/services.csv"), new StringContent(csv, Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.BadRequest);
        var ok = await (await _focalPoint.PostAsync(Url("/draft/services.csv"), new StringContent(CharterSamples.ServicesCsv, Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[]
            {
                "lines[3].category", "lines[3].nameBn", "lines[3].documents", "lines[3].officerName", "lines[3].officerEmail", "lines[3].serviceId",
                "lines[4].fee", "lines[4].officerDesignation",
            }));
            Assert.That(ok.GetProperty("services").EnumerateArray().Select(s => (s.Str("nameBn"), s.GetProperty("timeLimitDays").ValueKind == JsonValueKind.Null)),
                Is.EqualTo(new[] { ("নামজারি ও জমাভাগ", false), ("ভূমি উন্নয়ন কর আদায়", true) }));
            Assert.That(Sql.Count(_app, "CharterVersions", "Status = 'Draft'"), Is.EqualTo(1), "only the good file made a draft");
        });
    }
}
