using System.Net;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.QualitySystems;

/// <summary>
/// Quality systems through the API, on 10 October 2024 (Q1 of 2024-25 is due on 15 October): an agency adopts ISO 9001,
/// defines its indicators, records Q1's values, and they are scored by the plan's engine apart from the plan.
/// </summary>
public sealed class QualitySystemsApiTests
{
    private const string Year = "2024-25";
    private TestApp _app = null!;
    private HttpClient _focalPoint = null!;
    private long _ministry;
    private long[] _agencies = [];

    [SetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 10, 10));
        (_ministry, _agencies) = await new Given(_app).MinistryWithAsync(2);
        _focalPoint = await _app.AsNewUserAsync("fp", Role.FocalPoint, _ministry);
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    /// <summary>ISO 9001 at the first agency with three indicators, and Q1's values: 2×0.9 + 1×1 + 1×0.8 over 4 = 90.</summary>
    private async Task<(long System, long[] Indicators)> IsoWithValuesAsync(long office)
    {
        var system = (await _focalPoint.PostJsonAsync($"/api/v1/offices/{office}/quality-systems", QualitySamples.Adoption(), HttpStatusCode.Created)).Id();
        var complaints = (await _focalPoint.PostJsonAsync($"/api/v1/offices/{office}/quality-indicators", QualitySamples.Indicator(system), HttpStatusCode.Created)).Id();
        var audits = (await _focalPoint.PostJsonAsync($"/api/v1/offices/{office}/quality-indicators",
            QualitySamples.Indicator(system, "ISO-2", "Number", "Sum", 1, 4), HttpStatusCode.Created)).Id();
        var days = (await _focalPoint.PostJsonAsync($"/api/v1/offices/{office}/quality-indicators",
            QualitySamples.Indicator(system, "ISO-3", "Days", "Average", 1, 10, "LowerIsBetter"), HttpStatusCode.Created)).Id();
        await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{complaints}/values/{Year}/1", QualitySamples.Value("৮১"), HttpStatusCode.Created);
        await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{audits}/values/{Year}/1", QualitySamples.Value(1), HttpStatusCode.Created);
        await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{days}/values/{Year}/1", QualitySamples.Value(12.5m), HttpStatusCode.Created);
        return (system, [complaints, audits, days]);
    }

    [Test]
    public async Task Quarter_values_are_scored_by_the_plans_rules_on_a_scorecard_of_their_own()
    {
        await IsoWithValuesAsync(_agencies[0]);

        var card = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-scorecard?fiscalYear={Year}&quarter=1");
        var iso = card.GetProperty("systems").EnumerateArray().Single();
        var indicators = iso.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.Str("code"));
        var annual = (await _focalPoint.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-scorecard?fiscalYear={Year}")).GetProperty("systems")[0];

        Assert.Multiple(() =>
        {
            Assert.That(iso.Str("systemCode"), Is.EqualTo("ISO9001"));
            // Proportional (the 2024-25 plan's method): 81 of 90 % → 0.9; one audit of the quarter's 4/4 → 1; 10 of 12.5 days, lower being better → 0.8.
            Assert.That(indicators["ISO-1"].GetProperty("actual").GetDecimal(), Is.EqualTo(81m), "Bengali digits read as the number");
            Assert.That(indicators["ISO-1"].GetProperty("score").GetDecimal(), Is.EqualTo(1.8m));
            Assert.That(indicators["ISO-2"].GetProperty("target").GetString(), Is.EqualTo("1"));
            Assert.That(indicators["ISO-2"].GetProperty("score").GetDecimal(), Is.EqualTo(1m));
            Assert.That(indicators["ISO-3"].GetProperty("raw").GetDecimal(), Is.EqualTo(0.8m));
            Assert.That(indicators.Values.Select(i => i.Str("status")), Is.All.EqualTo("Done"));
            Assert.That(iso.GetProperty("score").GetDecimal(), Is.EqualTo(90.00m));
            // The year so far: 81 averaged over four quarters (20.25 of 90) and 1 audit of 4 earn nothing; the days average the quarter measured.
            Assert.That(annual.GetProperty("marks").GetDecimal(), Is.EqualTo(0.8m));
            Assert.That(annual.GetProperty("total").GetDecimal(), Is.EqualTo(4m));
            Assert.That(annual.GetProperty("score").GetDecimal(), Is.EqualTo(20.00m));
        });
    }

    [Test]
    public async Task Recording_quality_values_leaves_the_plan_score_exactly_as_it_was()
    {
        var office = _agencies[0];
        await _focalPoint.PostJsonAsync($"/api/v1/offices/{office}/charter-updates", Samples.CharterUpdate(), HttpStatusCode.Created);
        string[] planUrls =
        [
            $"/api/v1/offices/{office}/scorecard?fiscalYear={Year}&quarter=1", $"/api/v1/offices/{office}/scorecard?fiscalYear={Year}",
            $"/api/v1/offices/{_ministry}/rollup?fiscalYear={Year}&quarter=1", $"/api/v1/offices/{office}/checklist?fiscalYear={Year}&quarter=1",
        ];
        var before = new List<string>();
        foreach (var url in planUrls) before.Add(await _focalPoint.GetStringAsync(url));

        await IsoWithValuesAsync(office);

        var after = new List<string>();
        foreach (var url in planUrls) after.Add(await _focalPoint.GetStringAsync(url));
        Assert.That(after, Is.EqualTo(before));
        Assert.That(JsonDocument.Parse(after[0]).RootElement.GetProperty("indicators").EnumerateArray().Select(i => i.Str("code")), Has.None.StartsWith("ISO"));
    }

    [Test]
    public async Task The_rollup_counts_each_system_over_the_subtree_with_its_average_score()
    {
        await IsoWithValuesAsync(_agencies[0]);
        var pso1 = (await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/quality-systems", QualitySamples.Adoption("PSO-01"), HttpStatusCode.Created)).Id();
        await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/quality-systems", QualitySamples.Adoption("PSO-04", "2024-08-15"), HttpStatusCode.Created);
        var data = (await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/quality-indicators",
            QualitySamples.Indicator(pso1, "PSO-1.1", "Number", "Sum", 1, 4), HttpStatusCode.Created)).Id();
        await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{data}/values/{Year}/1", QualitySamples.Value(2), HttpStatusCode.Created);
        // Outside the ministry's subtree: not counted.
        var other = await new Given(_app).OfficeAsync("ELSE");
        var admin = await _app.AsAdminAsync();
        await admin.PostJsonAsync($"/api/v1/offices/{other}/quality-systems", QualitySamples.Adoption(), HttpStatusCode.Created);
        var committee = await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, _ministry);

        var rollup = await committee.GetJsonAsync($"/api/v1/offices/{_ministry}/quality-rollup?fiscalYear={Year}&quarter=1");
        var systems = rollup.GetProperty("systems").EnumerateArray().ToDictionary(s => s.Str("systemCode"));

        Assert.Multiple(() =>
        {
            Assert.That(systems.Keys, Is.EqualTo(new[] { "ISO9001", "PSO-01", "PSO-04" }));
            Assert.That(systems["ISO9001"].GetProperty("offices").GetInt32(), Is.EqualTo(1));
            Assert.That(systems["ISO9001"].GetProperty("averageScore").GetDecimal(), Is.EqualTo(90.00m));
            Assert.That(systems["PSO-01"].GetProperty("averageScore").GetDecimal(), Is.EqualTo(100.00m));
            Assert.That(systems["PSO-04"].GetProperty("scored").GetInt32(), Is.EqualTo(0), "adopted, no indicator yet");
            Assert.That(systems["PSO-04"].GetProperty("averageScore").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(rollup.GetProperty("offices").GetArrayLength(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Mistakes_come_back_as_problems_naming_their_fields()
    {
        var system = (await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-systems", QualitySamples.Adoption(), HttpStatusCode.Created)).Id();

        var adopt = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-systems", new { systemCode = "ISO9002" }, HttpStatusCode.BadRequest);
        var own = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-systems", new { systemCode = "OWN", adoptedOn = "2024-07-01" }, HttpStatusCode.BadRequest);
        var twice = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-systems", QualitySamples.Adoption(), HttpStatusCode.Conflict);
        var define = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-indicators",
            QualitySamples.Indicator(system, code: "", weight: 0, at100: 120, aggregation: "Date"), HttpStatusCode.BadRequest);
        var levels = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-indicators",
            QualitySamples.Indicator(system).With("targets", new { at100 = 80, at90 = 85 }), HttpStatusCode.BadRequest);
        var indicator = (await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-indicators", QualitySamples.Indicator(system), HttpStatusCode.Created)).Id();
        var notANumber = await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{indicator}/values/{Year}/1", QualitySamples.Value("আশি"), HttpStatusCode.BadRequest);
        var overHundred = await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{indicator}/values/{Year}/1", QualitySamples.Value("১২০"), HttpStatusCode.BadRequest);
        var future = await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{indicator}/values/{Year}/3", QualitySamples.Value(50), HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(adopt.ErrorFields(), Is.EquivalentTo(new[] { "systemCode", "adoptedOn" }));
            Assert.That(own.ErrorFields(), Is.EqualTo(new[] { "nameBn" }));
            Assert.That(twice.GetProperty("status").GetInt32(), Is.EqualTo(409));
            Assert.That(define.ErrorFields(), Is.EquivalentTo(new[] { "code", "weight", "aggregation", "targets.at100" }));
            Assert.That(levels.ErrorFields(), Is.EqualTo(new[] { "targets" }));
            Assert.That(notANumber.ErrorFields(), Is.EqualTo(new[] { "value" }));
            Assert.That(overHundred.ErrorFields(), Is.EqualTo(new[] { "value" }));
            Assert.That(future.ErrorFields(), Is.EqualTo(new[] { "quarter" }));
        });
    }

    [Test]
    public async Task Outside_the_subtree_and_for_a_viewer_the_writes_are_forbidden()
    {
        var (system, indicators) = await IsoWithValuesAsync(_agencies[0]);
        var outsider = await _app.AsNewUserAsync("outsider", Role.FocalPoint, await new Given(_app).OfficeAsync("ELSE"));
        var viewer = await _app.AsNewUserAsync("viewer", Role.Viewer, _agencies[0]);
        var committee = await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, _ministry);

        await outsider.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-systems", QualitySamples.Adoption("PSO-02"), HttpStatusCode.Forbidden);
        await outsider.PutJsonAsync($"/api/v1/quality-indicators/{indicators[0]}/values/{Year}/2", QualitySamples.Value(80), HttpStatusCode.Forbidden);
        await outsider.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-scorecard?fiscalYear={Year}&quarter=1", HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-indicators", QualitySamples.Indicator(system, "ISO-9"), HttpStatusCode.Forbidden);
        await viewer.PutJsonAsync($"/api/v1/quality-indicators/{indicators[0]}/values/{Year}/1", QualitySamples.Value(80).With("version", 1), HttpStatusCode.Forbidden);
        await committee.PostJsonAsync($"/api/v1/quality-systems/{system}/retire", new { retiredOn = "2024-10-01", version = 1 }, HttpStatusCode.Forbidden);
        var read = await viewer.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-scorecard?fiscalYear={Year}&quarter=1");

        Assert.That(read.GetProperty("systems")[0].GetProperty("score").GetDecimal(), Is.EqualTo(90.00m));
    }

    [Test]
    public async Task Edits_need_the_version_read_and_keep_what_they_replaced()
    {
        var (_, indicators) = await IsoWithValuesAsync(_agencies[0]);
        var complaints = indicators[0];

        var edited = await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{complaints}",
            QualitySamples.Indicator(0, at100: 81).With("nameEn", "Complaints resolved in 7 days").With("version", 1), HttpStatusCode.OK);
        var stale = await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{complaints}", QualitySamples.Indicator(0).With("version", 1), HttpStatusCode.Conflict);
        var history = await _focalPoint.GetJsonAsync($"/api/v1/quality-indicators/{complaints}/history");

        var withoutVersion = await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{complaints}/values/{Year}/1", QualitySamples.Value(85), HttpStatusCode.BadRequest);
        var corrected = await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{complaints}/values/{Year}/1", QualitySamples.Value(85).With("version", 1), HttpStatusCode.OK);
        var valueHistory = await _focalPoint.GetJsonAsync($"/api/v1/quality-values/{corrected.Id()}/history");
        var card = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-scorecard?fiscalYear={Year}&quarter=1");
        await _focalPoint.PostJsonAsync($"/api/v1/quality-values/{corrected.Id()}/withdraw", new { reason = "Entered for the wrong indicator", version = 2 }, HttpStatusCode.OK);
        var afterWithdrawal = await _focalPoint.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/quality-scorecard?fiscalYear={Year}&quarter=1");

        Assert.Multiple(() =>
        {
            Assert.That(edited.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(stale.GetProperty("status").GetInt32(), Is.EqualTo(409));
            Assert.That(history.GetArrayLength(), Is.EqualTo(1));
            Assert.That(JsonDocument.Parse(history[0].Str("snapshot")).RootElement.Str("nameEn"), Is.EqualTo("Complaints resolved within 7 days"));
            Assert.That(withoutVersion.ErrorFields(), Is.EqualTo(new[] { "version" }));
            Assert.That(corrected.GetProperty("value").GetDecimal(), Is.EqualTo(85m));
            Assert.That(valueHistory.GetArrayLength(), Is.EqualTo(1));
            // 85 now reaches the edited target of 81: 2×1 + 1 + 0.8 over 4 = 95.
            Assert.That(card.GetProperty("systems")[0].GetProperty("score").GetDecimal(), Is.EqualTo(95.00m));
            // Withdrawn, Q1's complaints value is missing again, and Q1 is not yet due: like the plan's running quarter,
            // it is scored on what is recorded so far, (1 + 0.8) / 2 = 90, and the missing value is Pending, not zero.
            Assert.That(afterWithdrawal.GetProperty("systems")[0].GetProperty("score").GetDecimal(), Is.EqualTo(90.00m));
            Assert.That(afterWithdrawal.GetProperty("systems")[0].GetProperty("indicators")[0].Str("status"), Is.EqualTo("Pending"));
        });
    }

    [Test]
    public async Task A_value_takes_only_evidence_its_recorder_may_read_and_its_file_is_readable_through_it()
    {
        var (_, indicators) = await IsoWithValuesAsync(_agencies[0]);
        var elsewhere = await new Given(_app).OfficeAsync("ELSE");
        var outsider = await _app.AsNewUserAsync("outsider", Role.FocalPoint, elsewhere);
        var foreign = await UploadAsync(outsider, elsewhere);
        var own = await UploadAsync(_focalPoint, _agencies[0]);

        await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{indicators[0]}/values/{Year}/1",
            QualitySamples.Value(85, hasEvidence: false).With("version", 1).With("evidenceIds", new[] { foreign }), HttpStatusCode.Forbidden);
        var value = await _focalPoint.PutJsonAsync($"/api/v1/quality-indicators/{indicators[0]}/values/{Year}/1",
            QualitySamples.Value(85, hasEvidence: false).With("version", 1).With("evidenceIds", new[] { own }), HttpStatusCode.OK);
        var viewer = await _app.AsNewUserAsync("viewer", Role.Viewer, _agencies[0]);
        var download = await viewer.GetAsync($"/api/v1/evidence/{own}");

        Assert.Multiple(() =>
        {
            Assert.That(value.GetProperty("hasEvidence").GetBoolean(), Is.True);
            Assert.That(value.GetProperty("evidenceIds")[0].GetInt64(), Is.EqualTo(own));
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private static async Task<long> UploadAsync(HttpClient client, long office)
    {
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(TrustWorld.SmallPdf) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf") } }, "file", "register.pdf" },
            { new StringContent("2024-09-30"), "evidenceDate" },
            { new StringContent(office.ToString(System.Globalization.CultureInfo.InvariantCulture)), "officeId" },
        };
        return (await (await client.PostAsync("/api/v1/evidence", upload)).JsonAsync(HttpStatusCode.Created)).Id();
    }
}
