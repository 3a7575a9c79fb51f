using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>
/// The award pages over HTTP, as a browser posts them, through one cycle with the test clock walking its windows:
/// <code>
/// M (ministry, organiser: committee)        M2 (another ministry)
/// ├── A1 ── F1                              └── B1
/// └── A2
/// </code>
/// Judges: out1 (at M2) and out2 (at B1), who score everything, and a1 (a viewer at A1), for whom A1's and F1's
/// nominations are their own line. Weights 50/30/20.
/// </summary>
public sealed class AwardPagesTests
{
    private TestApp _app = null!;
    private readonly Dictionary<string, long> _offices = [];
    private readonly Dictionary<string, long> _users = [];
    private readonly Dictionary<string, long> _nominations = [];
    private long _cycle;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 8, 15));
        await AwardTree.BuildAsync(_app, _offices);
        foreach (var (name, role, office, language) in new[]
                 {
                     ("committee", Role.MonitoringCommittee, "M", "en"), ("a1.fp", Role.FocalPoint, "A1", "en"), ("a2.fp", Role.FocalPoint, "A2", "bn"),
                     ("out1", Role.Viewer, "M2", "en"), ("out2", Role.Viewer, "B1", "en"), ("a1", Role.Viewer, "A1", "bn"),
                 })
        {
            _users[name] = await _app.UserAsync(name, role, _offices[office], language: language);
        }
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private void Today(int month, int day)
    {
        _app.Clock.SetDhakaDate(2024, month, day);
        _app.ForgetSignIns();
    }

    private static Dictionary<string, string> CycleFields(string weight2 = "৩০", string judgingClosesOn = "2024-08-31") => new()
    {
        ["name"] = "সেবার মান পুরস্কার ২০২৪-২৫", ["fiscalYear"] = "২০২৪-২৫", ["nominationsCloseOn"] = "2024-08-20", ["judgingClosesOn"] = judgingClosesOn,
        ["categories[0].code"] = "PROCESS", ["categories[0].nameBn"] = "প্রক্রিয়াভিত্তিক পুরস্কার", ["categories[0].nameEn"] = "Per-process award", ["categories[0].nameTh"] = "",
        ["categories[1].code"] = "", ["categories[1].nameBn"] = "", ["categories[1].nameEn"] = "", ["categories[1].nameTh"] = "",
        ["categories[2].code"] = "INNOVATION", ["categories[2].nameBn"] = "সেবা উদ্ভাবন পুরস্কার", ["categories[2].nameEn"] = "Service innovation award", ["categories[2].nameTh"] = "รางวัลนวัตกรรม",
        ["criteria[0].code"] = "Q", ["criteria[0].nameBn"] = "সেবার মান", ["criteria[0].nameEn"] = "Quality of service", ["criteria[0].weight"] = "৫০",
        ["criteria[1].code"] = "S", ["criteria[1].nameBn"] = "সময় ও ধাপ হ্রাস", ["criteria[1].nameEn"] = "Time and steps saved", ["criteria[1].weight"] = weight2,
        ["criteria[2].code"] = "I", ["criteria[2].nameBn"] = "উদ্ভাবন", ["criteria[2].nameEn"] = "Innovation", ["criteria[2].weight"] = "20",
    };

    [Test, Order(1)]
    public async Task A_focal_point_or_a_viewer_cannot_open_the_organiser_s_form_and_another_committee_cannot_organise_for_M()
    {
        foreach (var username in new[] { "a1.fp", "out1" })
        {
            var client = await _app.SignInOnFormAsync(username);
            var page = await client.PageAsync("/awards/new", HttpStatusCode.Forbidden);
            Assert.That(page, Does.Contain("You are not allowed to see this page."));
            var list = await client.PageAsync("/awards");
            Assert.That(list, Does.Not.Contain("href=\"/awards/new\""), "no link to a form the user may not open");
        }
        var committee = await _app.SignInOnFormAsync("committee");
        await committee.PageAsync($"/awards/new?officeId={_offices["B1"]}", HttpStatusCode.Forbidden);
        Assert.That(await committee.PageAsync("/awards"), Does.Contain("href=\"/awards/new\"").And.Contain("href=\"/awards\" aria-current=\"page\""));
    }

    [Test, Order(2)]
    public async Task The_committee_opens_a_cycle_on_the_form_with_errors_beside_their_fields_and_Bengali_digits_read()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var form = await committee.PageAsync("/awards/new");
        var token = WebClient.FormToken(form);
        Assert.That(WebClient.InputValue(form, "fiscalYear"), Is.EqualTo("2024-25"));

        // One more criterion row by the "add" button, without a script: nothing typed is lost.
        var grown = await committee.PostFormAsync($"/awards/new?officeId={_offices["M"]}", token, new Dictionary<string, string>(CycleFields()) { ["add"] = "criterion" });
        var grownHtml = await grown.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(grown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(grownHtml, Does.Contain("name=\"criteria[3].code\""));
            Assert.That(WebClient.InputValue(grownHtml, "criteria[2].nameEn"), Is.EqualTo("Innovation"));
        });

        var bad = await committee.PostFormAsync($"/awards/new?officeId={_offices["M"]}", token,
            new Dictionary<string, string>(CycleFields(weight2: "০", judgingClosesOn: "2024-08-20")) { ["criteria[2].code"] = "bad code!" });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(badHtml, "criteria[1].weight"), Does.Contain("more than 0"));
            Assert.That(WebClient.FieldError(badHtml, "criteria[2].code"), Does.Contain("A code is 1–40 characters"));
            Assert.That(WebClient.FieldError(badHtml, "judgingClosesOn"), Does.Contain("Judging closes after nominations close"));
            Assert.That(badHtml, Does.Contain("href=\"#field-criteria-1--weight\""), "the summary links to the very input");
            // The empty category row in the middle was dropped and the rest renumbered, what was typed kept.
            Assert.That(WebClient.InputValue(badHtml, "categories[1].code"), Is.EqualTo("INNOVATION"));
            Assert.That(WebClient.InputValue(badHtml, "criteria[1].weight"), Is.EqualTo("০"));
            Assert.That(Sql.Count(_app, "AwardCycles", "1 = 1"), Is.Zero);
        });

        var saved = await committee.PostFormAsync($"/awards/new?officeId={_offices["M"]}", token, CycleFields());
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        _cycle = Sql.Query<long>(_app, "SELECT Id FROM AwardCycles").Single();
        Assert.That(saved.Headers.Location!.OriginalString, Is.EqualTo($"/awards/{_cycle}?saved=award-cycle"));
        var page = await committee.PageAsync(saved.Headers.Location!.OriginalString);
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Saved: award cycle"));
            Assert.That(page, Does.Contain("Quality of service — Weight 50 (50%)").And.Contain("Time and steps saved — Weight 30 (30%)"));
            Assert.That(Sql.Query<string>(_app, "SELECT Code FROM AwardCategories ORDER BY Position"), Is.EqualTo(new[] { "PROCESS", "INNOVATION" }));
            Assert.That(Sql.Query<string>(_app, "SELECT FiscalYear FROM AwardCycles"), Is.EqualTo(new[] { "2024-25" }));
        });
    }

    [Test, Order(3)]
    public async Task The_committee_finds_users_and_makes_them_judges()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var found = await committee.PageAsync($"/awards/{_cycle}?judge=out");
        Assert.That(found, Does.Contain($"data-user=\"{_users["out1"]}\"").And.Contain($"data-user=\"{_users["out2"]}\""));
        var token = WebClient.FormToken(found);
        foreach (var judge in new[] { "out1", "out2", "a1" })
        {
            var assigned = await committee.PostFormAsync($"/awards/{_cycle}/judges", token, new Dictionary<string, string> { ["userId"] = _users[judge].ToString() });
            Assert.That(assigned.Headers.Location?.OriginalString, Is.EqualTo($"/awards/{_cycle}?saved=judge#judges"), await assigned.Content.ReadAsStringAsync());
        }
        var twice = await committee.PostFormAsync($"/awards/{_cycle}/judges", token, new Dictionary<string, string> { ["userId"] = _users["out1"].ToString() });
        var twiceHtml = await twice.Content.ReadAsStringAsync();
        var again = await committee.PageAsync($"/awards/{_cycle}?judge=out1");

        Assert.Multiple(() =>
        {
            Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(twiceHtml, Does.Contain("is already a judge of this cycle"));
            Assert.That(again, Does.Contain("Already a judge"));
            Assert.That(Sql.Count(_app, "AwardJudges", "CycleId = @_cycle", new { _cycle }), Is.EqualTo(3));
        });
    }

    [Test, Order(4)]
    public async Task A_focal_point_nominates_services_of_their_subtree_with_evidence_and_withdraws_one()
    {
        var a1 = await _app.SignInOnFormAsync("a1.fp");
        var cyclePage = await a1.PageAsync($"/awards/{_cycle}");
        Assert.That(cyclePage, Does.Contain($"href=\"/awards/{_cycle}/nominations/new\""));
        var form = await a1.PageAsync($"/awards/{_cycle}/nominations/new");
        Assert.Multiple(() =>
        {
            Assert.That(form, Does.Contain($"<option value=\"{_offices["A1"]}\"").And.Contain($"<option value=\"{_offices["F1"]}\""));
            Assert.That(form, Does.Not.Contain($"<option value=\"{_offices["A2"]}\""), "a sibling's office is not offered");
        });
        var token = WebClient.FormToken(form);
        var url = $"/awards/{_cycle}/nominations/new";

        var missing = await a1.PostFormAsync(url, token, new Dictionary<string, string> { ["officeId"] = _offices["A1"].ToString(), ["categoryCode"] = "PROCESS", ["summary"] = "x" },
            ("file", "before-after.pdf", "application/pdf", TrustWorld.SmallPdf));
        var missingHtml = await missing.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(missingHtml, "title"), Is.Not.Empty);
            Assert.That(missingHtml, Does.Contain("before-after.pdf"), "the uploaded file stays attached");
        });

        async Task<long> Nominate(HttpClient client, string office, string category, string title, string? evidenceIds = null)
        {
            var fields = new Dictionary<string, string> { ["officeId"] = _offices[office].ToString(), ["categoryCode"] = category, ["title"] = title, ["summary"] = "৭ বার আসার বদলে ২ বার" };
            if (evidenceIds is not null) fields["evidenceIds"] = evidenceIds;
            else fields["hasEvidence"] = "true";
            var saved = await client.PostFormAsync(url, token, fields);
            Assert.That(saved.Headers.Location?.OriginalString, Is.EqualTo($"/awards/{_cycle}?saved=nomination#nominations"), await saved.Content.ReadAsStringAsync());
            return Sql.Query<long>(_app, "SELECT MAX(Id) FROM AwardNominations").Single();
        }
        _nominations["A1"] = await Nominate(a1, "A1", "PROCESS", "ওয়ারিশ সনদ এক দিনে", WebClient.InputValue(missingHtml, "evidenceIds"));
        _nominations["F1"] = await Nominate(a1, "F1", "PROCESS", "Land record copy by SMS");
        _nominations["twice"] = await Nominate(a1, "F1", "INNOVATION", "Entered twice");
        var a2 = await _app.SignInOnFormAsync("a2.fp");
        token = WebClient.FormToken(await a2.PageAsync(url));
        _nominations["A2"] = await Nominate(a2, "A2", "PROCESS", "Pension file in 3 steps");
        _nominations["A2-innovation"] = await Nominate(a2, "A2", "INNOVATION", "Queue-free token system");

        var withdrawn = await a1.PostFormAsync($"/awards/nominations/{_nominations["twice"]}/withdraw", WebClient.FormToken(cyclePage), new Dictionary<string, string> { ["reason"] = "Entered twice" });
        Assert.That(withdrawn.Headers.Location?.OriginalString, Is.EqualTo($"/awards/{_cycle}?saved=nomination-withdrawn#nominations"));
        var after = await a1.PageAsync($"/awards/{_cycle}");
        Assert.Multiple(() =>
        {
            Assert.That(after, Does.Contain($"data-nomination=\"{_nominations["twice"]}\" data-withdrawn=\"true\""));
            Assert.That(after, Does.Contain($"data-nomination=\"{_nominations["A1"]}\" data-withdrawn=\"false\""));
            Assert.That(after, Does.Not.Contain("Pension file in 3 steps"), "a sibling's nominations are not the focal point's to see");
            Assert.That(Sql.Count(_app, "AwardNominationEvidence", "NominationId = @id", new { id = _nominations["A1"] }), Is.EqualTo(1));
        });
    }

    [Test, Order(5)]
    public async Task While_judging_the_organiser_sees_counts_under_seal_and_a_judge_s_own_line_is_marked_not_scorable()
    {
        Today(8, 21);
        var a1 = await _app.SignInOnFormAsync("a1");
        var sheet = await a1.PageAsync($"/awards/{_cycle}/sheet");
        var out1 = await _app.SignInOnFormAsync("out1");
        var outSheet = await out1.PageAsync($"/awards/{_cycle}/sheet");
        var token = WebClient.FormToken(outSheet);

        // out1 saves one nomination's row with Bengali digits; an out-of-range score comes back beside its input.
        var saved = await out1.PostFormAsync($"/awards/nominations/{_nominations["A2"]}/scores", token,
            new Dictionary<string, string> { ["score.Q"] = "৮", ["score.S"] = "৭.৫", ["score.I"] = "" });
        var bad = await out1.PostFormAsync($"/awards/nominations/{_nominations["F1"]}/scores", token,
            new Dictionary<string, string> { ["score.Q"] = "১১", ["score.S"] = "7", ["score.I"] = "" });
        var badHtml = await bad.Content.ReadAsStringAsync();
        var typo = await (await out1.PostFormAsync($"/awards/nominations/{_nominations["F1"]}/scores", token,
            new Dictionary<string, string> { ["score.Q"] = "9", ["score.S"] = "7", ["score.I"] = "x" })).Content.ReadAsStringAsync();
        var afterSave = await out1.PageAsync($"/awards/{_cycle}/sheet");
        var organiser = await (await _app.SignInOnFormAsync("committee")).PageAsync($"/awards/{_cycle}");

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Match(sheet, $"<tr id=\"nomination-{_nominations["A1"]}\"[^>]*data-conflict=\"true\"").Success, Is.True, "own office");
            Assert.That(Regex.Match(sheet, $"<tr id=\"nomination-{_nominations["F1"]}\"[^>]*data-conflict=\"true\"").Success, Is.True, "an office under it");
            Assert.That(Regex.Match(sheet, $"<tr id=\"nomination-{_nominations["A2"]}\"[^>]*data-conflict=\"false\"").Success, Is.True, "a sibling");
            Assert.That(sheet, Does.Contain("নম্বর দেবেন না: মনোনয়নটি আপনার নিজের দপ্তর, এর ঊর্ধ্বতন বা অধীন দপ্তরের।"));
            Assert.That(sheet, Does.Not.Contain($"action=\"/awards/nominations/{_nominations["A1"]}/scores\""));
            Assert.That(outSheet, Does.Not.Contain("Entered twice"), "withdrawn nominations are not scored");

            Assert.That(saved.Headers.Location?.OriginalString, Is.EqualTo($"/awards/{_cycle}/sheet?saved=scores#nomination-{_nominations["A2"]}"));
            Assert.That(Sql.Query<(string, long)>(_app, "SELECT CriterionCode, ScoreTenths FROM AwardScores WHERE NominationId = @id ORDER BY CriterionCode", new { id = _nominations["A2"] }),
                Is.EqualTo(new[] { ("Q", 80L), ("S", 75L) }));
            Assert.That(Regex.Match(afterSave, $"id=\"score-{_nominations["A2"]}-S\"[^>]*value=\"7.5\"").Success, Is.True, "the saved score is shown");
            Assert.That(afterSave, Does.Contain("data-sheet=\"partial\""));

            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Regex.Match(badHtml, $"data-field=\"score.Q\">\\s*<input[^>]*id=\"score-{_nominations["F1"]}-Q\"[^>]*value=\"১১\"[^>]*>\\s*<p class=\"field-error\"[^>]*><span>✗ A score is 0 to 10").Success,
                Is.True, "the error sits beside the F1 row's Q input, what was typed kept");
            Assert.That(Regex.Match(typo, $"id=\"score-{_nominations["F1"]}-I\"[^>]*>\\s*<p class=\"field-error\"[^>]*><span>✗ Not a number").Success, Is.True);
            Assert.That(Sql.Count(_app, "AwardScores", "NominationId = @id", new { id = _nominations["F1"] }), Is.Zero);

            Assert.That(organiser, Does.Contain("until then the scores and results are sealed"));
            Assert.That(Regex.Match(organiser, $"<tr data-judge=\"{_users["out1"]}\">.*?data-count=\"partial\">1<.*?data-count=\"not-started\">3<", RegexOptions.Singleline).Success, Is.True, organiser);
            Assert.That(Regex.Match(organiser, $"<tr data-judge=\"{_users["a1"]}\">.*?data-count=\"conflicts\">2<", RegexOptions.Singleline).Success, Is.True);
            Assert.That(organiser, Does.Not.Contain("data-score").And.Not.Contain("certificate.pdf"));
        });
    }

    [Test, Order(6)]
    public async Task After_judging_closes_the_results_show_ranks_with_a_tie_certificates_and_the_CSV_and_the_sheet_is_read_only()
    {
        static object Scores(decimal q, decimal s, decimal i) => new { scores = new[] { new { criterionCode = "Q", score = q }, new { criterionCode = "S", score = s }, new { criterionCode = "I", score = i } } };
        var out1 = await _app.SignInAsync("out1");
        var out2 = await _app.SignInAsync("out2");
        foreach (var (judge, nomination, q, s, i) in new[]
                 {
                     (out1, "A1", 9m, 9m, 9m), (out2, "A1", 9m, 9m, 9m), (out1, "A2", 8m, 8m, 8m), (out2, "A2", 8m, 8m, 8m),
                     (out1, "F1", 10m, 6m, 6m), (out2, "F1", 6m, 10m, 10m), (out1, "A2-innovation", 7m, 7m, 7m), (out2, "A2-innovation", 8m, 8m, 8m),
                 })
        {
            await judge.PutJsonAsync($"/api/v1/nominations/{_nominations[nomination]}/scores", Scores(q, s, i), HttpStatusCode.OK);
        }
        Today(9, 1);
        var committee = await _app.SignInOnFormAsync("committee");
        var page = await committee.PageAsync($"/awards/{_cycle}");
        var bengali = await (await _app.SignInOnFormAsync("a2.fp")).PageAsync($"/awards/{_cycle}");
        var sheet = await (await _app.SignInOnFormAsync("out1")).PageAsync($"/awards/{_cycle}/sheet");

        var ranks = Regex.Matches(page, "<tr data-nomination=\"(\\d+)\" data-rank=\"(\\d+)\">.*?data-score=\"([0-9.]+)\"", RegexOptions.Singleline)
            .Select(m => (long.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), m.Groups[3].Value)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ranks, Is.EqualTo(new[]
            {
                (_nominations["A1"], 1, "90.00"), (_nominations["F1"], 2, "80.00"), (_nominations["A2"], 2, "80.00"), (_nominations["A2-innovation"], 1, "75.00"),
            }));
            Assert.That(page, Does.Contain($"href=\"/api/v1/award-cycles/{_cycle}/results.csv\""));
            foreach (var language in new[] { "bn", "en", "th" })
            {
                Assert.That(page, Does.Contain($"href=\"/api/v1/nominations/{_nominations["F1"]}/certificate.pdf?lang={language}\""));
            }
            Assert.That(page, Does.Not.Contain("are sealed"));
            Assert.That(bengali, Does.Contain("৯০.০০").And.Contain("ফলাফল"), "the results in Bengali digits");
            Assert.That(sheet, Does.Contain("the sheet is read-only").And.Not.Contain("<input type=\"text\" inputmode=\"decimal\""));
        });
        var csv = await committee.GetAsync($"/api/v1/award-cycles/{_cycle}/results.csv");
        Assert.That(await csv.Content.ReadAsStringAsync(), Does.Contain($",2,{_nominations["F1"]},"));
    }
}

/// <summary>The award pages' office tree: M (organiser) with A1 (and F1 under it) and A2; M2 with B1.</summary>
internal static class AwardTree
{
    public static async Task BuildAsync(TestApp app, Dictionary<string, long> offices)
    {
        var given = new Given(app);
        offices["M"] = await given.OfficeAsync("M", kind: OfficeKind.Ministry);
        offices["A1"] = await given.OfficeAsync("A1", offices["M"]);
        offices["A2"] = await given.OfficeAsync("A2", offices["M"]);
        offices["F1"] = await given.OfficeAsync("F1", offices["A1"], OfficeKind.DistrictOffice);
        offices["M2"] = await given.OfficeAsync("M2", kind: OfficeKind.Ministry);
        offices["B1"] = await given.OfficeAsync("B1", offices["M2"]);
    }
}
