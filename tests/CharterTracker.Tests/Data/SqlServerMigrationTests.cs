using CharterTracker.Data;
using CharterTracker.Tests.Support;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CharterTracker.Tests.Data;

/// <summary>
/// The SQL Server scripts on a real server: each test gets a new database <c>ct_test_&lt;guid&gt;</c>, dropped
/// afterwards. Skipped unless <c>CHARTERTRACKER_SQLSERVER</c> holds a connection string (to <c>master</c> or any
/// database of a server where the login may create databases).
/// </summary>
[Category("SqlServer")]
[NonParallelizable]
public sealed class SqlServerMigrationTests
{
    private const string ConnectionStringVariable = "CHARTERTRACKER_SQLSERVER";

    private string _serverConnectionString = null!;
    private string _database = null!;
    private DbConnectionFactory _factory = null!;
    private string _sqliteDirectory = null!;

    [OneTimeSetUp]
    public void RequireAServer()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.Ignore($"set {ConnectionStringVariable} to run the SQL Server tests");
        }
        _serverConnectionString = new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master" }.ConnectionString;
    }

    [SetUp]
    public async Task CreateDatabase()
    {
        _sqliteDirectory = Directory.CreateDirectory(Path.Combine(TestDatabase.Root, "parity-" + Guid.NewGuid().ToString("N"))).FullName;
        _database = "ct_test_" + Guid.NewGuid().ToString("N");
        await using (var server = new SqlConnection(_serverConnectionString))
        {
            await server.OpenAsync();
            await server.ExecuteAsync($"CREATE DATABASE [{_database}]");
        }
        _factory = new DbConnectionFactory(Dialect.SqlServer,
            new SqlConnectionStringBuilder(_serverConnectionString) { InitialCatalog = _database }.ConnectionString);
    }

    [TearDown]
    public async Task DropDatabase()
    {
        SqlConnection.ClearAllPools();
        await using (var server = new SqlConnection(_serverConnectionString))
        {
            await server.OpenAsync();
            await server.ExecuteAsync($"""
                IF DB_ID(N'{_database}') IS NOT NULL
                BEGIN
                    ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
                    DROP DATABASE [{_database}];
                END
                """);
        }
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_sqliteDirectory)) Directory.Delete(_sqliteDirectory, recursive: true);
    }

    [Test]
    public async Task A_new_database_gets_every_script_and_a_second_run_applies_nothing()
    {
        var scripts = MigrationRunner.EmbeddedScripts(Dialect.SqlServer);

        var first = await Runner(_factory).MigrateAsync();
        var journalAfterFirst = await SqlServerJournalAsync();
        var second = await Runner(_factory).MigrateAsync();
        var journalAfterSecond = await SqlServerJournalAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(scripts.Select(script => script.Name)));
            Assert.That(journalAfterFirst.Select(row => (row.Name, row.Checksum)), Is.EqualTo(scripts.Select(script => (script.Name, script.Checksum))));
            Assert.That(second, Is.Empty);
            Assert.That(journalAfterSecond, Is.EqualTo(journalAfterFirst), "names, checksums and AppliedAtUtc stay as the first run wrote them");
        });
    }

    [Test]
    public async Task Migrated_tables_and_columns_have_the_same_names_as_on_SQLite()
    {
        var sqlite = new DbConnectionFactory(Dialect.Sqlite, $"Data Source={Path.Combine(_sqliteDirectory, "parity.db")}");
        await Runner(sqlite).MigrateAsync();
        await Runner(_factory).MigrateAsync();

        IReadOnlyList<string> sqliteColumns, sqlServerColumns;
        await using (var connection = await sqlite.OpenAsync())
        {
            sqliteColumns = (await connection.QueryAsync<string>("""
                SELECT t.name || '.' || c.name
                FROM sqlite_master t, pragma_table_info(t.name) c
                WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite%'
                """)).Select(Normalise).Order(StringComparer.Ordinal).ToList();
        }
        await using (var connection = await _factory.OpenAsync())
        {
            sqlServerColumns = (await connection.QueryAsync<string>("""
                SELECT c.TABLE_NAME + '.' + c.COLUMN_NAME
                FROM INFORMATION_SCHEMA.COLUMNS c
                JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
                WHERE t.TABLE_SCHEMA = 'dbo' AND t.TABLE_TYPE = 'BASE TABLE'
                """)).Select(Normalise).Order(StringComparer.Ordinal).ToList();
        }

        Assert.Multiple(() =>
        {
            Assert.That(sqliteColumns, Does.Contain("schemamigrations.checksum"), "the journal is part of the comparison");
            Assert.That(sqlServerColumns, Is.EqualTo(sqliteColumns),
                $"only on SQL Server: [{string.Join(", ", sqlServerColumns.Except(sqliteColumns))}]; only on SQLite: [{string.Join(", ", sqliteColumns.Except(sqlServerColumns))}]");
        });
    }

    private sealed record JournalRow(string Name, string Checksum, string AppliedAtUtc);

    private static MigrationRunner Runner(DbConnectionFactory factory) => new(factory, NullLogger<MigrationRunner>.Instance);

    private static string Normalise(string tableDotColumn) => tableDotColumn.ToLowerInvariant();

    private async Task<IReadOnlyList<JournalRow>> SqlServerJournalAsync()
    {
        await using var connection = await _factory.OpenAsync();
        return (await connection.QueryAsync<JournalRow>("SELECT Name, Checksum, CONVERT(varchar(33), AppliedAtUtc, 126) AS AppliedAtUtc FROM dbo.SchemaMigrations ORDER BY Name")).AsList();
    }
}
