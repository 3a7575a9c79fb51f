namespace CharterTracker.Offices;

/// <summary>An office in a tree read as it stood on one date: <see cref="ParentId"/> is its parent on that date.</summary>
/// <remarks>Read models Dapper fills are init-property records: SQLite's column types vary by value, so constructor matching would not find them.</remarks>
public sealed record OfficeNode
{
    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";
    public OfficeKind Kind { get; init; }
    public long? ParentId { get; init; }

    /// <summary>0 for the office the tree was read from, 1 for its children, …</summary>
    public int Level { get; init; }
}

/// <summary>
/// The effective-dated tree. The materialised <c>Path</c> on <c>Offices</c> follows the latest placement and
/// serves access checks; anything about a period (a quarter's expected offices, its roll-ups) reads the
/// placements valid on that period's first day, through these statements.
/// </summary>
internal static class OfficeTree
{
    /// <summary>Offices existing on @AsOf whose placement on @AsOf is under @OfficeId, with their level below it (0 = the office).</summary>
    public const string SubtreeAsOfSql = """
        WITH tree (Id, ParentId, Level) AS (
            SELECT o.Id, CAST(NULL AS BIGINT), 0
            FROM Offices o
            WHERE o.Id = @OfficeId AND o.ActiveFrom <= @AsOf AND (o.ActiveUntil IS NULL OR o.ActiveUntil > @AsOf)
            UNION ALL
            SELECT p.OfficeId, p.ParentId, t.Level + 1
            FROM tree t
            JOIN OfficePlacements p ON p.ParentId = t.Id AND p.ValidFrom <= @AsOf AND (p.ValidUntil IS NULL OR p.ValidUntil > @AsOf)
            JOIN Offices c ON c.Id = p.OfficeId AND c.ActiveFrom <= @AsOf AND (c.ActiveUntil IS NULL OR c.ActiveUntil > @AsOf)
        )
        SELECT o.Id, o.Code, o.NameBn, o.NameEn, o.Kind, t.ParentId, t.Level
        FROM tree t JOIN Offices o ON o.Id = t.Id
        ORDER BY t.Level, o.Code
        """;

    /// <summary>The direct children of @OfficeId on @AsOf.</summary>
    public const string ChildrenAsOfSql = """
        SELECT o.Id, o.Code, o.NameBn, o.NameEn, o.Kind, p.ParentId, o.Path, o.Depth, o.ActiveFrom, o.ActiveUntil
        FROM OfficePlacements p JOIN Offices o ON o.Id = p.OfficeId
        WHERE p.ParentId = @OfficeId AND p.ValidFrom <= @AsOf AND (p.ValidUntil IS NULL OR p.ValidUntil > @AsOf)
          AND o.ActiveFrom <= @AsOf AND (o.ActiveUntil IS NULL OR o.ActiveUntil > @AsOf)
        ORDER BY o.Code
        """;
}
