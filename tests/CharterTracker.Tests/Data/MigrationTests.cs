using System.Globalization;
using System.Text.RegularExpressions;
using CharterTracker.Data;
using CharterTracker.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CharterTracker.Tests.Data;

/// <summary>
/// The migration scripts and their runner, on real SQLite files: what db/ holds, what a fresh, an up-to-date, a
/// newer and an edited database get, and the settings every connection is opened with.
/// </summary>
public sealed partial class MigrationTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() =>
        _directory = Directory.CreateDirectory(Path.Combine(TestDatabase.Root, "migrations-" + Guid.NewGuid().ToString("N"))).FullName;

    [TearDown]
    public void DeleteDirectory()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void Both_dialect_folders_hold_the_same_script_names()
    {
        var sqlite = ScriptFilesOnDisk(Dialect.Sqlite).Keys;
        var sqlServer = ScriptFilesOnDisk(Dialect.SqlServer).Keys;

        Assert.That(sqlite, Is.Not.Empty, "db/sqlite holds no scripts");
        Assert.That(sqlServer, Is.EqualTo(sqlite),
            $"only in db/sqlite: [{string.Join(", ", sqlite.Except(sqlServer))}]; only in db/sqlserver: [{string.Join(", ", sqlServer.Except(sqlite))}]");
    }

    [TestCase(Dialect.Sqlite)]
    [TestCase(Dialect.SqlServer)]
    public void The_embedded_scripts_are_exactly_the_files_of_the_dialect_folder(Dialect dialect)
    {
        var onDisk = ScriptFilesOnDisk(dialect);
        var embedded = MigrationRunner.EmbeddedScripts(dialect);

        Assert.That(embedded.Select(script => script.Name), Is.EqualTo(onDisk.Keys), "names, in order");
        Assert.Multiple(() =>
        {
            foreach (var script in embedded.Where(script => onDisk.ContainsKey(script.Name)))
            {
                Assert.That(script.Sql, Is.EqualTo(onDisk[script.Name]), $"the embedded text of {script.Name} differs from db/{Folder(dialect)}/{script.Name}");
            }
        });
    }

    [TestCase(Dialect.Sqlite)]
    [TestCase(Dialect.SqlServer)]
    public void Script_names_are_NNNN_snake_case_and_strictly_increasing(Dialect dialect)
    {
        var names = ScriptFilesOnDisk(dialect).Keys.ToList();

        var badlyNamed = names.Where(name => !ScriptName().IsMatch(name)).ToList();
        Assert.That(badlyNamed, Is.Empty, $"not NNNN_snake_case.sql in db/{Folder(dialect)}: {string.Join(", ", badlyNamed)}");

        var numbers = names.Select(name => int.Parse(name[..4], CultureInfo.InvariantCulture)).ToList();
        var notIncreasing = numbers.Zip(numbers.Skip(1), (before, after) => (before, after))
            .Where(pair => pair.after <= pair.before)
            .Select(pair => $"{pair.after:0000} after {pair.before:0000}")
            .ToList();
        Assert.That(notIncreasing, Is.Empty, $"numbers that do not increase in db/{Folder(dialect)}: {string.Join(", ", notIncreasing)}");
    }

    [Test]
    public async Task A_fresh_database_gets_every_script_and_a_second_run_applies_nothing_and_leaves_the_journal_alone()
    {
        var factory = NewFactory();
        var scripts = MigrationRunner.EmbeddedScripts(Dialect.Sqlite);

        var first = await Runner(factory).MigrateAsync();
        var journalAfterFirst = await JournalAsync(factory);
        var second = await Runner(factory).MigrateAsync();
        var journalAfterSecond = await JournalAsync(factory);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(scripts.Select(script => script.Name)));
            Assert.That(journalAfterFirst.Select(row => (row.Name, row.Checksum)), Is.EqualTo(scripts.Select(script => (script.Name, script.Checksum))));
            Assert.That(second, Is.Empty);
            Assert.That(journalAfterSecond, Is.EqualTo(journalAfterFirst), "names, checksums and AppliedAtUtc stay as the first run wrote them");
        });
    }

    [Test]
    public async Task Two_runners_started_at_once_on_a_new_file_apply_each_script_exactly_once()
    {
        var names = MigrationRunner.EmbeddedScripts(Dialect.Sqlite).Select(script => script.Name).ToList();
        var alone = NewFactory("alone.db");
        await Runner(alone).MigrateAsync();
        var schemaMigratedAlone = await SchemaAsync(alone);

        // Each round on a file that does not exist yet: the runners meet while it is created and switched to WAL,
        // where the loser waits out SQLITE_BUSY. The next test makes them meet at the journal instead.
        for (var round = 1; round <= 5; round++)
        {
            var factory = NewFactory($"race-{round}.db");
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var runners = Enumerable.Range(0, 2)
                .Select(_ => Task.Run(async () =>
                {
                    await start.Task;
                    return await Runner(factory).MigrateAsync();
                }))
                .ToList();
            start.SetResult();
            var applied = await Task.WhenAll(runners);

            var journal = await JournalAsync(factory);
            var schema = await SchemaAsync(factory);
            Assert.Multiple(() =>
            {
                Assert.That(applied.SelectMany(byOneRunner => byOneRunner), Is.EquivalentTo(names), $"round {round}: between them the runners applied every script once");
                Assert.That(journal.Select(row => row.Name), Is.EqualTo(names), $"round {round}: one journal row per script");
                Assert.That(schema, Is.EqualTo(schemaMigratedAlone), $"round {round}: the same tables and indexes as a database migrated by one runner");
            });
        }
    }

    [Test]
    public async Task Two_runners_waiting_on_the_same_lock_apply_each_script_exactly_once()
    {
        var names = MigrationRunner.EmbeddedScripts(Dialect.Sqlite).Select(script => script.Name).ToList();
        // A database nobody has migrated yet, with its empty journal. The test holds the write lock while both
        // runners start, so that both are under way before either may apply anything.
        var factory = NewFactory();
        await using var holder = await factory.OpenAsync();
        await holder.ExecuteAsync(JournalDdl);
        await using var writeLock = await holder.BeginTransactionAsync();
        var runners = Enumerable.Range(0, 2).Select(_ => Task.Run(() => Runner(factory).MigrateAsync())).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var finishedWhileLocked = runners.Count(runner => runner.IsCompleted);
        await writeLock.RollbackAsync();
        var applied = await Task.WhenAll(runners);
        var journal = await JournalAsync(factory);

        Assert.Multiple(() =>
        {
            Assert.That(finishedWhileLocked, Is.Zero, "both runners wait for the write lock");
            Assert.That(applied.SelectMany(byOneRunner => byOneRunner), Is.EquivalentTo(names), "between them the runners applied every script once");
            Assert.That(journal.Select(row => row.Name), Is.EqualTo(names), "one journal row per script");
        });
    }

    [Test]
    public async Task A_database_that_knows_a_script_this_build_does_not_is_refused_as_newer_and_nothing_is_applied()
    {
        var factory = NewFactory();
        await using (var connection = await factory.OpenAsync())
        {
            await connection.ExecuteAsync(JournalDdl);
            await connection.ExecuteAsync("INSERT INTO SchemaMigrations (Name, Checksum, AppliedAtUtc) VALUES ('9999_from_a_newer_build.sql', 'abc', '2030-01-01T00:00:00.0000000Z')");
        }

        var refusal = Assert.ThrowsAsync<MigrationException>(() => Runner(factory).MigrateAsync());
        var journal = await JournalAsync(factory);
        var tables = await TablesAsync(factory);

        Assert.Multiple(() =>
        {
            Assert.That(refusal.Message, Does.Contain("newer"));
            Assert.That(refusal.Message, Does.Contain("9999_from_a_newer_build.sql"));
            Assert.That(journal.Select(row => row.Name), Is.EqualTo(new[] { "9999_from_a_newer_build.sql" }));
            Assert.That(tables, Is.EqualTo(new[] { "SchemaMigrations" }), "no script of this build was applied");
        });
    }

    [Test]
    public async Task A_database_whose_applied_script_was_edited_is_refused_naming_the_script()
    {
        var factory = NewFactory();
        await Runner(factory).MigrateAsync();
        var edited = MigrationRunner.EmbeddedScripts(Dialect.Sqlite)[0].Name;
        await using (var connection = await factory.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE SchemaMigrations SET Checksum = @checksum WHERE Name = @edited", new { checksum = new string('0', 64), edited });
        }

        var refusal = Assert.ThrowsAsync<MigrationException>(() => Runner(factory).MigrateAsync());

        Assert.Multiple(() =>
        {
            Assert.That(refusal.Message, Does.Contain(edited));
            Assert.That(refusal.Message, Does.Contain("edited"));
        });
    }

    [Test]
    public void The_checksum_ignores_CRLF_versus_LF_but_changes_with_the_content()
    {
        var lf = new MigrationScript("0001_a.sql", "x\ny").Checksum;

        Assert.Multiple(() =>
        {
            Assert.That(new MigrationScript("0001_a.sql", "x\r\ny").Checksum, Is.EqualTo(lf));
            Assert.That(new MigrationScript("0001_a.sql", "x\nz").Checksum, Is.Not.EqualTo(lf));
            Assert.That(new MigrationScript("0001_a.sql", "x\n y").Checksum, Is.Not.EqualTo(lf));
            // SHA-256 of the UTF-8 bytes "x\ny", lower-case hex: what is stored in SchemaMigrations.Checksum.
            Assert.That(lf, Is.EqualTo("9ab9de25768ac172235e119b76362ecddad33878fe9a7792cdddbe47236f9a87"));
        });
    }

    [Test]
    public void Batches_split_on_lines_that_are_exactly_GO_in_any_case_and_with_surrounding_whitespace()
    {
        const string script = "CREATE TABLE dbo.A (X int);\nGO\nCREATE VIEW dbo.V AS SELECT X FROM dbo.A;\r\n  go  \r\nCREATE TRIGGER dbo.T ON dbo.A AFTER INSERT AS SELECT 1;\n\tGo\n";

        Assert.That(MigrationRunner.Batches(script), Is.EqualTo(new[]
        {
            "CREATE TABLE dbo.A (X int);",
            "CREATE VIEW dbo.V AS SELECT X FROM dbo.A;",
            "CREATE TRIGGER dbo.T ON dbo.A AFTER INSERT AS SELECT 1;",
        }));
    }

    [Test]
    public void Batches_do_not_split_on_words_or_comments_that_contain_GO()
    {
        const string script = "SELECT 1;\nGOTO done;\n-- GO home\nSELECT 'GO' AS Going; GO\ndone: SELECT 2;";

        Assert.That(MigrationRunner.Batches(script), Is.EqualTo(new[] { script }));
    }

    [Test]
    public void Batches_leave_out_the_empty_ones_between_consecutive_GO_lines()
    {
        Assert.That(MigrationRunner.Batches("GO\n\nGO\nSELECT 1;\nGO\nGO\n"), Is.EqualTo(new[] { "SELECT 1;" }));
    }

    [Test]
    public async Task Connections_from_the_factory_enforce_foreign_keys()
    {
        var factory = NewFactory();
        await Runner(factory).MigrateAsync();
        await using var connection = await factory.OpenAsync();

        var refusal = Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(
            """
            INSERT INTO Offices (Code, NameBn, NameEn, Kind, ParentId, Path, Depth, ActiveFrom, CreatedAtUtc)
            VALUES ('ORPHAN', 'অনাথ', 'Orphan', 'Agency', 999, '/999/1/', 1, '2024-07-01', '2024-07-01T00:00:00.0000000Z')
            """));

        var offices = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Offices");

        Assert.Multiple(() =>
        {
            Assert.That(refusal.SqliteErrorCode, Is.EqualTo(19), "SQLITE_CONSTRAINT");
            Assert.That(refusal.Message, Does.Contain("FOREIGN KEY"));
            Assert.That(offices, Is.Zero);
        });
    }

    [Test]
    public async Task Connections_from_the_factory_use_the_WAL_journal()
    {
        var factory = NewFactory();
        await using var connection = await factory.OpenAsync();

        Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
    }

    /// <summary>The journal as the runner creates it on SQLite.</summary>
    private const string JournalDdl = "CREATE TABLE SchemaMigrations (Name TEXT NOT NULL PRIMARY KEY, Checksum TEXT NOT NULL, AppliedAtUtc TEXT NOT NULL)";

    private sealed record JournalRow(string Name, string Checksum, string AppliedAtUtc);

    private DbConnectionFactory NewFactory(string file = "charter.db") =>
        new(Dialect.Sqlite, $"Data Source={Path.Combine(_directory, file)}");

    private static MigrationRunner Runner(DbConnectionFactory factory) => new(factory, NullLogger<MigrationRunner>.Instance);

    private static async Task<IReadOnlyList<JournalRow>> JournalAsync(DbConnectionFactory factory)
    {
        await using var connection = await factory.OpenAsync();
        return (await connection.QueryAsync<JournalRow>("SELECT Name, Checksum, AppliedAtUtc FROM SchemaMigrations ORDER BY Name")).AsList();
    }

    private static async Task<IReadOnlyList<string>> TablesAsync(DbConnectionFactory factory)
    {
        await using var connection = await factory.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")).AsList();
    }

    /// <summary>Every table and index with the statement that made it.</summary>
    private static async Task<IReadOnlyList<string>> SchemaAsync(DbConnectionFactory factory)
    {
        await using var connection = await factory.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")).AsList();
    }

    /// <summary>The .sql files of db/&lt;dialect&gt;/ by name (ordinal order), with their text.</summary>
    private static SortedDictionary<string, string> ScriptFilesOnDisk(Dialect dialect)
    {
        var folder = Path.Combine(TestDatabase.RepositoryRoot, "db", Folder(dialect));
        return new SortedDictionary<string, string>(
            Directory.GetFiles(folder, "*.sql").ToDictionary(path => Path.GetFileName(path), path => File.ReadAllText(path)),
            StringComparer.Ordinal);
    }

    private static string Folder(Dialect dialect) => dialect.ToString().ToLowerInvariant();

    [GeneratedRegex(@"^[0-9]{4}_[a-z0-9]+(_[a-z0-9]+)*\.sql$")]
    private static partial Regex ScriptName();
}
