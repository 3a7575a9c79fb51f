using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CharterTracker.Data;

/// <summary>Opens connections for the configured dialect, with the settings every connection needs.</summary>
public sealed class DbConnectionFactory
{
    private readonly string _connectionString;

    public DbConnectionFactory(IOptions<DatabaseOptions> options)
        : this(options.Value.Provider, options.Value.ConnectionString)
    {
    }

    public DbConnectionFactory(Dialect dialect, string? connectionString)
    {
        Dialect = dialect;
        _connectionString = dialect switch
        {
            Dialect.Sqlite => NormaliseSqlite(connectionString),
            _ => string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("Charter:Database:ConnectionString is required for SQL Server.")
                : connectionString,
        };
    }

    public Dialect Dialect { get; }

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
                // WAL lets readers run beside the single writer; the busy timeout makes a second writer wait
                // instead of failing at once.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
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

    private static string NormaliseSqlite(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? "Data Source=data/chartertracker.db" : connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
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
