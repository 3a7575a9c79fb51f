using System.Net;
using System.Text.Json;
using CharterTracker.Monitoring;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Monitoring;

/// <summary>
/// The read model remembers where every office stood in every period, so that the monitoring lists read a period's
/// subtree by its path. A re-organisation must not rewrite the past, and the lists must agree with the roll-up, which
/// walks the effective-dated tree itself.
/// </summary>
public sealed class PeriodSnapshotTests
{
    [Test]
    public async Task After_a_subtree_moves_next_quarter_the_trend_and_ranking_follow_the_tree_of_each_quarter()
    {
        await using var app = await TestApp.StartAsync(TestClock.At(2024, 9, 20));
        var given = new Given(app);
        var admin = await app.AsAdminAsync();
        var (ministry, agencies) = await given.MinistryWithAsync(2);
        var field = await given.OfficeAsync("MIN-A2-F1", agencies[1], OfficeKind.DistrictOffice);
        var other = await given.OfficeAsync("OTHER", kind: OfficeKind.Ministry);
        await admin.PostJsonAsync($"/api/v1/offices/{field}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"), HttpStatusCode.Created);

        // A2 and its field office move to the other ministry from Q2.
        await admin.PostJsonAsync($"/api/v1/offices/{agencies[1]}/move", new { newParentId = other, effectiveOn = "2024-10-01" }, HttpStatusCode.OK);

        var ministryTrend = (await admin.GetJsonAsync($"/api/v1/offices/{ministry}/trend?fiscalYear=2024-25")).EnumerateArray().ToList();
        var otherTrend = (await admin.GetJsonAsync($"/api/v1/offices/{other}/trend?fiscalYear=2024-25")).EnumerateArray().ToList();
        for (var quarter = 1; quarter <= 2; quarter++)
        {
            Assert.That(ministryTrend[quarter - 1].GetRawText(), Is.EqualTo((await admin.GetJsonAsync($"/api/v1/offices/{ministry}/rollup?fiscalYear=2024-25&quarter={quarter}")).GetRawText()), $"ministry Q{quarter}");
            Assert.That(otherTrend[quarter - 1].GetRawText(), Is.EqualTo((await admin.GetJsonAsync($"/api/v1/offices/{other}/rollup?fiscalYear=2024-25&quarter={quarter}")).GetRawText()), $"other Q{quarter}");
        }
        var q1 = await admin.GetJsonAsync($"/api/v1/offices/{ministry}/ranking?fiscalYear=2024-25&quarter=1");
        var q2Ministry = await admin.GetJsonAsync($"/api/v1/offices/{ministry}/ranking?fiscalYear=2024-25&quarter=2");
        var q2Other = await admin.GetJsonAsync($"/api/v1/offices/{other}/ranking?fiscalYear=2024-25&quarter=2");
        static IEnumerable<(string, string?)> Offices(JsonElement page) =>
            page.GetProperty("items").EnumerateArray().Select(o => (o.Str("code"), o.GetProperty("parentNameEn").GetString())).OrderBy(o => o.Item1);

        Assert.Multiple(() =>
        {
            Assert.That(ministryTrend.Select(q => q.GetProperty("offices").GetInt32()), Is.EqualTo(new[] { 4, 2, 2, 2 }));
            Assert.That(otherTrend.Select(q => q.GetProperty("offices").GetInt32()), Is.EqualTo(new[] { 1, 3, 3, 3 }));
            Assert.That(Offices(q1), Is.EqualTo(new (string, string?)[] { ("MIN", null), ("MIN-A1", "Office MIN"), ("MIN-A2", "Office MIN"), ("MIN-A2-F1", "Office MIN-A2") }),
                "Q1 keeps the tree of 1 July");
            Assert.That(Offices(q2Ministry), Is.EqualTo(new (string, string?)[] { ("MIN", null), ("MIN-A1", "Office MIN") }));
            Assert.That(Offices(q2Other), Is.EqualTo(new (string, string?)[] { ("MIN-A2", "Office OTHER"), ("MIN-A2-F1", "Office MIN-A2"), ("OTHER", null) }));
        });
    }

    [Test]
    public async Task A_read_model_written_before_it_kept_the_periods_paths_is_rebuilt_when_the_app_starts()
    {
        var directory = TestDatabase.NewDirectory();
        long ministry;
        await using (var app = await TestApp.StartAsync(TestClock.At(2024, 9, 20), directory))
        {
            (ministry, _) = await new Given(app).MinistryWithAsync(2);
            // What the rows of an older version hold: no path, no totals.
            Sql.Execute(app, "UPDATE OfficeScores SET Path = '', Expected = 0, OnTime = 0, Late = 0, Unrecorded = 0, FirstOpenDueOn = NULL, LastOpenDueOn = NULL");
        }
        await using (var restarted = await TestApp.StartAsync(TestClock.At(2024, 9, 20), directory))
        {
            var admin = await restarted.AsAdminAsync();
            var trend = await admin.GetJsonAsync($"/api/v1/offices/{ministry}/trend?fiscalYear=2024-25");
            Assert.Multiple(() =>
            {
                Assert.That(Sql.Count(restarted, "OfficeScores", "Path = ''"), Is.Zero);
                Assert.That(trend[0].GetProperty("offices").GetInt32(), Is.EqualTo(3));
                Assert.That(trend[0].GetProperty("pending").GetInt32(), Is.EqualTo(9));
            });
        }
    }

    [TestCase(0, 0, 100, 0, 3, null, TestName = "A reliable office early in the quarter is not at risk (1)")]
    [TestCase(0, 0, 10, 0, 3, RiskLevel.Medium, TestName = "Ten days left with nothing recorded is medium risk (3 + 2)")]
    [TestCase(0, 0, 15, 2, 3, null, TestName = "Fifteen days left counts as close, but with work under way and a clean record it stays off the list (3)")]
    [TestCase(1, 0, 15, 2, 3, RiskLevel.Medium, TestName = "Fifteen days left and a missed quarter is medium risk (2 + 3)")]
    [TestCase(0, 0, 30, 0, 3, null, TestName = "Thirty days left with nothing recorded and a clean record stays off the list (1 + 2)")]
    [TestCase(2, 0, 80, 0, 3, RiskLevel.Medium, TestName = "Two missed quarters and nothing recorded early in the quarter is medium risk (4 + 1)")]
    [TestCase(2, 2, 41, 0, 3, RiskLevel.High, TestName = "Two missed and two late quarters with nothing recorded is high risk (4 + 1 + 1)")]
    [TestCase(1, 1, 40, 1, 3, null, TestName = "A missed and a late quarter with 40 days left and work under way stays off the list (2)")]
    [TestCase(0, 4, 41, 0, 3, null, TestName = "Late in every quarter but never missing stays off the list 41 days before (2 + 1)")]
    [TestCase(4, 0, 5, 3, 3, null, TestName = "An office that has recorded everything is never at risk")]
    public void The_risk_rule_weighs_history_days_left_and_progress(int missed, int late, int daysLeft, int recorded, int expected, RiskLevel? level)
    {
        Assert.That(RiskRule.Assess(new RiskFacts(missed, late, daysLeft, recorded, expected)), Is.EqualTo(level));
    }
}
