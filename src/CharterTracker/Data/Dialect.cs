namespace CharterTracker.Data;

/// <summary>The two SQL dialects CharterTracker speaks. The migration folder under <c>db/</c> has the same name, lower-cased.</summary>
public enum Dialect
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// A statement whose text must differ between the dialects, kept side by side so that review sees both.
/// Portable SQL stays a plain string; reach for this only for the few named differences
/// (inserted id, paging, upsert, locking).
/// </summary>
public sealed record SqlText(string Sqlite, string SqlServer)
{
    public string For(Dialect dialect) => dialect == Dialect.Sqlite ? Sqlite : SqlServer;
}

/// <summary>The few fragments that differ between the dialects and recur across statements.</summary>
public static class DialectSql
{
    /// <summary>After an ORDER BY: skip <c>@Skip</c> rows and return <c>@Take</c>.</summary>
    public static string Page(Dialect dialect) =>
        dialect == Dialect.Sqlite ? "LIMIT @Take OFFSET @Skip" : "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";
}
