using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CharterTracker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Tests.Durability;

/// <summary>
/// Another writer holds SQLite's write lock (a long import, a backup tool, a second node on the same file): a command
/// waits for it up to Charter:Database:BusyTimeout, then fails with a 503 that says so rather than a 500.
/// </summary>
[NonParallelizable]
public sealed class DatabaseBusyTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Charter:Database:BusyTimeout"] = "00:00:02" });
        _admin = await _app.AsAdminAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    /// <summary>A connection of its own that takes the write lock, as any other writer of the file would.</summary>
    private SqliteConnection HoldWriteLock()
    {
        var connection = new SqliteConnection($"Data Source={_app.DatabaseFile};Pooling=False");
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        begin.ExecuteNonQuery();
        return connection;
    }

    private Task<HttpResponseMessage> RegisterOfficeAsync(string code) =>
        _admin.PostAsJsonAsync("/api/v1/offices", new { code, nameBn = "দপ্তর " + code, nameEn = "Office " + code, kind = "Ministry", activeFrom = "2020-07-01" });

    [Test]
    public async Task A_write_waits_for_a_lock_held_briefly_and_then_succeeds()
    {
        var watch = Stopwatch.StartNew();
        HttpResponseMessage response;
        using (var other = HoldWriteLock())
        {
            var pending = RegisterOfficeAsync("WAITED");
            await Task.Delay(500);
            Assert.That(pending.IsCompleted, Is.False, "the command waits for the lock");
            other.Close(); // rolls the other writer's transaction back and frees the lock
            response = await pending;
        }

        await response.JsonAsync(HttpStatusCode.Created);
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(500)));
        Assert.That(Sql.Count(_app, "Offices", "Code = 'WAITED'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_lock_held_past_the_busy_timeout_is_a_503_problem_and_nothing_is_written()
    {
        HttpResponseMessage response;
        var watch = Stopwatch.StartNew();
        using (HoldWriteLock())
        {
            response = await RegisterOfficeAsync("GAVEUP");
        }
        var problem = await response.JsonAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Multiple(() =>
        {
            Assert.That(problem.Str("title"), Is.EqualTo("The database is busy."));
            Assert.That(problem.Str("detail"), Does.Contain("nothing was saved"));
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)), "it waited the configured 2 s first");
            Assert.That(Sql.Count(_app, "Offices", "Code = 'GAVEUP'"), Is.Zero);
        });
    }
}
