namespace CharterTracker.Data;

/// <summary><c>Charter:Database</c> configuration.</summary>
public sealed class DatabaseOptions
{
    public Dialect Provider { get; set; } = Dialect.Sqlite;

    /// <summary>Empty means the default SQLite file <c>./data/chartertracker.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite always migrates at start-up; SQL Server only when this is set (the <c>migrate</c> verb is the normal path).</summary>
    public bool MigrateOnStartup { get; set; }
}
