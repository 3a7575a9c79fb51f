using System.Net;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Awards;

/// <summary>
/// One award cycle from opening to certificates, over the API, with the test clock walking through its windows:
/// <code>
/// M (ministry, organiser: committee)        M2 (another ministry)
/// ├── A1 ── F1                              └── B1
/// ├── A2
/// └── A3
/// </code>
/// Judges: out1 (at M2) and out2 (at B1) score every process nomination; a3 (at A3) cannot score A3's nomination and
/// leaves a partial sheet; a1 (at A1) and f1 (at F1) exist for the conflict rule. Weights 50/30/20.
/// Process category: A1 90.00 (1), A2 80.00 (2), F1 80.00 (2, by other sheets), A3 70.00 (4); innovation: A2 77.25.
/// </summary>
[NonParallelizable]
public sealed class AwardWorkflowTests
{
    private TestApp _app = null!;
    private readonly Dictionary<string, long> _offices = [];
    private readonly Dictionary<string, long> _users = [];
    private readonly Dictionary<string, long> _nominations = [];
    private long _cycle;

    private static readonly object[] Criteria =
    [
        new { code = "Q", nameBn = "সেবার মান", nameEn = "Quality of service", weight = 50 },
        new { code = "S", nameBn = "সময় ও ধাপ হ্রাস", nameEn = "Time and steps saved", weight = 30 },
        new { code = "I", nameBn = "উদ্ভাবন", nameEn = "Innovation", weight = 20 },
    ];

    private static readonly object[] Categories =
    [
        new { code = "PROCESS", nameBn = "প্রক্রিয়াভিত্তিক পুরস্কার", nameEn = "Per-process award", nameTh = "รางวัลรายกระบวนงาน" },
        new { code = "INNOVATION", nameBn = "সেবা উদ্ভাবন পুরস্কার", nameEn = "Service innovation award", nameTh = "รางวัลนวัตกรรมการให้บริการ" },
    ];

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 8, 15));
        var given = new Given(_app);
        _offices["M"] = await given.OfficeAsync("M", kind: OfficeKind.Ministry);
        _offices["A1"] = await given.OfficeAsync("A1", _offices["M"]);
        _offices["A2"] = await given.OfficeAsync("A2", _offices["M"]);
        _offices["A3"] = await given.OfficeAsync("A3", _offices["M"]);
        _offices["F1"] = await given.OfficeAsync("F1", _offices["A1"], OfficeKind.DistrictOffice);
        _offices["M2"] = await given.OfficeAsync("M2", kind: OfficeKind.Ministry);
        _offices["B1"] = await given.OfficeAsync("B1", _offices["M2"]);
        foreach (var (name, role, office) in new[]
                 {
                     ("committee", Role.MonitoringCommittee, "M"), ("viewer", Role.Viewer, "M"), ("m.fp", Role.FocalPoint, "M"),
                     ("a1.fp", Role.FocalPoint, "A1"), ("a2.fp", Role.FocalPoint, "A2"), ("a3.fp", Role.FocalPoint, "A3"), ("f1.fp", Role.FocalPoint, "F1"),
                     ("b1.fp", Role.FocalPoint, "B1"), ("b1.committee", Role.MonitoringCommittee, "B1"),
                     ("out1", Role.Viewer, "M2"), ("out2", Role.Viewer, "B1"), ("a3", Role.Viewer, "A3"), ("a1", Role.Viewer, "A1"), ("f1", Role.Viewer, "F1"),
                 })
        {
            _users[name] = await _app.UserAsync(name, role, _offices[office]);
        }
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private Task<HttpClient> As(string username) => username == "admin" ? _app.AsAdminAsync() : _app.SignInAsync(username);

    /// <summary>Moves the clock (days ahead): tokens from before have expired, so everyone signs in again.</summary>
    private void Today(int month, int day)
    {
        _app.Clock.SetDhakaDate(2024, month, day);
        _app.ForgetSignIns();
    }

    private object CycleBody(object[]? criteria = null, string nominationsCloseOn = "2024-08-20", string judgingClosesOn = "2024-08-31") => new
    {
        name = "সেবার মান পুরস্কার ২০২৪-২৫", fiscalYear = "2024-25", officeId = _offices["M"], categories = Categories, criteria = criteria ?? Criteria,
        nominationsCloseOn, judgingClosesOn,
    };

    private static object Scores(decimal q, decimal s, decimal i) => new { scores = new[] { new { criterionCode = "Q", score = q }, new { criterionCode = "S", score = s }, new { criterionCode = "I", score = i } } };

    [Test, Order(1)]
    public async Task A_cycle_with_bad_criteria_and_windows_names_each_field()
    {
        var committee = await As("committee");
        object[] criteria =
        [
            new { code = "Q", nameBn = "মান", nameEn = "Quality", weight = 50 },
            new { code = "S", nameBn = "সময়", nameEn = "Time", weight = 0 },
            new { code = "bad code!", nameBn = "", nameEn = "Innovation", weight = 10.555 },
        ];
        var problem = await committee.PostJsonAsync("/api/v1/award-cycles", CycleBody(criteria, "2024-08-20", "2024-08-20"), HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.SupersetOf(new[] { "criteria[1].weight", "criteria[2].weight", "criteria[2].code", "criteria[2].nameBn", "judgingClosesOn" }));
        var past = await committee.PostJsonAsync("/api/v1/award-cycles", CycleBody(nominationsCloseOn: "2024-08-14"), HttpStatusCode.BadRequest);
        Assert.That(past.ErrorFields(), Does.Contain("nominationsCloseOn"));
    }

    [Test, Order(2)]
    public async Task Only_the_organising_office_s_committee_opens_a_cycle()
    {
        foreach (var refused in new[] { "viewer", "m.fp", "b1.committee" })
        {
            await (await As(refused)).PostJsonAsync("/api/v1/award-cycles", CycleBody(), HttpStatusCode.Forbidden);
        }
        var cycle = await (await As("committee")).PostJsonAsync("/api/v1/award-cycles", CycleBody(), HttpStatusCode.Created);
        _cycle = cycle.Id();

        Assert.Multiple(() =>
        {
            Assert.That(cycle.Str("stage"), Is.EqualTo("Nominating"));
            Assert.That(cycle.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("weight").GetDecimal()), Is.EqualTo(new[] { 50m, 30m, 20m }));
            Assert.That(cycle.GetProperty("categories").GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test, Order(3)]
    public async Task The_committee_assigns_judges_once_each()
    {
        var committee = await As("committee");
        foreach (var judge in new[] { "out1", "out2", "a3", "a1", "f1" })
        {
            await committee.PostJsonAsync($"/api/v1/award-cycles/{_cycle}/judges", new { userId = _users[judge] }, HttpStatusCode.Created);
        }
        await committee.PostJsonAsync($"/api/v1/award-cycles/{_cycle}/judges", new { userId = _users["out1"] }, HttpStatusCode.Conflict);
        await (await As("a1.fp")).PostJsonAsync($"/api/v1/award-cycles/{_cycle}/judges", new { userId = _users["viewer"] }, HttpStatusCode.Forbidden);
        var unknown = await committee.PostJsonAsync($"/api/v1/award-cycles/{_cycle}/judges", new { userId = 99999 }, HttpStatusCode.BadRequest);
        Assert.That(unknown.ErrorFields(), Is.EqualTo(new[] { "userId" }));

        // A judge from another ministry sees the cycle; a focal point there does not.
        await (await As("out1")).GetJsonAsync($"/api/v1/award-cycles/{_cycle}");
        await (await As("b1.fp")).GetJsonAsync($"/api/v1/award-cycles/{_cycle}", HttpStatusCode.Forbidden);
    }

    [Test, Order(4)]
    public async Task Focal_points_nominate_services_of_their_own_subtree_within_the_organiser_s()
    {
        async Task Nominate(string key, string focalPoint, string office, string category, string title) =>
            _nominations[key] = (await (await As(focalPoint)).PostJsonAsync($"/api/v1/award-cycles/{_cycle}/nominations",
                new { officeId = _offices[office], categoryCode = category, title, summary = "৭ বার আসার বদলে ২ বার; ৫ ধাপ থেকে ৩ ধাপ।", hasEvidence = true },
                HttpStatusCode.Created)).Id();
        await Nominate("A1", "a1.fp", "A1", "PROCESS", "ওয়ারিশ সনদ এক দিনে");
        await Nominate("A2", "a2.fp", "A2", "PROCESS", "Pension file in 3 steps");
        await Nominate("F1", "a1.fp", "F1", "PROCESS", "Land record copy by SMS");
        await Nominate("A3", "a3.fp", "A3", "PROCESS", "Trade licence renewal online");
        await Nominate("A2-innovation", "a2.fp", "A2", "INNOVATION", "Queue-free token system");
        await Nominate("withdrawn", "f1.fp", "F1", "INNOVATION", "Entered twice");

        var a1 = await As("a1.fp");
        var body = new { officeId = _offices["A2"], categoryCode = "PROCESS", title = "Not mine", summary = "x" };
        await a1.PostJsonAsync($"/api/v1/award-cycles/{_cycle}/nominations", body, HttpStatusCode.Forbidden);
        var outside = await (await As("b1.fp")).PostJsonAsync($"/api/v1/award-cycles/{_cycle}/nominations", body with { officeId = _offices["B1"] }, HttpStatusCode.BadRequest);
        var category = await a1.PostJsonAsync($"/api/v1/award-cycles/{_cycle}/nominations", body with { officeId = _offices["A1"], categoryCode = "NOPE" }, HttpStatusCode.BadRequest);
        await (await As("f1.fp")).PostJsonAsync($"/api/v1/nominations/{_nominations["withdrawn"]}/withdraw", new { }, HttpStatusCode.OK);
        await (await As("a2.fp")).PostJsonAsync($"/api/v1/nominations/{_nominations["A1"]}/withdraw", new { }, HttpStatusCode.Forbidden);

        var seenByA1 = await a1.GetJsonAsync($"/api/v1/award-cycles/{_cycle}/nominations");
        Assert.Multiple(() =>
        {
            Assert.That(outside.ErrorFields(), Is.EqualTo(new[] { "officeId" }));
            Assert.That(category.ErrorFields(), Is.EqualTo(new[] { "categoryCode" }));
            // A focal point sees its own subtree's nominations (A1 and F1), not a sibling's.
            Assert.That(seenByA1.EnumerateArray().Select(n => n.GetProperty("officeId").GetInt64()).Distinct(), Is.EquivalentTo(new[] { _offices["A1"], _offices["F1"] }));
        });
    }

    [Test, Order(5)]
    public async Task Nothing_is_scored_or_shown_while_nominations_are_open()
    {
        var early = await (await As("out1")).PutJsonAsync($"/api/v1/nominations/{_nominations["A2"]}/scores", Scores(8, 8, 8), HttpStatusCode.Conflict);
        Assert.That(early.Str("detail"), Does.Contain("2024-08-21").And.Contain("2024-08-31"));
        foreach (var user in new[] { "committee", "admin", "out1", "a1.fp" })
        {
            var sealedResults = await (await As(user)).GetJsonAsync($"/api/v1/award-cycles/{_cycle}/results", HttpStatusCode.Conflict);
            Assert.That(sealedResults.Str("detail"), Does.Contain("sealed"));
        }
    }

    [Test, Order(6)]
    public async Task After_nominations_close_a_nomination_is_refused_with_a_clear_409()
    {
        Today(8, 21);
        var late = await (await As("a1.fp")).PostJsonAsync($"/api/v1/award-cycles/{_cycle}/nominations",
            new { officeId = _offices["A1"], categoryCode = "PROCESS", title = "Late", summary = "Too late" }, HttpStatusCode.Conflict);
        await (await As("a1.fp")).PostJsonAsync($"/api/v1/nominations/{_nominations["A1"]}/withdraw", new { }, HttpStatusCode.Conflict);

        Assert.That(late.Str("detail"), Is.EqualTo("Nominations for this cycle closed on 2024-08-20."));
    }

    [Test, Order(7)]
    public async Task A_judge_may_not_score_their_own_office_or_an_office_above_or_below_it_but_may_score_a_sibling()
    {
        var a1 = await As("a1");
        var f1 = await As("f1");
        var own = await a1.PutJsonAsync($"/api/v1/nominations/{_nominations["A1"]}/scores", Scores(9, 9, 9), HttpStatusCode.Forbidden);
        var below = await a1.PutJsonAsync($"/api/v1/nominations/{_nominations["F1"]}/scores", Scores(9, 9, 9), HttpStatusCode.Forbidden);
        var above = await f1.PutJsonAsync($"/api/v1/nominations/{_nominations["A1"]}/scores", Scores(9, 9, 9), HttpStatusCode.Forbidden);
        var missing = await a1.PutJsonAsync("/api/v1/nominations/99999/scores", Scores(9, 9, 9), HttpStatusCode.NotFound);
        var notJudge = await (await As("viewer")).PutJsonAsync($"/api/v1/nominations/{_nominations["A2"]}/scores", Scores(9, 9, 9), HttpStatusCode.Forbidden);
        var sibling = await a1.PutJsonAsync($"/api/v1/nominations/{_nominations["A3"]}/scores", new { scores = new[] { new { criterionCode = "Q", score = 5 } } }, HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(own.Str("detail"), Is.EqualTo($"You may not score nomination {_nominations["A1"]}: a judge does not score a nomination of their own office, of an office above it or of an office under it."));
            // The same words in each direction: the answer tells nothing about where the offices stand.
            Assert.That(below.Str("detail"), Is.EqualTo(own.Str("detail").Replace(_nominations["A1"].ToString(), _nominations["F1"].ToString())));
            Assert.That(above.Str("detail"), Is.EqualTo(own.Str("detail")));
            Assert.That(notJudge.Str("detail"), Does.Contain("not a judge"));
            Assert.That(sibling.GetProperty("complete").GetBoolean(), Is.False);
            Assert.That(missing.Str("detail"), Does.Contain("does not exist"));
        });
    }

    [Test, Order(8)]
    public async Task Scores_are_validated_per_entry()
    {
        var problem = await (await As("out1")).PutJsonAsync($"/api/v1/nominations/{_nominations["A2"]}/scores",
            new { scores = new object[] { new { criterionCode = "Q", score = 10.5 }, new { criterionCode = "S", score = 7.25 }, new { criterionCode = "I", score = (decimal?)null } } },
            HttpStatusCode.BadRequest);
        var unknown = await (await As("out1")).PutJsonAsync($"/api/v1/nominations/{_nominations["A2"]}/scores",
            new { scores = new[] { new { criterionCode = "Q", score = 5 }, new { criterionCode = "X", score = 5 } } }, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "scores[0].score", "scores[1].score", "scores[2].score" }));
            Assert.That(unknown.ErrorFields(), Is.EqualTo(new[] { "scores[1].criterionCode" }));
        });
    }

    [Test, Order(9)]
    public async Task Judges_score_and_see_only_their_own_sheets_while_judging_is_open()
    {
        var out1 = await As("out1");
        var out2 = await As("out2");
        var a3 = await As("a3");
        async Task Score(HttpClient judge, string nomination, decimal q, decimal s, decimal i) =>
            await judge.PutJsonAsync($"/api/v1/nominations/{_nominations[nomination]}/scores", Scores(q, s, i), HttpStatusCode.OK);
        await Score(out1, "A1", 9, 9, 9);
        await Score(out2, "A1", 9, 9, 9);
        await Score(out1, "A2", 8, 8, 8);
        await Score(out2, "A2", 8, 8, 8);
        await Score(out1, "F1", 10, 6, 6);   // (50×10 + 30×6 + 20×6) / 100 = 8.0
        await Score(out2, "F1", 6, 10, 10);  // (50×6 + 30×10 + 20×10) / 100 = 8.0
        await Score(out1, "A3", 7, 7, 7);
        await Score(out2, "A3", 5, 5, 5);
        await Score(out2, "A3", 7, 7, 7);    // a judge may change a score while judging is open
        await Score(a3, "A2-innovation", 9, 8, 7);      // 8.3
        await Score(out1, "A2-innovation", 7.5m, 7, 6.5m); // 7.15 → mean 7.725 → 77.25
        // a3's partial sheet on A1 (one criterion of three) does not count.
        await a3.PutJsonAsync($"/api/v1/nominations/{_nominations["A1"]}/scores", new { scores = new[] { new { criterionCode = "Q", score = 0 } } }, HttpStatusCode.OK);
        await a3.PutJsonAsync($"/api/v1/nominations/{_nominations["A3"]}/scores", Scores(1, 1, 1), HttpStatusCode.Forbidden);

        var sheet = await out1.GetJsonAsync($"/api/v1/award-cycles/{_cycle}/sheet");
        var rows = sheet.GetProperty("rows").EnumerateArray().ToList();
        var progress = await (await As("committee")).GetJsonAsync($"/api/v1/award-cycles/{_cycle}/progress");
        var a3Progress = progress.GetProperty("judges").EnumerateArray().Single(j => j.GetProperty("userId").GetInt64() == _users["a3"]);

        Assert.Multiple(() =>
        {
            // out1's sheet: five open nominations (the withdrawn one gone), each with out1's own scores only.
            Assert.That(rows, Has.Count.EqualTo(5));
            var a2 = rows.Single(r => r.GetProperty("nomination").Id() == _nominations["A2"]);
            Assert.That(a2.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("score").GetDecimal()), Is.EqualTo(new[] { 8m, 8m, 8m }));
            var a3Row = rows.Single(r => r.GetProperty("nomination").Id() == _nominations["A3"]);
            Assert.That(a3Row.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("score").GetDecimal()), Is.EqualTo(new[] { 7m, 7m, 7m }), "not out2's 5s or 7s");
            // Progress: counts, no scores.
            Assert.That(progress.GetProperty("nominations").GetInt32(), Is.EqualTo(5));
            Assert.That(progress.GetRawText(), Does.Not.Contain("\"score\""));
            Assert.That((a3Progress.GetProperty("complete").GetInt32(), a3Progress.GetProperty("partial").GetInt32(), a3Progress.GetProperty("conflicts").GetInt32()), Is.EqualTo((1, 1, 1)));
        });
        // Other judges' scores stay sealed, for judges, nominators and the organiser.
        foreach (var user in new[] { "out1", "committee", "a2.fp" })
        {
            await (await As(user)).GetJsonAsync($"/api/v1/award-cycles/{_cycle}/results", HttpStatusCode.Conflict);
        }
        await out1.GetJsonAsync($"/api/v1/award-cycles/{_cycle}/scores", HttpStatusCode.Conflict);
        await (await As("committee")).GetJsonAsync($"/api/v1/award-cycles/{_cycle}/scores", HttpStatusCode.Conflict);
        await (await As("a2.fp")).GetJsonAsync($"/api/v1/award-cycles/{_cycle}/sheet", HttpStatusCode.Forbidden);
        await (await As("a2.fp")).GetJsonAsync($"/api/v1/nominations/{_nominations["A2"]}/certificate.pdf", HttpStatusCode.Conflict);
    }

    [Test, Order(10)]
    public async Task After_judging_closes_the_results_rank_each_category_with_shared_ranks()
    {
        Today(9, 1);
        var results = await (await As("a2.fp")).GetJsonAsync($"/api/v1/award-cycles/{_cycle}/results");
        var rows = results.EnumerateArray().Select(r => (r.Str("categoryCode"), r.GetProperty("rank").GetInt32(), r.GetProperty("nominationId").GetInt64(), r.GetProperty("score").GetDecimal())).ToList();

        Assert.That(rows, Is.EqualTo(new[]
        {
            ("PROCESS", 1, _nominations["A1"], 90.00m),
            ("PROCESS", 2, _nominations["A2"], 80.00m),
            ("PROCESS", 2, _nominations["F1"], 80.00m),
            ("PROCESS", 4, _nominations["A3"], 70.00m),
            ("INNOVATION", 1, _nominations["A2-innovation"], 77.25m),
        }));
        Assert.That(results.EnumerateArray().First().GetProperty("officeId").GetInt64(), Is.EqualTo(_offices["A1"]));
    }

    [Test, Order(11)]
    public async Task After_judging_closes_scores_and_windows_are_frozen_and_every_sheet_is_open_to_check()
    {
        await (await As("out1")).PutJsonAsync($"/api/v1/nominations/{_nominations["A2"]}/scores", Scores(1, 1, 1), HttpStatusCode.Conflict);
        await (await As("committee")).PutJsonAsync($"/api/v1/award-cycles/{_cycle}/windows", new { nominationsCloseOn = "2024-09-10", judgingClosesOn = "2024-09-20" }, HttpStatusCode.Conflict);
        var scores = await (await As("committee")).GetJsonAsync($"/api/v1/award-cycles/{_cycle}/scores");
        var partial = scores.EnumerateArray().Single(s => s.GetProperty("judgeUserId").GetInt64() == _users["a3"] && s.GetProperty("nominationId").GetInt64() == _nominations["A1"]);
        var csv = await (await (await As("committee")).GetAsync($"/api/v1/award-cycles/{_cycle}/results.csv")).Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(partial.GetProperty("counted").GetBoolean(), Is.False);
            Assert.That(csv, Does.Contain($"PROCESS,প্রক্রিয়াভিত্তিক পুরস্কার,Per-process award,2,{_nominations["F1"]},{_offices["F1"]}"));
            Assert.That(csv, Does.Contain(",80.00,2"));
        });
        await (await As("a2.fp")).GetJsonAsync($"/api/v1/nominations/{_nominations["withdrawn"]}/certificate.pdf", HttpStatusCode.Forbidden);
        await (await As("f1.fp")).GetJsonAsync($"/api/v1/nominations/{_nominations["withdrawn"]}/certificate.pdf", HttpStatusCode.Conflict);
    }

    [Test, Order(12), Category("Chromium")]
    [TestCase("bn", new[] { "সনদপত্র", "দপ্তরA1", "প্রথমস্থান", "প্রক্রিয়াভিত্তিকপুরস্কার", "৯০.০০", "৩১আগস্ট২০২৪", "বঙ্গাব্দ" })]
    [TestCase("en", new[] { "CertificateofAward", "OfficeA1", "Firstplace", "Per-processaward", "90.00", "31August2024" })]
    [TestCase("th", new[] { "เกียรติบัตร", "OfficeA1", "อันดับที่1", "รางวัลรายกระบวนงาน", "ผลงาน", "31สิงหาคมพ.ศ.2567", "คะแนนการประเมิน" })]
    public async Task The_winner_s_certificate_prints_in_its_language(string language, string[] expected)
    {
        var response = await (await As("a1.fp")).GetAsync($"/api/v1/nominations/{_nominations["A1"]}/certificate.pdf?lang={language}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = PdfText.Squeeze(await PdfText.ExtractAsync(pdf));

        Assert.Multiple(() =>
        {
            foreach (var phrase in expected) Assert.That(text, Does.Contain(phrase), $"{language}: {text}");
        });
        Assert.That(await PdfText.PagesAsync(pdf), Is.EqualTo(1));
        File.WriteAllBytes(Path.Combine(TestDatabase.Root, $"certificate-{language}.pdf"), pdf);
    }
}
