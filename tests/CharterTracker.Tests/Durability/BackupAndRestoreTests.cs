using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Tests.Durability;

/// <summary>
/// <c>backup</c> and <c>restore</c>, the verbs an operator runs (docs/operations.md): a backup taken while the app
/// keeps writing, put back into an empty folder, serves the same records and the same evidence bytes.
/// </summary>
[NonParallelizable]
public sealed class BackupAndRestoreTests
{
    [Test]
    public async Task A_backup_taken_under_writes_restores_into_a_fresh_folder_with_its_records_and_identical_evidence()
    {
        var source = TestDatabase.NewDirectory();
        var backup = Path.Combine(TestDatabase.Root, $"backup-{Guid.NewGuid():N}");
        var restored = Directory.CreateTempSubdirectory("restored-").FullName;
        var evidenceBytes = new byte[50_000];
        Random.Shared.NextBytes(evidenceBytes);
        "%PDF-1.4\n"u8.CopyTo(evidenceBytes);

        long office, evidenceId, update;
        var acknowledged = new ConcurrentQueue<long>();
        int beforeBackup, afterBackup;
        (int ExitCode, string Output) backedUp;
        await using (var app = await TestApp.StartAsync(directory: source))
        {
            office = await new Given(app).OfficeAsync("MIN");
            var focalPoint = await app.AsNewUserAsync("fp", Role.FocalPoint, office);
            var file = new ByteArrayContent(evidenceBytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            evidenceId = (await (await focalPoint.PostAsync("/api/v1/evidence", new MultipartFormDataContent
                { { file, "file", "minutes.pdf" }, { new StringContent("2024-08-10"), "evidenceDate" }, { new StringContent($"{office}"), "officeId" } })).JsonAsync(HttpStatusCode.Created)).Id();
            update = (await focalPoint.PostJsonAsync($"/api/v1/offices/{office}/charter-updates",
                Samples.CharterUpdate().With("evidenceIds", new[] { evidenceId }), HttpStatusCode.Created)).Id();

            // Two clients keep registering offices, bounded, until the backup is done.
            var admin = await app.AsAdminAsync();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var writers = Enumerable.Range(0, 2).Select(async n =>
            {
                for (var i = 0; i < 400 && !stop.IsCancellationRequested; i++)
                {
                    var response = await admin.PostAsJsonAsync("/api/v1/offices",
                        new { code = $"B{n}-{i}", nameBn = $"দপ্তর {n}-{i}", nameEn = $"Office {n}-{i}", kind = "Agency", parentId = office, activeFrom = "2020-07-01" }, CancellationToken.None);
                    acknowledged.Enqueue((await response.JsonAsync(HttpStatusCode.Created)).Id());
                }
            }).ToList();
            while (acknowledged.Count < 10) await Task.Delay(20);

            beforeBackup = acknowledged.Count;
            backedUp = await ServerProcess.RunVerbAsync(source, ["backup", backup]);
            afterBackup = acknowledged.Count;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(backup, "manifest.json"))).RootElement;
        var restoredRun = await ServerProcess.RunVerbAsync(restored, ["restore", backup]);
        var again = await ServerProcess.RunVerbAsync(restored, ["restore", backup]);

        await using var back = await TestApp.StartAsync(directory: restored);
        var viewer = await back.AsNewUserAsync("after.viewer", Role.Viewer, office);
        var download = await viewer.GetAsync($"/api/v1/evidence/{evidenceId}");
        var record = await viewer.GetJsonAsync($"/api/v1/charter-updates/{update}");
        var restoredOffices = Sql.Query<long>(back, "SELECT Id FROM Offices WHERE Code LIKE 'B%'");
        var unaudited = Sql.Count(back, "Offices o", "o.Code LIKE 'B%' AND NOT EXISTS (SELECT 1 FROM AuditLog a WHERE a.Action = 'RegisterOffice' AND a.Outcome = 'Succeeded' AND a.EntityId = o.Id)");
        using var db = new SqliteConnection($"Data Source={back.DatabaseFile};Mode=ReadOnly;Pooling=False");
        var integrity = db.ExecuteScalar<string>("PRAGMA integrity_check;");

        TestContext.Out.WriteLine($"{backedUp.Output.Trim()} Offices acknowledged before / during the backup: {beforeBackup} / {afterBackup - beforeBackup}; in the backup: {restoredOffices.Count}.");
        Assert.Multiple(async () =>
        {
            Assert.That(backedUp.ExitCode, Is.Zero, backedUp.Output);
            Assert.That(afterBackup, Is.GreaterThan(beforeBackup), "the app kept writing while the backup ran");
            Assert.That(manifest.GetProperty("schemaVersion").GetString(), Is.EqualTo(MigrationRunner.EmbeddedScripts(Dialect.Sqlite)[^1].Name));
            Assert.That(manifest.GetProperty("evidenceFileCount").GetInt32(), Is.EqualTo(1));
            Assert.That(manifest.GetProperty("evidenceFiles")[0].GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexString(SHA256.HashData(evidenceBytes)).ToLowerInvariant()));
            Assert.That(manifest.GetProperty("createdAtUtc").GetDateTime(), Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(2)));
            Assert.That(restoredRun.ExitCode, Is.Zero, restoredRun.Output);
            Assert.That(again.ExitCode, Is.EqualTo(1), "restore never overwrites a database");
            Assert.That(again.Output, Does.Contain("A database already exists"));

            Assert.That(acknowledged.Take(beforeBackup), Is.SubsetOf(restoredOffices), "every office acknowledged before the backup began is in it");
            Assert.That(unaudited, Is.Zero, "each with its audit row: a snapshot at one commit");
            Assert.That(record.GetProperty("evidenceIds").EnumerateArray().Select(e => e.GetInt64()), Is.EqualTo(new[] { evidenceId }));
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(evidenceBytes), "the evidence comes back byte for byte");
            Assert.That(integrity, Is.EqualTo("ok"));
        });
    }

    [Test]
    public async Task Backup_refuses_a_folder_that_is_not_empty()
    {
        var source = TestDatabase.NewDirectory();
        var target = Directory.CreateTempSubdirectory("not-empty-").FullName;
        await File.WriteAllTextAsync(Path.Combine(target, "old.txt"), "an earlier backup");

        var (exitCode, output) = await ServerProcess.RunVerbAsync(source, ["backup", target]);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("is not empty"));
    }

    [Test]
    public async Task On_SQL_Server_the_verbs_say_they_do_not_apply_and_point_to_BACKUP_DATABASE()
    {
        var sqlServer = new Dictionary<string, string>
        {
            ["Charter__Database__Provider"] = "SqlServer",
            // Never connected to: the verb stops before opening anything.
            ["Charter__Database__ConnectionString"] = "Server=127.0.0.1,1;Database=CharterTracker;Connect Timeout=1",
        };

        var (exitCode, output) = await ServerProcess.RunVerbAsync(TestDatabase.NewDirectory(), ["backup", Path.Combine(TestDatabase.Root, "unused")], sqlServer);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("applies to SQLite only").And.Contain("BACKUP DATABASE"));
    }
}
