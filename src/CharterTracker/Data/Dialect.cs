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
/// Pass the <see cref="SqlText"/> itself to <see cref="DbSession"/> (not <c>For(db.Dialect)</c>), so that the session
/// knows both texts: the T-SQL check test records the SQL Server side of every statement it runs on SQLite.
public sealed record SqlText(string Sqlite, string SqlServer)
{
    public string For(Dialect dialect) => dialect == Dialect.Sqlite ? Sqlite : SqlServer;

    /// <summary>Fills a <c>{placeholder}</c> with the same portable text on both sides (a WHERE built at run time).</summary>
    public SqlText Replace(string placeholder, string value) =>
        new(Sqlite.Replace(placeholder, value, StringComparison.Ordinal), SqlServer.Replace(placeholder, value, StringComparison.Ordinal));

    /// <summary>A statement that code assembles from dialect fragments (such as <see cref="DialectSql.Page"/>), built for each dialect.</summary>
    public static SqlText Build(Func<Dialect, string> build) => new(build(Dialect.Sqlite), build(Dialect.SqlServer));
}

/// <summary>The few fragments that differ between the dialects and recur across statements.</summary>
public static class DialectSql
{
    /// <summary>After an ORDER BY: skip <c>@Skip</c> rows and return <c>@Take</c>.</summary>
    public static string Page(Dialect dialect) =>
        dialect == Dialect.Sqlite ? "LIMIT @Take OFFSET @Skip" : "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";
}
