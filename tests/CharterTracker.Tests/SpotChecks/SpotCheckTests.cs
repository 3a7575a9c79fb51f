using System.Net;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.SpotChecks;

/// <summary>
/// Spot checks over HTTP: the committee of a ministry draws from the latest published charters of its subtree,
/// records findings, issues the report; the draw can be repeated from its seed; the year's two reports are counted.
/// World: M (ministry) with agencies A1 (charter v1 of 3 services, then v2 of 1) and A2 (9 services), A3 (no charter);
/// another ministry O with B1 (5 services). Today 15 Aug 2024 (2024-25 Q1).
/// </summary>
public sealed class SpotCheckTests
{
    private TestApp _app = null!;
    private Dictionary<string, long> _office = null!;
    private HttpClient _committee = null!;
    private HttpClient _outsider = null!;
    private HttpClient _focal = null!;
    private long _a1Latest;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        var given = new Given(_app);
        _office = new Dictionary<string, long> { ["M"] = await given.OfficeAsync("M", kind: OfficeKind.Ministry) };
        foreach (var code in new[] { "A1", "A2", "A3" }) _office[code] = await given.OfficeAsync(code, _office["M"]);
        _office["O"] = await given.OfficeAsync("O", kind: OfficeKind.Ministry);
        _office["B1"] = await given.OfficeAsync("B1", _office["O"]);
        await PublishedCharters.PublishAsync(_app, _office["A1"], 3, "2024-07-20", "পুরনো সেবা");
        _a1Latest = await PublishedCharters.PublishAsync(_app, _office["A1"], 1, "2024-08-01", "এ১ সেবা");
        await PublishedCharters.PublishAsync(_app, _office["A2"], 9, "2024-08-02", "এ২ সেবা");
        await PublishedCharters.PublishAsync(_app, _office["B1"], 5, "2024-08-02", "বি১ সেবা");
        _committee = await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, _office["M"]);
        _outsider = await _app.AsNewUserAsync("other.committee", Role.MonitoringCommittee, _office["O"]);
        _focal = await _app.AsNewUserAsync("focal", Role.FocalPoint, _office["M"]);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<System.Text.Json.JsonElement> DrawAsync(int sampleSize, int quarter = 1) =>
        await _committee.PostJsonAsync($"/api/v1/offices/{_office["M"]}/spot-checks", new { fiscalYear = "2024-25", quarter, sampleSize }, HttpStatusCode.Created);

    private static object Finding(bool ok = true, string checkedOn = "2024-08-15", string? note = null) =>
        new { checkedOn, withinTimeLimit = ok, feeAsPublished = true, documentsAsPublished = true, note };

    [Test]
    public async Task A_draw_samples_services_of_the_latest_charters_of_the_subtree_and_stores_its_seed()
    {
        var check = await DrawAsync(4);
        var items = check.GetProperty("items").EnumerateArray().ToList();
        var stored = await _committee.GetJsonAsync($"/api/v1/spot-checks/{check.Id()}");

        Assert.Multiple(() =>
        {
            Assert.That(items, Has.Count.EqualTo(4));
            Assert.That(items.Select(i => i.GetProperty("officeId").GetInt64()), Has.All.AnyOf(_office["A1"], _office["A2"]), "only the subtree's offices, only those with a charter");
            Assert.That(items.Select(i => i.Str("serviceName")), Has.None.StartsWith("পুরনো"), "the latest version only");
            Assert.That(items.Select(i => i.GetProperty("itemId").GetInt64()), Is.Unique);
            Assert.That(check.GetProperty("population").GetInt32(), Is.EqualTo(10), "1 service of A1's v2 + 9 of A2");
            Assert.That(check.GetProperty("seed").GetInt64(), Is.GreaterThan(0));
            Assert.That(stored.GetProperty("items").GetArrayLength(), Is.EqualTo(4));
            Assert.That(stored.GetProperty("charterVersionIds").EnumerateArray().Select(v => v.GetInt64()).ToList(), Does.Contain(_a1Latest).And.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task The_draw_repeats_from_its_seed_and_a_tampered_sample_does_not()
    {
        var check = await DrawAsync(5);
        var verified = await _committee.GetJsonAsync($"/api/v1/spot-checks/{check.Id()}/verify");
        Assert.That(verified.GetProperty("matches").GetBoolean(), Is.True, verified.ToString());

        // Someone swaps a sampled service for one they prefer, behind the app's back.
        var firstItem = check.GetProperty("items")[0].GetProperty("itemId").GetInt64();
        var unsampled = Sql.Query<long>(_app, "SELECT s.ServiceId FROM CharterServices s JOIN SpotCheckCharters c ON c.CharterVersionId = s.CharterVersionId "
            + "WHERE c.SpotCheckId = @id AND s.ServiceId NOT IN (SELECT ServiceId FROM SpotCheckItems WHERE SpotCheckId = @id)", new { id = check.Id() }).First();
        Sql.Execute(_app, "UPDATE SpotCheckItems SET ServiceId = @unsampled WHERE Id = @firstItem", new { unsampled, firstItem });
        var tampered = await _committee.GetJsonAsync($"/api/v1/spot-checks/{check.Id()}/verify");

        Assert.That(tampered.GetProperty("matches").GetBoolean(), Is.False);
    }

    [Test]
    public async Task A_sample_larger_than_the_services_available_takes_each_service_once()
    {
        var check = await DrawAsync(50);

        Assert.Multiple(() =>
        {
            Assert.That(check.GetProperty("items").GetArrayLength(), Is.EqualTo(10));
            Assert.That(check.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("serviceId").GetInt64()), Is.Unique);
            Assert.That(check.GetProperty("sampleSize").GetInt32(), Is.EqualTo(50), "as asked");
        });
    }

    [Test]
    public async Task A_subtree_without_published_charters_has_nothing_to_draw_from()
    {
        var admin = await _app.AsAdminAsync();
        var problem = await admin.PostJsonAsync($"/api/v1/offices/{_office["A3"]}/spot-checks", new { fiscalYear = "2024-25", quarter = 1, sampleSize = 3 }, HttpStatusCode.Conflict);

        Assert.That(problem.Str("detail"), Does.Contain("nothing to draw from"));
    }

    [Test]
    public async Task A_draw_needs_a_valid_period_and_size()
    {
        var problem = await _committee.PostJsonAsync($"/api/v1/offices/{_office["M"]}/spot-checks", new { fiscalYear = "2024", quarter = 5, sampleSize = 0 }, HttpStatusCode.BadRequest);
        var future = await _committee.PostJsonAsync($"/api/v1/offices/{_office["M"]}/spot-checks", new { fiscalYear = "2024-25", quarter = 3, sampleSize = 3 }, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem.ErrorFields(), Is.SupersetOf(new[] { "fiscalYear", "quarter", "sampleSize" }));
            Assert.That(future.ErrorFields(), Is.EqualTo(new[] { "quarter" }), "a quarter not yet begun");
        });
    }

    [Test]
    public async Task A_focal_point_cannot_draw_and_another_ministrys_committee_can_neither_draw_nor_record_here()
    {
        var check = await DrawAsync(2);
        var item = check.GetProperty("items")[0].GetProperty("itemId").GetInt64();

        var byFocal = await _focal.PostAsync($"/api/v1/offices/{_office["M"]}/spot-checks", Json(new { fiscalYear = "2024-25", quarter = 1, sampleSize = 2 }));
        var byOutsider = await _outsider.PostAsync($"/api/v1/offices/{_office["M"]}/spot-checks", Json(new { fiscalYear = "2024-25", quarter = 1, sampleSize = 2 }));
        var findingByOutsider = await _outsider.PutAsync($"/api/v1/spot-checks/{check.Id()}/items/{item}", Json(Finding()));
        var findingByFocal = await _focal.PutAsync($"/api/v1/spot-checks/{check.Id()}/items/{item}", Json(Finding()));
        var readByOutsider = await _outsider.GetAsync($"/api/v1/spot-checks/{check.Id()}");

        Assert.Multiple(() =>
        {
            Assert.That(byFocal.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(byOutsider.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(findingByOutsider.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(findingByFocal.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(readByOutsider.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task A_finding_answers_all_three_questions_and_says_what_was_found_when_one_is_no()
    {
        var check = await DrawAsync(2);
        var item = check.GetProperty("items")[0].GetProperty("itemId").GetInt64();
        var otherCheck = await DrawAsync(1);
        var url = $"/api/v1/spot-checks/{check.Id()}/items/{item}";

        var empty = await _committee.PutJsonAsync(url, new { }, HttpStatusCode.BadRequest);
        var noWithoutNote = await _committee.PutJsonAsync(url, Finding(ok: false), HttpStatusCode.BadRequest);
        var future = await _committee.PutJsonAsync(url, Finding(checkedOn: "2024-08-16"), HttpStatusCode.BadRequest);
        var beforeDraw = await _committee.PutJsonAsync(url, Finding(checkedOn: "2024-08-14"), HttpStatusCode.BadRequest);
        await _committee.PutJsonAsync($"/api/v1/spot-checks/{otherCheck.Id()}/items/{item}", Finding(), HttpStatusCode.NotFound);
        var saved = await _committee.PutJsonAsync(url, Finding(ok: false, note: "১২ কার্যদিবস লেগেছে"), HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(empty.ErrorFields(), Is.SupersetOf(new[] { "checkedOn", "withinTimeLimit", "feeAsPublished", "documentsAsPublished" }));
            Assert.That(noWithoutNote.ErrorFields(), Is.EqualTo(new[] { "note" }));
            Assert.That(future.ErrorFields(), Is.EqualTo(new[] { "checkedOn" }));
            Assert.That(beforeDraw.ErrorFields(), Is.EqualTo(new[] { "checkedOn" }));
            Assert.That(saved.GetProperty("withinTimeLimit").GetBoolean(), Is.False);
            Assert.That(saved.Str("note"), Is.EqualTo("১২ কার্যদিবস লেগেছে"));
            Assert.That(Sql.Count(_app, "AuditLog", "Action LIKE '%SpotCheckFinding%' AND Outcome = 'Succeeded'"), Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task The_report_is_issued_once_every_service_is_checked_and_then_its_findings_are_fixed()
    {
        var check = await DrawAsync(2);
        var items = check.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetInt64()).ToList();
        var issue = new { memoNumber = "০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.২০০", issuedOn = "2024-08-15", notes = "সার্বিকভাবে সন্তোষজনক", signatoryName = "মোঃ পারভেজ হাসান", signatoryDesignation = "যুগ্মসচিব ও আহ্বায়ক" };

        await _committee.PutJsonAsync($"/api/v1/spot-checks/{check.Id()}/items/{items[0]}", Finding(), HttpStatusCode.OK);
        var early = await _committee.PostJsonAsync($"/api/v1/spot-checks/{check.Id()}/issue", issue, HttpStatusCode.Conflict);
        await _committee.PutJsonAsync($"/api/v1/spot-checks/{check.Id()}/items/{items[1]}", Finding(), HttpStatusCode.OK);
        var badMemo = await _committee.PostJsonAsync($"/api/v1/spot-checks/{check.Id()}/issue", new { memoNumber = "12", issuedOn = "2024-08-15", signatoryName = "ক", signatoryDesignation = "খ" }, HttpStatusCode.BadRequest);
        var issued = await _committee.PostJsonAsync($"/api/v1/spot-checks/{check.Id()}/issue", issue, HttpStatusCode.OK);
        await _committee.PutJsonAsync($"/api/v1/spot-checks/{check.Id()}/items/{items[1]}", Finding(ok: false, note: "দেরি"), HttpStatusCode.Conflict);
        await _committee.PostJsonAsync($"/api/v1/spot-checks/{check.Id()}/issue", issue, HttpStatusCode.Conflict);

        Assert.Multiple(() =>
        {
            Assert.That(early.Str("detail"), Does.Contain("1 of 2"));
            Assert.That(badMemo.ErrorFields(), Is.EqualTo(new[] { "memoNumber" }));
            Assert.That(issued.Str("issuedOn"), Is.EqualTo("2024-08-15"));
            Assert.That(issued.Str("memoNumber"), Is.EqualTo("05.00.0000.197.16.001.24.200"));
        });
    }

    [Test]
    public async Task The_list_and_the_quarters_findings_by_office_cover_the_subtree()
    {
        var check = await DrawAsync(10);
        foreach (var item in check.GetProperty("items").EnumerateArray())
        {
            await _committee.PutJsonAsync($"/api/v1/spot-checks/{check.Id()}/items/{item.GetProperty("itemId").GetInt64()}", Finding(), HttpStatusCode.OK);
        }
        var list = await _committee.GetJsonAsync($"/api/v1/offices/{_office["M"]}/spot-checks?fiscalYear=2024-25");
        var findings = await _committee.GetJsonAsync($"/api/v1/offices/{_office["M"]}/spot-checks/findings?fiscalYear=2024-25&quarter=1");
        var outsiders = await _outsider.GetAsync($"/api/v1/offices/{_office["M"]}/spot-checks?fiscalYear=2024-25");

        Assert.Multiple(() =>
        {
            Assert.That(list.EnumerateArray().Select(c => c.Id()), Does.Contain(check.Id()));
            var byOffice = findings.GetProperty("byOffice").EnumerateArray().ToDictionary(o => o.GetProperty("officeId").GetInt64());
            Assert.That(byOffice.Keys, Is.EquivalentTo(new[] { _office["A1"], _office["A2"] }));
            Assert.That(byOffice[_office["A2"]].GetProperty("sampled").GetInt32(), Is.GreaterThanOrEqualTo(9));
            Assert.That(outsiders.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    private static StringContent Json(object body) => new(System.Text.Json.JsonSerializer.Serialize(body, TestApp.Json), System.Text.Encoding.UTF8, "application/json");
}
