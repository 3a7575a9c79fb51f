using CharterTracker.Demo;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Awards;

/// <summary>The demo set's award cycle: judged, closed, ranked with a tie, its judges able to sign in.</summary>
public sealed class DemoAwardsTests
{
    [Test]
    public async Task The_demo_cycle_is_closed_and_ranked_with_a_tie_for_second_place()
    {
        await using var app = await TestApp.StartAsync(TestClock.At(2025, 11, 20), settings: new Dictionary<string, string?> { ["Charter:DemoData"] = "true" });
        var committee = await app.AsAsync("committee", DemoData.Password);
        var cycle = (await committee.GetJsonAsync("/api/v1/award-cycles")).EnumerateArray().Single();
        var results = await committee.GetJsonAsync($"/api/v1/award-cycles/{cycle.Id()}/results");
        var judge = await app.AsAsync("judge.dgt", DemoData.Password);

        Assert.Multiple(() =>
        {
            Assert.That(cycle.Str("stage"), Is.EqualTo("Closed"));
            Assert.That(results.EnumerateArray().Select(r => (r.Str("categoryCode"), r.GetProperty("rank").GetInt32(), r.GetProperty("score").GetDecimal())),
                Is.EqualTo(new[] { ("PROCESS", 1, 89.08m), ("PROCESS", 2, 80.00m), ("PROCESS", 2, 80.00m), ("PROCESS", 4, 66.75m), ("INNOVATION", 1, 78.58m) }));
            Assert.That(cycle.GetProperty("organising").GetBoolean(), Is.True);
        });
        var sheet = await judge.GetJsonAsync($"/api/v1/award-cycles/{cycle.Id()}/sheet");
        Assert.That(sheet.GetProperty("rows").EnumerateArray().All(r => r.GetProperty("complete").GetBoolean()), Is.True);
    }
}
