using System.Net;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Access;

/// <summary>GET /api/v1/me/offices: the offices a user records for, as the workspace's office picker shows them.</summary>
public sealed class ListMyOfficesTests
{
    [Test]
    public async Task A_focal_point_has_its_own_office_first_then_the_offices_it_is_assigned_to_today()
    {
        await using var app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        var given = new Given(app);
        var (ministry, agencies) = await given.MinistryWithAsync(3);
        var userId = await app.UserAsync("fp", Role.FocalPoint, agencies[2]);
        await app.UserAsync("committee", Role.MonitoringCommittee, ministry);
        var admin = await app.AsAdminAsync();
        await admin.PostJsonAsync($"/api/v1/offices/{agencies[1]}/focal-points", new { userId, validFrom = "2024-07-01", validUntil = "2024-10-01" }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/v1/offices/{agencies[0]}/focal-points", new { userId, validFrom = "2024-07-01" }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/v1/offices/{ministry}/focal-points", new { userId, validFrom = "2024-07-01", validUntil = "2024-09-01" }, HttpStatusCode.Created);

        var mine = await (await app.SignInAsync("fp")).GetJsonAsync("/api/v1/me/offices");
        var committees = await (await app.SignInAsync("committee")).GetJsonAsync("/api/v1/me/offices");

        Assert.Multiple(() =>
        {
            Assert.That(mine.EnumerateArray().Select(m => m.GetProperty("office").Id()), Is.EqualTo(new[] { agencies[2], agencies[0], agencies[1] }),
                "own office first, then by code; the ended assignment to the ministry is left out");
            Assert.That(mine.EnumerateArray().Select(m => m.GetProperty("own").GetBoolean()), Is.EqualTo(new[] { true, false, false }));
            Assert.That(mine[2].Str("assignedUntil"), Is.EqualTo("2024-10-01"));
            Assert.That(committees.EnumerateArray().Select(m => m.GetProperty("office").Id()), Is.EqualTo(new[] { ministry }), "other roles record for no assigned office");
        });
    }
}
