using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>The action plans on the admin pages: view, clone a year into the next, edit a plan before its year starts.</summary>
public sealed class AdminPlansTests
{
    private TestApp _app = null!;

    [SetUp]
    public async Task Start()
    {
        // 25 September 2024: 2024-25 is running.
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        await _app.UserAsync("admin.bn", Role.SystemAdmin, null, language: "bn");
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private Task<HttpClient> AdminAsync() => _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);

    private async Task CloneNextYearAsync() =>
        await (await _app.AsAdminAsync()).PostJsonAsync("/api/v1/action-plans/2024-25/clone", new { toFiscalYear = "2025-26" }, HttpStatusCode.Created);

    private string StoredPlan(string year) => Sql.Query<string>(_app, "SELECT Document FROM ActionPlans WHERE FiscalYear = @year", new { year }).Single();

    /// <summary>Every input of the edit form with the value it holds, as a browser would post it back.</summary>
    private static Dictionary<string, string> EditFields(string html) =>
        Regex.Matches(html, "<input type=\"text\" id=\"[^\"]+\" name=\"([^\"]+)\"(?: value=\"([^\"]*)\")?[^>]*data-type=\"(?:number|date)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    private static string? IndicatorRow(string html, string code) =>
        Regex.Match(html, $"<tr data-indicator=\"{Regex.Escape(code)}\">(.*?)</tr>", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value : null;

    [Test]
    public async Task The_plans_list_shows_each_year_with_its_state_and_a_running_year_has_no_edit_link()
    {
        await CloneNextYearAsync();
        var admin = await AdminAsync();

        var html = await admin.PageAsync("/admin/action-plans");

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Match(html, "<tr data-year=\"2024-25\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value,
                Does.Contain("data-state=\"running\"").And.Not.Contain("/edit"));
            Assert.That(Regex.Match(html, "<tr data-year=\"2025-26\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value,
                Does.Contain("data-state=\"not-started\"").And.Contain("href=\"/admin/action-plans/2025-26/edit\""));
        });
    }

    [Test]
    public async Task A_plan_is_shown_with_its_areas_and_every_indicators_fields_in_Bengali()
    {
        var admin = await _app.SignInOnFormAsync("admin.bn");

        var html = await admin.PageAsync("/admin/action-plans/2024-25");
        var i111 = IndicatorRow(html, "1.1.1");
        var i121 = IndicatorRow(html, "1.2.1");
        var i122 = IndicatorRow(html, "1.2.2");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("সেবা প্রদান প্রতিশ্রুতি বাস্তবায়ন কর্মপরিকল্পনা ২০২৪-২৫"));
            Assert.That(html, Does.Contain("[১] প্রাতিষ্ঠানিক").And.Contain("মান ১৩"));
            Assert.That(i111, Does.Contain("[১.১.১]").And.Contain("সংখ্যা").And.Contain("ত্রৈমাসিক").And.Contain("যোগফল").And.Contain("সেবা প্রদান প্রতিশ্রুতি হালনাগাদ"));
            Assert.That(i111, Does.Contain("data-weight=\"5\"").And.Contain("<td data-target=\"at100\">৪</td>").And.Contain("<td data-target=\"at90\">৩</td>").And.Contain("<td data-target=\"at80\">—</td>"));
            Assert.That(i111, Does.Contain("ত্রৈমাসিক শেষের ১৫ দিন পর"));
            Assert.That(i121, Does.Contain("শতাংশ").And.Contain("গড়").And.Contain("<td data-target=\"at60\">৬০%</td>").And.Contain("আওতাধীন দপ্তর আছে এমন দপ্তর"));
            Assert.That(i122, Does.Contain("[১.২.১]"), "the alternative it replaces");
            Assert.That(html, Does.Contain("<div data-figure=\"lockDays\"><dt>শেষ তারিখের কত দিন পর লক</dt><dd>৩০</dd></div>"));
        });
    }

    [Test]
    public async Task Cloning_a_year_into_the_next_on_the_form_stores_the_copy_and_a_second_clone_is_refused_beside_the_year()
    {
        var admin = await AdminAsync();
        var list = await admin.PageAsync("/admin/action-plans");

        var cloned = await admin.PostFormAsync("/admin/action-plans/clone", WebClient.FormToken(list), new Dictionary<string, string> { ["fiscalYear"] = "2024-25", ["toFiscalYear"] = "2025-26" });
        var again = await admin.PostFormAsync("/admin/action-plans/clone", WebClient.FormToken(list), new Dictionary<string, string> { ["fiscalYear"] = "2024-25", ["toFiscalYear"] = "2025-26" });
        var againHtml = await again.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(WebClient.InputValue(list, "toFiscalYear"), Is.EqualTo("2025-26"), "the year after the latest plan by default");
            Assert.That((cloned.StatusCode, cloned.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/admin/action-plans/2025-26?saved=action-plan")));
            Assert.That(await admin.PageAsync(cloned.Headers.Location!.OriginalString), Does.Contain("Citizen Charter implementation action plan 2025-26").And.Contain("Saved: action plan"));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(againHtml, "toFiscalYear"), Does.Contain("Fiscal year 2025-26 already has a plan."));
        });
    }

    [Test]
    public async Task A_plan_not_yet_started_is_edited_on_the_form_and_saved_through_the_plan_command()
    {
        await CloneNextYearAsync();
        var admin = await AdminAsync();
        var form = await admin.PageAsync("/admin/action-plans/2025-26/edit");
        var fields = EditFields(form);
        fields["lockDays"] = "45";
        fields["areas[0].indicators[0].targets.at80"] = "2";
        fields["areas[0].indicators[0].dueDaysAfterPeriod"] = "10";

        var saved = await admin.PostFormAsync("/admin/action-plans/2025-26/edit", WebClient.FormToken(form), fields);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        var plan = JsonDocument.Parse(StoredPlan("2025-26")).RootElement;
        var indicator = plan.GetProperty("areas")[0].GetProperty("indicators")[0];
        Assert.Multiple(() =>
        {
            Assert.That(fields["areas[0].indicators[0].weight"], Is.EqualTo("5"), "the form starts from the stored numbers");
            Assert.That(plan.GetProperty("lockDays").GetInt32(), Is.EqualTo(45));
            Assert.That(indicator.GetProperty("targets").GetProperty("at80").GetDecimal(), Is.EqualTo(2m));
            Assert.That(indicator.GetProperty("dueDaysAfterPeriod").GetInt32(), Is.EqualTo(10));
            Assert.That(indicator.GetProperty("textEn").GetString(), Is.EqualTo("Own charter updated this quarter"), "what the form does not edit stays");
            Assert.That(Sql.Count(_app, "AuditLog", "Action = 'ImportActionPlan' AND Outcome = 'Succeeded'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_weight_that_breaks_its_areas_total_is_shown_beside_that_weight_in_both_languages_and_nothing_is_saved()
    {
        await CloneNextYearAsync();
        var before = StoredPlan("2025-26");
        var english = await AdminAsync();
        var bengali = await _app.SignInOnFormAsync("admin.bn");
        var form = await english.PageAsync("/admin/action-plans/2025-26/edit");
        var formBn = await bengali.PageAsync("/admin/action-plans/2025-26/edit");
        var fields = EditFields(form);
        fields["areas[0].indicators[0].weight"] = "6";

        var response = await english.PostFormAsync("/admin/action-plans/2025-26/edit", WebClient.FormToken(form), fields);
        var responseBn = await bengali.PostFormAsync("/admin/action-plans/2025-26/edit", WebClient.FormToken(formBn), fields);
        var html = await response.Content.ReadAsStringAsync();
        var htmlBn = await responseBn.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "areas[0].indicators[0].weight"), Does.Contain("weigh 14, not the area's 13"));
            Assert.That(WebClient.FieldError(html, "areas[0].indicators[1].weight"), Is.Empty, "only beside the weight that changed");
            Assert.That(WebClient.InputValue(html, "areas[0].indicators[0].weight"), Is.EqualTo("6"), "what was typed is kept");
            Assert.That(html, Does.Contain("href=\"#field-areas-0--indicators-0--weight\""), "the summary links to the weight");
            Assert.That(WebClient.FieldError(htmlBn, "areas[0].indicators[0].weight"), Does.Contain("সূচকগুলোর মোট মান ১৪, ক্ষেত্রের মান ১৩ নয়"));
            Assert.That(StoredPlan("2025-26"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Targets_that_get_better_at_a_lower_level_and_a_malformed_number_are_errors_beside_the_indicators_targets()
    {
        await CloneNextYearAsync();
        var admin = await AdminAsync();
        var form = await admin.PageAsync("/admin/action-plans/2025-26/edit");
        var fields = EditFields(form);
        fields["areas[0].indicators[0].targets.at90"] = "5";
        fields["lockDays"] = "400";
        var malformed = new Dictionary<string, string>(fields) { ["areas[1].indicators[0].targets.at100"] = "one" };

        var response = await admin.PostFormAsync("/admin/action-plans/2025-26/edit", WebClient.FormToken(form), fields);
        var notANumber = await admin.PostFormAsync("/admin/action-plans/2025-26/edit", WebClient.FormToken(form), malformed);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "areas[0].indicators[0].targets"), Does.Contain("Targets must get smaller from the 100 % level to the 60 % level."));
            Assert.That(WebClient.FieldError(html, "lockDays"), Does.Contain("between 0 and 365"));
            Assert.That(WebClient.FieldError(await notANumber.Content.ReadAsStringAsync(), "areas[1].indicators[0].targets.at100"), Does.Contain("Not a number."));
        });
    }

    [Test]
    public async Task The_running_years_plan_is_not_offered_for_editing_and_a_posted_edit_is_refused_with_the_rule()
    {
        var before = StoredPlan("2024-25");
        await CloneNextYearAsync();
        var admin = await AdminAsync();
        var next = await admin.PageAsync("/admin/action-plans/2025-26/edit");

        var page = await admin.PageAsync("/admin/action-plans/2024-25/edit");
        var fields = EditFields(next);
        fields["lockDays"] = "45";
        var refused = await admin.PostFormAsync("/admin/action-plans/2024-25/edit", WebClient.FormToken(next), fields);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Fiscal year 2024-25 has begun: offices are being scored against this plan, so it can no longer be changed."));
            Assert.That(page, Does.Not.Contain("name=\"lockDays\""));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(html, Does.Contain("can no longer be changed"));
            Assert.That(StoredPlan("2024-25"), Is.EqualTo(before));
            Assert.That(Sql.Count(_app, "AuditLog", "Action = 'ImportActionPlan' AND Outcome = 'Rejected'"), Is.EqualTo(1));
        });
    }
}
