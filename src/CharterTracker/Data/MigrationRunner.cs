using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace CharterTracker.Data;

/// <summary>A migration script: its name is its identity, the dialect is the folder it came from.</summary>
public sealed record MigrationScript(string Name, string Sql)
{
    /// <summary>SHA-256 of the text with line endings normalised, so a checkout with CRLF does not look edited.</summary>
    public string Checksum { get; } = Convert.ToHexString(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal)))).ToLowerInvariant();
}

public sealed class MigrationException(string message) : Exception(message);

/// <summary>
/// Applies the scripts of <c>db/&lt;dialect&gt;/</c> (embedded in the binary) in name order: one transaction per
/// script, a journal with each script's checksum, a lock so that two instances never migrate at once, and a
/// refusal to run against a database that knows scripts this binary does not ("database newer than code") or
/// whose applied scripts were edited afterwards.
/// </summary>
public sealed partial class MigrationRunner(DbConnectionFactory factory, ILogger<MigrationRunner> logger)
{
    private const string LockName = "CharterTracker.Migrations";

    public static IReadOnlyList<MigrationScript> EmbeddedScripts(Dialect dialect)
    {
        var prefix = $"db/{dialect.ToString().ToLowerInvariant()}/";
        var assembly = typeof(MigrationRunner).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new MigrationScript(name[prefix.Length..], Read(assembly, name)))
            .ToList();
    }

    /// <returns>The names of the scripts applied by this call (empty when the database was up to date).</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var scripts = EmbeddedScripts(factory.Dialect);
        await using var connection = await factory.OpenAsync(cancellationToken);
        if (factory.Dialect == Dialect.SqlServer)
        {
            // A session-owned application lock, taken before anything else (even the journal's creation): a second
            // instance waits here, up to ten minutes, until the first has finished.
            var granted = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                TakeLockSql, new { LockName }, commandTimeout: 660, cancellationToken: cancellationToken));
            if (granted < 0) throw new MigrationException($"Could not take the migration lock (sp_getapplock returned {granted}).");
        }

        try
        {
            await connection.ExecuteAsync(JournalDdl.For(factory.Dialect));
            var applied = new List<string>();
            foreach (var script in scripts)
            {
                if (await ApplyAsync(connection, script, scripts, cancellationToken))
                {
                    applied.Add(script.Name);
                    logger.LogInformation("Applied migration {Script}", script.Name);
                }
            }
            await VerifyJournalAsync(connection, scripts, null);
            return applied;
        }
        finally
        {
            if (factory.Dialect == Dialect.SqlServer)
            {
                await connection.ExecuteAsync(ReleaseLockSql, new { LockName });
            }
        }
    }

    private async Task<bool> ApplyAsync(DbConnection connection, MigrationScript script, IReadOnlyList<MigrationScript> known, CancellationToken cancellationToken)
    {
        // On SQLite the IMMEDIATE transaction is the lock: the journal is re-read under it, so an instance that
        // waited for another one sees the script as applied and skips it.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var journal = await VerifyJournalAsync(connection, known, transaction);
        if (journal.ContainsKey(script.Name))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        foreach (var batch in Batches(script.Sql))
        {
            await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, commandTimeout: 600, cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition(
            InsertJournalSql,
            new { script.Name, script.Checksum, AppliedAtUtc = DateTime.UtcNow },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<Dictionary<string, string>> VerifyJournalAsync(DbConnection connection, IReadOnlyList<MigrationScript> known, DbTransaction? transaction)
    {
        var journal = (await connection.QueryAsync<(string Name, string Checksum)>(ReadJournalSql, transaction: transaction))
            .ToDictionary(row => row.Name, row => row.Checksum, StringComparer.Ordinal);
        var byName = known.ToDictionary(script => script.Name, StringComparer.Ordinal);
        var unknown = journal.Keys.Where(name => !byName.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new MigrationException(
                $"The database is newer than this build: it has migrations this binary does not know ({string.Join(", ", unknown)}). Run a newer CharterTracker.");
        }
        var edited = journal.Where(row => byName[row.Key].Checksum != row.Value).Select(row => row.Key).Order(StringComparer.Ordinal).ToList();
        if (edited.Count > 0)
        {
            throw new MigrationException(
                $"Applied migrations were edited after they ran ({string.Join(", ", edited)}). Never edit a merged script: add a new one.");
        }
        return journal;
    }

    /// <summary>SQL Server needs CREATE VIEW/TRIGGER at the start of a batch: scripts separate batches with lines that are exactly GO.</summary>
    internal static IEnumerable<string> Batches(string sql) =>
        GoLine().Split(sql).Select(batch => batch.Trim()).Where(batch => batch.Length > 0);

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();

    private const string TakeLockSql =
        "DECLARE @r int; EXEC @r = sp_getapplock @Resource = @LockName, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 600000; SELECT @r;";

    private const string ReleaseLockSql = "EXEC sp_releaseapplock @Resource = @LockName, @LockOwner = 'Session';";
    private const string InsertJournalSql = "INSERT INTO SchemaMigrations (Name, Checksum, AppliedAtUtc) VALUES (@Name, @Checksum, @AppliedAtUtc)";
    private const string ReadJournalSql = "SELECT Name, Checksum FROM SchemaMigrations";

    /// <summary>What the runner itself sends to SQL Server besides the scripts' batches (the T-SQL check parses these).</summary>
    internal static IReadOnlyList<string> SqlServerStatements => [TakeLockSql, JournalDdl.SqlServer, ReadJournalSql, InsertJournalSql, ReleaseLockSql];

    private static readonly SqlText JournalDdl = new(
        Sqlite: "CREATE TABLE IF NOT EXISTS SchemaMigrations (Name TEXT NOT NULL PRIMARY KEY, Checksum TEXT NOT NULL, AppliedAtUtc TEXT NOT NULL);",
        SqlServer: """
            IF OBJECT_ID(N'dbo.SchemaMigrations', N'U') IS NULL
                CREATE TABLE dbo.SchemaMigrations (Name nvarchar(200) NOT NULL PRIMARY KEY, Checksum char(64) NOT NULL, AppliedAtUtc datetime2 NOT NULL);
            """);

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
