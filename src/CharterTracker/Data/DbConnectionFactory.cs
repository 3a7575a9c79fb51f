using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CharterTracker.Data;

/// <summary>Opens connections for the configured dialect, with the settings every connection needs.</summary>
public sealed class DbConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _sqlitePragmas;

    public DbConnectionFactory(IOptions<DatabaseOptions> options)
        : this(options.Value.Provider, options.Value.ConnectionString, options.Value.Synchronous, options.Value.BusyTimeout)
    {
    }

    public DbConnectionFactory(Dialect dialect, string? connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Full, TimeSpan? busyTimeout = null)
    {
        Dialect = dialect;
        // An empty or unknown setting binds to no named value, which SQLite would read as synchronous = OFF: refuse it.
        if (!Enum.IsDefined(synchronous))
        {
            throw new InvalidOperationException("Charter:Database:Synchronous must be Full (the default) or Normal.");
        }
        var busy = busyTimeout ?? new DatabaseOptions().BusyTimeout;
        BusyTimeout = busy;
        // WAL lets readers run beside the single writer. FULL syncs the log at every commit (a commit survives a
        // power loss); the busy timeout makes a second writer wait for the lock instead of failing at once.
        _sqlitePragmas = $"PRAGMA busy_timeout = {(long)busy.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()};";
        _connectionString = dialect switch
        {
            Dialect.Sqlite => NormaliseSqlite(connectionString, busy),
            _ => string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("Charter:Database:ConnectionString is required for SQL Server.")
                : connectionString,
        };
    }

    public Dialect Dialect { get; }

    /// <summary>
    /// SQLite: one writer at a time, queued in this process, and committed in groups (<see cref="SqliteGroupCommit"/>).
    /// Queued here, the next writer begins as soon as the last is done, instead of polling SQLite's lock with growing
    /// sleeps (up to 100 ms each) while the lock stands idle.
    /// </summary>
    internal SqliteGroupCommit Writes => _writes ??= new SqliteGroupCommit(this);

    private SqliteGroupCommit? _writes;

    /// <summary>How long a writer waits for the lock before the database counts as busy (503).</summary>
    internal TimeSpan BusyTimeout { get; }

    /// <summary>The SQLite file, for start-up messages; null for SQL Server.</summary>
    public string? SqliteFile => Dialect == Dialect.Sqlite ? new SqliteConnectionStringBuilder(_connectionString).DataSource : null;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Dialect == Dialect.Sqlite
            ? new SqliteConnection(_connectionString)
            : new SqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (Dialect == Dialect.Sqlite)
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = _sqlitePragmas;
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string NormaliseSqlite(string? connectionString, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? "Data Source=data/chartertracker.db" : connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy statement until its command timeout, on top of SQLite's own
            // busy_timeout: both get the one configured wait, so a writer gives up when the setting says.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        };
        var file = builder.DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        return builder.ToString();
    }
}
