using System.Net;
using System.Net.Http.Headers;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Kaizen;

/// <summary>
/// The Kaizen register over HTTP: a case moves Planned → InProgress → Implemented with its version, never back; the
/// improvement is computed; errors name the field as sent; lists cover an office or its subtree; access is the
/// records' own. One app; each test works in offices of its own.
/// </summary>
public sealed class KaizenRegisterTests
{
    private TestApp _app = null!;
    private Given _given = null!;
    private HttpClient _focalPoint = null!;
    private long _ministry;
    private long[] _agencies = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 11, 20));
        _given = new Given(_app);
        (_ministry, _agencies) = await _given.MinistryWithAsync(3);
        _focalPoint = await _app.AsNewUserAsync("kaizen.fp", Role.FocalPoint, _ministry);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [Test]
    public async Task A_case_moves_from_planned_to_implemented_with_its_version_keeps_its_history_and_never_goes_back()
    {
        var office = _agencies[0];
        var planned = await _focalPoint.PostJsonAsync($"/api/v1/offices/{office}/kaizen", Samples.Kaizen("Planned"), HttpStatusCode.Created);
        var id = planned.Id();

        var started = await _focalPoint.PutJsonAsync($"/api/v1/kaizen/{id}", Samples.Kaizen("InProgress").With("version", 1), HttpStatusCode.OK);
        var stale = await _focalPoint.PutJsonAsync($"/api/v1/kaizen/{id}", Samples.Kaizen("Implemented", "2024-10-01").With("version", 1), HttpStatusCode.Conflict);
        var done = await _focalPoint.PutJsonAsync($"/api/v1/kaizen/{id}", Samples.Kaizen("Implemented", "2024-10-01").With("version", 2), HttpStatusCode.OK);
        var back = await _focalPoint.PutJsonAsync($"/api/v1/kaizen/{id}", Samples.Kaizen("InProgress").With("version", 3), HttpStatusCode.Conflict);
        var history = await _focalPoint.GetJsonAsync($"/api/v1/kaizen/{id}/history");
        var withoutVersion = await _focalPoint.PostJsonAsync($"/api/v1/kaizen/{id}/withdraw", new { reason = "Entered twice" }, HttpStatusCode.BadRequest);
        await _focalPoint.PostJsonAsync($"/api/v1/kaizen/{id}/withdraw", new { reason = "Entered twice", version = 3 }, HttpStatusCode.OK);
        var afterWithdrawal = await _focalPoint.PutJsonAsync($"/api/v1/kaizen/{id}", Samples.Kaizen().With("version", 4), HttpStatusCode.Conflict);
        var withdrawn = await _focalPoint.GetJsonAsync($"/api/v1/kaizen/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(planned.Str("status"), Is.EqualTo("Planned"));
            Assert.That(planned.GetProperty("measures")[0].GetProperty("after").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That((started.Str("status"), started.GetProperty("version").GetInt32()), Is.EqualTo(("InProgress", 2)));
            Assert.That(stale.ErrorFields(), Is.EqualTo(new[] { "version" }));
            Assert.That((done.Str("status"), done.Str("implementedOn"), done.Str("implementedRecordedOn")), Is.EqualTo(("Implemented", "2024-10-01", "2024-11-20")));
            Assert.That(back.ErrorFields(), Is.EqualTo(new[] { "status" }));
            Assert.That(back.GetProperty("errors").GetProperty("status")[0].GetString(), Does.Contain("cannot become InProgress"));
            Assert.That(history.EnumerateArray().Select(h => h.GetProperty("version").GetInt32()).ToList(), Is.EqualTo(new[] { 1, 2 }), "the versions that were replaced");
            Assert.That(history[0].Str("snapshot"), Does.Contain("\"status\":\"Planned\""));
            Assert.That(withoutVersion.ErrorFields(), Is.EqualTo(new[] { "version" }));
            Assert.That(afterWithdrawal.GetProperty("detail").GetString(), Does.Contain("withdrawn"));
            Assert.That(withdrawn.GetProperty("withdrawn").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task The_improvement_is_computed_both_ways_and_bengali_digits_are_read_as_numbers()
    {
        var body = Samples.Kaizen().With("measures", new object[]
        {
            new { name = "যাতায়াত", unit = "বার", before = "৭", after = "২" },
            new { name = "Satisfied citizens", unit = "%", before = 60, after = "৯০", better = "Higher" },
        });

        var created = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/kaizen", body, HttpStatusCode.Created);
        var visits = created.GetProperty("measures")[0];
        var satisfied = created.GetProperty("measures")[1];

        Assert.Multiple(() =>
        {
            Assert.That((visits.GetProperty("before").GetDecimal(), visits.GetProperty("after").GetDecimal()), Is.EqualTo((7m, 2m)));
            Assert.That((visits.GetProperty("improvement").GetDecimal(), visits.GetProperty("improvementPercent").GetDecimal()), Is.EqualTo((5m, 71.4m)));
            Assert.That(visits.Str("better"), Is.EqualTo("Lower"), "fewer visits is better unless a measure says otherwise");
            Assert.That((satisfied.GetProperty("improvement").GetDecimal(), satisfied.GetProperty("improvementPercent").GetDecimal()), Is.EqualTo((30m, 50m)));
        });
    }

    [Test]
    public async Task Errors_name_the_fields_as_sent_and_nothing_is_stored()
    {
        var before = Sql.Count(_app, "KaizenCases");
        var body = Samples.Kaizen()
            .Without("implementedOn")
            .With("team", Array.Empty<object>())
            .With("measures", new object[] { new { name = "Visits", unit = "visits", before = 7, after = 2 }, new { name = "Days", unit = "days", before = 15, after = "three" } });

        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[2]}/kaizen", body, HttpStatusCode.BadRequest);
        var future = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[2]}/kaizen", Samples.Kaizen(implementedOn: "2024-12-01"), HttpStatusCode.BadRequest);
        var abandoned = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[2]}/kaizen", Samples.Kaizen("Abandoned"), HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "implementedOn", "team", "measures[1].after" }));
            Assert.That(problem.GetProperty("errors").GetProperty("measures[1].after")[0].GetString(), Does.Contain("number"));
            Assert.That(future.ErrorFields(), Is.EqualTo(new[] { "implementedOn" }));
            Assert.That(abandoned.ErrorFields(), Is.EqualTo(new[] { "abandonedReason" }));
            Assert.That(Sql.Count(_app, "KaizenCases"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task An_office_lists_its_own_cases_and_with_subtree_its_offices_cases_too_a_page_at_a_time()
    {
        var (ministry, agencies) = await _given.MinistryWithAsync(2, "LST");
        var admin = await _app.AsAdminAsync();
        await admin.PostJsonAsync($"/api/v1/offices/{ministry}/kaizen", Samples.Kaizen(), HttpStatusCode.Created);
        foreach (var agency in agencies) await admin.PostJsonAsync($"/api/v1/offices/{agency}/kaizen", Samples.Kaizen("Planned"), HttpStatusCode.Created);

        var own = await admin.GetJsonAsync($"/api/v1/offices/{ministry}/kaizen?fiscalYear=2024-25");
        var subtree = await admin.GetJsonAsync($"/api/v1/offices/{ministry}/kaizen?fiscalYear=2024-25&subtree=true&pageSize=2");
        var implemented = await admin.GetJsonAsync($"/api/v1/offices/{ministry}/kaizen?fiscalYear=2024-25&subtree=true&status=Implemented");
        var convention = await admin.GetJsonAsync($"/api/v1/offices/{ministry}/kaizen/convention?fiscalYear=2024-25");

        Assert.Multiple(() =>
        {
            Assert.That(own.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That((subtree.GetProperty("total").GetInt32(), subtree.GetProperty("items").GetArrayLength()), Is.EqualTo((3, 2)));
            Assert.That(subtree.GetProperty("items")[0].GetProperty("measures").GetArrayLength(), Is.EqualTo(3));
            Assert.That(implemented.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(convention.GetProperty("offices").EnumerateArray().Select(o => o.GetProperty("officeId").GetInt64()), Is.EquivalentTo(agencies.Append(ministry)));
            Assert.That((convention.GetProperty("cases").GetInt32(), convention.GetProperty("officesWithImplemented").GetInt32()), Is.EqualTo((3, 1)));
        });
    }

    [Test]
    public async Task A_focal_point_writes_only_in_its_subtree_a_viewer_never_and_no_one_links_another_offices_evidence()
    {
        var (other, _) = await _given.MinistryWithAsync(0, "OTHK");
        var viewer = await _app.AsNewUserAsync("kaizen.viewer", Role.Viewer, _ministry);
        var admin = await _app.AsAdminAsync();
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(TrustWorld.SmallPdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "other.pdf" },
            { new StringContent("2024-08-10"), "evidenceDate" },
            { new StringContent(other.ToString(System.Globalization.CultureInfo.InvariantCulture)), "officeId" },
        };
        var othersFile = (await (await admin.PostAsync("/api/v1/evidence", upload)).JsonAsync(HttpStatusCode.Created)).Id();
        var othersCase = (await admin.PostJsonAsync($"/api/v1/offices/{other}/kaizen", Samples.Kaizen(), HttpStatusCode.Created)).Id();
        var before = Sql.Count(_app, "KaizenCases");

        await _focalPoint.PostJsonAsync($"/api/v1/offices/{other}/kaizen", Samples.Kaizen(), HttpStatusCode.Forbidden);
        await _focalPoint.GetJsonAsync($"/api/v1/kaizen/{othersCase}", HttpStatusCode.Forbidden);
        await _focalPoint.GetJsonAsync($"/api/v1/offices/{other}/kaizen?fiscalYear=2024-25&subtree=true", HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync($"/api/v1/offices/{_ministry}/kaizen", Samples.Kaizen(), HttpStatusCode.Forbidden);
        await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/kaizen", Samples.Kaizen().With("evidenceIds", new[] { othersFile }), HttpStatusCode.Forbidden);

        Assert.That(Sql.Count(_app, "KaizenCases"), Is.EqualTo(before));
    }
}
