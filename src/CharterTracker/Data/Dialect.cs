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

    /// <summary>A statement that code assembles from dialect fragments (such as <see cref="DialectSql.Page"/>), built for each dialect.</summary>
    public static SqlText Build(Func<Dialect, string> build) => new(build(Dialect.Sqlite), build(Dialect.SqlServer));
}

/// <summary>
/// The few fragments that differ between the dialects and recur across statements. Every list that stops after some
/// rows ends its ORDER BY with one of these, built with <see cref="SqlText.Build"/> (a paged query through
/// <see cref="Pipeline.Paging.Limit"/>): the one way of paging, with <c>@Skip</c> and <c>@Take</c> as its parameters.
/// </summary>
public static class DialectSql
{
    /// <summary>After an ORDER BY: skip <c>@Skip</c> rows and return <c>@Take</c>.</summary>
    public static string Page(Dialect dialect) =>
        dialect == Dialect.Sqlite ? "LIMIT @Take OFFSET @Skip" : "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    /// <summary>After an ORDER BY: the first <c>@Take</c> rows.</summary>
    public static string First(Dialect dialect) =>
        dialect == Dialect.Sqlite ? "LIMIT @Take" : "OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY";
}
