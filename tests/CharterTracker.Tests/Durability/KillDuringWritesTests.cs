using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CharterTracker.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Tests.Durability;

/// <summary>
/// The real server process under a write load, killed with SIGKILL mid-load and started again: every write it
/// acknowledged is there, none is half there, and the file passes SQLite's integrity check.
/// </summary>
[NonParallelizable]
public sealed class KillDuringWritesTests
{
    private const int Clients = 4;
    private const int MaxWritesPerClient = 150;
    private static readonly TimeSpan MaxLoad = TimeSpan.FromSeconds(8);

    [Test]
    public async Task Every_acknowledged_record_survives_a_kill_minus_9_and_none_is_half_written()
    {
        var directory = TestDatabase.NewDirectory();
        var (fiscalYear, quarter, today) = DhakaQuarter();
        var acknowledgedOffices = new ConcurrentBag<long>();
        var acknowledgedMeetings = new ConcurrentBag<long>();

        await using (var server = await ServerProcess.StartAsync(directory))
        {
            using var setup = await server.AsAdminAsync();
            var ministry = (await setup.PostJsonAsync("/api/v1/offices",
                new { code = "MIN", nameBn = "মন্ত্রণালয়", nameEn = "Ministry", kind = "Ministry", activeFrom = "2020-07-01" }, HttpStatusCode.Created)).Id();
            var meeting = Samples.Meeting(heldOn: today, quarter: quarter).With("fiscalYear", fiscalYear);

            // Half the clients register offices (office, placement, change, read-model and audit rows), half record
            // meetings (meeting, attendees, agenda, distribution and audit rows).
            using var stop = new CancellationTokenSource(MaxLoad);
            var clients = Enumerable.Range(0, Clients).Select(async n =>
            {
                using var client = await server.AsAdminAsync();
                for (var i = 0; i < MaxWritesPerClient && !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var response = n % 2 == 0
                            ? await client.PostAsJsonAsync("/api/v1/offices",
                                new { code = $"K{n}-{i}", nameBn = $"দপ্তর {n}-{i}", nameEn = $"Office {n}-{i}", kind = "Agency", parentId = ministry, activeFrom = "2020-07-01" }, stop.Token)
                            : await client.PostAsJsonAsync($"/api/v1/offices/{ministry}/meetings", meeting, stop.Token);
                        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
                        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();
                        (n % 2 == 0 ? acknowledgedOffices : acknowledgedMeetings).Add(id);
                    }
                    catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
                    {
                        return; // the server is gone (or the load is over): this request was never acknowledged
                    }
                }
            }).ToList();

            // Kill once a good number of writes were acknowledged, while every client still has requests in flight.
            var watch = Stopwatch.StartNew();
            while (acknowledgedOffices.Count + acknowledgedMeetings.Count < 60 && watch.Elapsed < MaxLoad / 2) await Task.Delay(20);
            server.KillHard();
            await Task.WhenAll(clients);
        }

        await using var restarted = await ServerProcess.StartAsync(directory);
        using var admin = await restarted.AsAdminAsync();
        using var db = new SqliteConnection($"Data Source={Path.Combine(directory, "charter.db")};Mode=ReadOnly;Pooling=False");
        var offices = db.Query<long>("SELECT Id FROM Offices WHERE Code LIKE 'K%'").ToHashSet();
        var meetings = db.Query<long>("SELECT Id FROM Meetings").ToHashSet();
        var officesWithoutTheirRows = db.Query<long>("""
            SELECT o.Id FROM Offices o WHERE o.Code LIKE 'K%' AND (
                (SELECT COUNT(*) FROM OfficePlacements p WHERE p.OfficeId = o.Id) <> 1
             OR (SELECT COUNT(*) FROM OfficeChanges c WHERE c.OfficeId = o.Id) <> 1
             OR NOT EXISTS (SELECT 1 FROM OfficeScores s WHERE s.OfficeId = o.Id)
             OR (SELECT COUNT(*) FROM AuditLog a WHERE a.Action = 'RegisterOffice' AND a.Outcome = 'Succeeded' AND a.EntityId = o.Id) <> 1)
            """).AsList();
        var meetingsWithoutTheirRows = db.Query<long>("""
            SELECT m.Id FROM Meetings m WHERE
                (SELECT COUNT(*) FROM MeetingAttendees x WHERE x.MeetingId = m.Id) <> 3
             OR (SELECT COUNT(*) FROM MeetingAgendaItems x WHERE x.MeetingId = m.Id) <> 2
             OR (SELECT COUNT(*) FROM MeetingDistribution x WHERE x.MeetingId = m.Id) <> 2
             OR (SELECT COUNT(*) FROM AuditLog a WHERE a.Action = 'RecordMeeting' AND a.Outcome = 'Succeeded' AND a.EntityId = m.Id) <> 1
            """).AsList();
        var auditedButMissing = db.ExecuteScalar<long>("""
            SELECT COUNT(*) FROM AuditLog a WHERE a.Outcome = 'Succeeded' AND (
                (a.Action = 'RegisterOffice' AND NOT EXISTS (SELECT 1 FROM Offices o WHERE o.Id = a.EntityId))
             OR (a.Action = 'RecordMeeting' AND NOT EXISTS (SELECT 1 FROM Meetings m WHERE m.Id = a.EntityId)))
            """);
        var integrity = db.ExecuteScalar<string>("PRAGMA integrity_check;");
        var lastMeeting = acknowledgedMeetings.Max();
        var served = await admin.GetJsonAsync($"/api/v1/meetings/{lastMeeting}");

        TestContext.Out.WriteLine($"acknowledged before the kill: {acknowledgedOffices.Count} offices, {acknowledgedMeetings.Count} meetings; " +
                                  $"in the database after the restart: {offices.Count} offices, {meetings.Count} meetings (all checked row by row)");
        Assert.Multiple(() =>
        {
            Assert.That(acknowledgedOffices, Has.Count.GreaterThan(5), "the load ran");
            Assert.That(acknowledgedMeetings, Has.Count.GreaterThan(5), "the load ran");
            Assert.That(acknowledgedOffices.Except(offices), Is.Empty, "every acknowledged office is there");
            Assert.That(acknowledgedMeetings.Except(meetings), Is.Empty, "every acknowledged meeting is there");
            Assert.That(officesWithoutTheirRows, Is.Empty, "no office without its placement, change, read-model and audit rows");
            Assert.That(meetingsWithoutTheirRows, Is.Empty, "no meeting without its attendees, agenda, distribution and audit rows");
            Assert.That(auditedButMissing, Is.Zero, "no audit row of a record that is not there");
            Assert.That(integrity, Is.EqualTo("ok"));
            Assert.That(served.Id(), Is.EqualTo(lastMeeting), "the restarted server serves them");
        });
    }

    /// <summary>The server runs on the real clock: the fiscal year, quarter and day it is now in Dhaka (UTC+6, no DST).</summary>
    internal static (string FiscalYear, int Quarter, string Today) DhakaQuarter()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(6));
        var start = today.Month >= 7 ? today.Year : today.Year - 1;
        return ($"{start}-{(start + 1) % 100:00}", (today.Month + 5) % 12 / 3 + 1, today.ToString("yyyy-MM-dd"));
    }
}
