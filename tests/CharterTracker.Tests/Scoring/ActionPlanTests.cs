using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Scoring;

public sealed class ActionPlanTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;

    [SetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2025, 3, 1));
        _admin = await _app.AsAdminAsync();
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [Test]
    public async Task The_2024_25_charter_plan_is_built_in_with_the_fields_the_contract_names()
    {
        var plan = await _admin.GetJsonAsync("/api/v1/action-plans/2024-25");

        var indicators = plan.GetProperty("areas").EnumerateArray().SelectMany(a => a.GetProperty("indicators").EnumerateArray()).ToList();
        var i121 = indicators.Single(i => i.Str("code") == "1.2.1");
        var i122 = indicators.Single(i => i.Str("code") == "1.2.2");
        Assert.Multiple(() =>
        {
            Assert.That((plan.Str("fiscalYear"), plan.GetProperty("total").GetDecimal(), plan.Str("method")), Is.EqualTo(("2024-25", 25m, "Proportional")));
            Assert.That(plan.GetProperty("areas").EnumerateArray().Select(a => (a.Str("code"), a.GetProperty("weight").GetDecimal())), Is.EqualTo(new[] { ("1", 13m), ("2", 12m) }));
            Assert.That(indicators.Select(i => i.Str("code")), Is.EqualTo(new[] { "1.1.1", "1.2.1", "1.2.2", "1.3.1", "1.3.2", "2.1.1", "2.1.2", "2.2.2" }));
            Assert.That((i121.Str("unit"), i121.Str("frequency"), i121.Str("aggregation"), i121.GetProperty("weight").GetDecimal(), i121.Str("applicability"), i121.Str("fedBy")),
                Is.EqualTo(("Percent", "Quarterly", "Average", 4m, "WithSubordinates", "SubordinateCharterUpdates")));
            Assert.That(i121.GetProperty("targets").GetProperty("at60").GetDecimal(), Is.EqualTo(60m));
            Assert.That((i122.Str("alternativeOf"), i122.Str("applicability")), Is.EqualTo(("1.2.1", "WithoutSubordinates")));
        });
    }

    [Test]
    public async Task A_plan_is_cloned_to_the_next_year_and_exported_as_the_json_it_imports()
    {
        var clone = await _admin.PostJsonAsync("/api/v1/action-plans/2024-25/clone", new { toFiscalYear = "2025-26" }, HttpStatusCode.Created);
        var exported = await _admin.GetJsonAsync("/api/v1/action-plans/2025-26");
        var again = await _admin.PostJsonAsync("/api/v1/action-plans/2024-25/clone", new { toFiscalYear = "2025-26" }, HttpStatusCode.Conflict);
        var source = await _admin.GetJsonAsync("/api/v1/action-plans/2024-25");

        Assert.Multiple(() =>
        {
            Assert.That(clone.Str("nameEn"), Does.Contain("2025-26"));
            Assert.That(clone.Str("nameBn"), Does.Contain("২০২৫-২৬"));
            Assert.That(exported.GetProperty("areas").GetRawText(), Is.EqualTo(source.GetProperty("areas").GetRawText()));
            Assert.That(again.ErrorFields(), Is.EqualTo(new[] { "toFiscalYear" }));
        });
    }

    [Test]
    public async Task A_plan_whose_weights_do_not_add_up_is_rejected_naming_the_area()
    {
        var plan = JsonNode.Parse((await _admin.GetJsonAsync("/api/v1/action-plans/2024-25")).GetRawText())!;
        plan["fiscalYear"] = "2025-26";
        plan["areas"]![0]!["indicators"]![0]!["weight"] = 6;

        var problem = await (await _admin.PutAsJsonAsync("/api/v1/action-plans/2025-26", plan)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Does.Contain("areas[0].indicators"));
        Assert.That(problem.GetProperty("errors").GetProperty("areas[0].indicators")[0].GetString(), Does.Contain("weigh 14, not the area's 13"));
    }

    [Test]
    public async Task Targets_that_get_better_at_a_lower_level_are_rejected()
    {
        var plan = JsonNode.Parse((await _admin.GetJsonAsync("/api/v1/action-plans/2024-25")).GetRawText())!;
        plan["fiscalYear"] = "2025-26";
        plan["areas"]![0]!["indicators"]![0]!["targets"]!["at90"] = 5;

        var problem = await (await _admin.PutAsJsonAsync("/api/v1/action-plans/2025-26", plan)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "areas[0].indicators[0].targets" }));
    }

    [Test]
    public async Task A_plan_can_be_edited_before_its_year_starts_but_not_after()
    {
        await _admin.PostJsonAsync("/api/v1/action-plans/2024-25/clone", new { toFiscalYear = "2025-26" }, HttpStatusCode.Created);
        var next = JsonNode.Parse((await _admin.GetJsonAsync("/api/v1/action-plans/2025-26")).GetRawText())!;
        next["lockDays"] = 45;
        var current = JsonNode.Parse((await _admin.GetJsonAsync("/api/v1/action-plans/2024-25")).GetRawText())!;
        current["lockDays"] = 45;

        var edited = await (await _admin.PutAsJsonAsync("/api/v1/action-plans/2025-26", next)).JsonAsync(HttpStatusCode.OK);
        var refused = await (await _admin.PutAsJsonAsync("/api/v1/action-plans/2024-25", current)).JsonAsync(HttpStatusCode.Conflict);

        Assert.That(edited.GetProperty("lockDays").GetInt32(), Is.EqualTo(45));
        Assert.That(refused.Str("detail"), Does.Contain("2024-07-01"));
    }

    [Test]
    public async Task Only_an_administrator_changes_plans()
    {
        var ministry = await new Given(_app).OfficeAsync("M", kind: CharterTracker.Offices.OfficeKind.Ministry);
        var committee = await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, ministry);

        await committee.GetJsonAsync("/api/v1/action-plans/2024-25");
        await committee.PostJsonAsync("/api/v1/action-plans/2024-25/clone", new { toFiscalYear = "2025-26" }, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task An_unknown_year_has_no_plan()
    {
        var problem = await _admin.GetJsonAsync("/api/v1/action-plans/2031-32", HttpStatusCode.NotFound);

        Assert.That(problem.Str("detail"), Does.Contain("2031-32"));
    }
}
