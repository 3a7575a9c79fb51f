using System.Net;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Kaizen;
using CharterTracker.Pipeline;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Kaizen;

/// <summary>
/// "One year, one project" in the plan: a year whose plan adds the Kaizen indicator shows an office without an
/// implemented case the item on its checklist and scorecard; recording one moves it to Done. The built-in 2024-25
/// plan has no such indicator.
/// </summary>
public sealed class KaizenIndicatorTests
{
    private TestApp _app = null!;

    [SetUp]
    public async Task Start() => _app = await TestApp.StartAsync(TestClock.At(2025, 3, 1));

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private static JsonElement Item(JsonElement checklist) =>
        checklist.GetProperty("items").EnumerateArray().Single(i => i.Str("indicatorCode") == KaizenIndicator.Code);

    private static JsonElement Indicator(JsonElement scorecard) =>
        scorecard.GetProperty("indicators").EnumerateArray().Single(i => i.Str("code") == KaizenIndicator.Code);

    [Test]
    public async Task An_office_without_an_implemented_case_sees_the_item_and_recording_one_moves_its_checklist_and_scorecard()
    {
        var admin = await _app.AsAdminAsync();
        var (ministry, agencies) = await new Given(_app).MinistryWithAsync(1);
        var agency = agencies[0];
        var builtIn = await admin.GetJsonAsync("/api/v1/action-plans/2024-25");
        // Next year's plan: the built-in one with the Kaizen area, imported before the year starts.
        var plan = KaizenIndicator.AddTo(JsonSerializer.Deserialize<ActionPlan>(builtIn.GetRawText(), ApiJson.Options)!) with { FiscalYear = "2025-26" };
        await (await admin.PutAsync("/api/v1/action-plans/2025-26", System.Net.Http.Json.JsonContent.Create(plan, options: TestApp.Json))).JsonAsync(HttpStatusCode.OK);
        _app.Clock.SetDhakaDate(2025, 10, 5);
        _app.ForgetSignIns();
        admin = await _app.AsAdminAsync();
        var focalPoint = await _app.AsNewUserAsync("kz.fp", Role.FocalPoint, ministry);

        var before = await focalPoint.GetJsonAsync($"/api/v1/offices/{agency}/checklist?fiscalYear=2025-26&quarter=2");
        var planned = await focalPoint.PostJsonAsync($"/api/v1/offices/{agency}/kaizen", Samples.Kaizen("Planned").With("fiscalYear", "2025-26"), HttpStatusCode.Created);
        var stillPending = await focalPoint.GetJsonAsync($"/api/v1/offices/{agency}/checklist?fiscalYear=2025-26&quarter=2");
        await focalPoint.PutJsonAsync($"/api/v1/kaizen/{planned.Id()}", Samples.Kaizen("Implemented", "2025-09-20").With("fiscalYear", "2025-26").With("version", 1), HttpStatusCode.OK);
        var after = await focalPoint.GetJsonAsync($"/api/v1/offices/{agency}/checklist?fiscalYear=2025-26&quarter=2");
        var scorecard = await focalPoint.GetJsonAsync($"/api/v1/offices/{agency}/scorecard?fiscalYear=2025-26");
        var ministryCard = await focalPoint.GetJsonAsync($"/api/v1/offices/{ministry}/scorecard?fiscalYear=2025-26");

        Assert.Multiple(() =>
        {
            Assert.That(builtIn.GetProperty("areas").EnumerateArray().SelectMany(a => a.GetProperty("indicators").EnumerateArray()).Select(i => i.Str("fedBy")),
                Does.Not.Contain("KaizenCases"), "the built-in 2024-25 plan stays as issued");
            Assert.That((Item(before).Str("status"), Item(before).Str("missing")), Is.EqualTo(("Pending", "1 implemented Kaizen case to record.")));
            Assert.That(Item(stillPending).Str("status"), Is.EqualTo("Pending"), "a planned case is not an implemented one");
            Assert.That(Item(after).Str("status"), Is.EqualTo("Done"));
            Assert.That(Item(after).GetProperty("recordedOn").GetString(), Is.EqualTo("2025-10-05"), "counted from the day it was saved as implemented");
            Assert.That((Indicator(scorecard).Str("status"), Indicator(scorecard).GetProperty("score").GetDecimal()), Is.EqualTo(("Done", KaizenIndicator.Weight)));
            Assert.That(Indicator(ministryCard).Str("status"), Is.EqualTo("Pending"), "the ministry has none of its own");
        });
    }
}
