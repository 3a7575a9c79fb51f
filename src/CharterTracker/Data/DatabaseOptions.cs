namespace CharterTracker.Data;

/// <summary><c>Charter:Database</c> configuration.</summary>
public sealed class DatabaseOptions
{
    public Dialect Provider { get; set; } = Dialect.Sqlite;

    /// <summary>Empty means the default SQLite file <c>./data/chartertracker.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite always migrates at start-up; SQL Server only when this is set (the <c>migrate</c> verb is the normal path).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// SQLite only. <see cref="SqliteSynchronous.Full"/> (default) syncs the write-ahead log at every commit, so a
    /// committed write survives a power loss; <see cref="SqliteSynchronous.Normal"/> syncs only at checkpoints: faster
    /// commits, but the last transactions before a power loss or OS crash may be lost (never on a mere process crash).
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>
    /// SQLite only: how long a writer waits for another writer's lock before the request fails with 503. Thirty
    /// seconds is what a writer effectively waited before this was configurable (Microsoft.Data.Sqlite's default).
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels this app allows (values as SQLite reports them).</summary>
public enum SqliteSynchronous
{
    Normal = 1,
    Full = 2,
}
