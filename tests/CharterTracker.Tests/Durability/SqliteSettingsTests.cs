using CharterTracker.Data;
using CharterTracker.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CharterTracker.Tests.Durability;

/// <summary>What every connection of the app runs with on SQLite (docs/operations.md).</summary>
public sealed class SqliteSettingsTests
{
    [TestCase(null, 2, TestName = "By default a commit is synced to disk (synchronous = FULL)")]
    [TestCase("Normal", 1, TestName = "Charter:Database:Synchronous = Normal trades that for speed")]
    public async Task The_apps_connections_run_in_WAL_with_the_configured_sync_and_busy_wait(string? synchronous, long expected)
    {
        var settings = new Dictionary<string, string?>();
        settings["Charter:Database:Synchronous"] = synchronous; // null: the product's default, not the test app's Normal
        await using var app = await TestApp.StartAsync(settings: settings);

        await using var connection = await app.Services.GetRequiredService<DbConnectionFactory>().OpenAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA synchronous;"), Is.EqualTo(expected));
            Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"), Is.EqualTo("wal"));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;"), Is.EqualTo(30_000), "a writer waits up to 30 s for the lock");
        });
    }
}
