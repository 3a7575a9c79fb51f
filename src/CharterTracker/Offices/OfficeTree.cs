using System.Globalization;
using CharterTracker.Data;

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
    /// <summary>
    /// Each office's path on @Day ('/1/14/203/'), from the placements valid that day: every office's when
    /// <paramref name="officeIds"/> is null (a rebuild), else those offices' (their ancestors walked upwards).
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, string>> PathsOnAsync(DbSession db, DateOnly day, IReadOnlyCollection<long>? officeIds, CancellationToken cancellationToken)
    {
        if (officeIds is null)
        {
            var parents = (await db.QueryAsync<(long OfficeId, long? ParentId)>(
                    "SELECT OfficeId, ParentId FROM OfficePlacements WHERE ValidFrom <= @day AND (ValidUntil IS NULL OR ValidUntil > @day)", new { day }, cancellationToken))
                .ToDictionary(p => p.OfficeId, p => p.ParentId);
            var paths = new Dictionary<long, string>(parents.Count);
            foreach (var id in parents.Keys) PathOf(id, 0);
            return paths;

            string PathOf(long id, int depth) =>
                paths.TryGetValue(id, out var known) ? known
                : paths[id] = (depth < 50 && parents.GetValueOrDefault(id) is { } parent ? PathOf(parent, depth + 1) : "/") + id.ToString(CultureInfo.InvariantCulture) + "/";
        }
        if (officeIds.Count == 0) return new Dictionary<long, string>();
        var chain = await db.QueryAsync<(long OfficeId, long Id, int Hops)>(
            """
            WITH up (OfficeId, Id, Hops) AS (
                SELECT o.Id, o.Id, 0 FROM Offices o WHERE o.Id IN @officeIds
                UNION ALL
                SELECT u.OfficeId, p.ParentId, u.Hops + 1
                FROM up u JOIN OfficePlacements p ON p.OfficeId = u.Id AND p.ValidFrom <= @day AND (p.ValidUntil IS NULL OR p.ValidUntil > @day)
                WHERE p.ParentId IS NOT NULL AND u.Hops < 50
            )
            SELECT OfficeId, Id, Hops FROM up
            """, new { officeIds, day }, cancellationToken);
        return chain.GroupBy(c => c.OfficeId).ToDictionary(g => g.Key,
            g => "/" + string.Concat(g.OrderByDescending(c => c.Hops).Select(c => c.Id.ToString(CultureInfo.InvariantCulture) + "/")));
    }

    /// <summary>The prefix that finds an office's subtree among read-model rows of a period: its path on that day, then '%'.</summary>
    public static async Task<string> SubtreePrefixOnAsync(DbSession db, long officeId, DateOnly day, CancellationToken cancellationToken) =>
        (await PathsOnAsync(db, day, [officeId], cancellationToken))[officeId] + "%";

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

    /// <summary>
    /// Two common table expressions for a statement about a period's subtree: <c>tree (Id, ParentId)</c>, every office
    /// under @OfficeId on @Day (the office itself with a null parent), and <c>subtree (Id, ParentId)</c>, the same
    /// without internal branches, which are part of their office for the charter plan (README, decision 6). Begin the
    /// statement with <c>WITH</c>, then this; add more expressions after a comma. Queries read the subtree through
    /// <c>CROSS JOIN … WHERE</c>: SQLite keeps that join order, so the subtree drives the large tables through their keys.
    /// </summary>
    public const string SubtreeOnDay = """
        tree (Id, ParentId) AS (
            SELECT o.Id, CAST(NULL AS BIGINT) FROM Offices o
            WHERE o.Id = @OfficeId AND o.ActiveFrom <= @Day AND (o.ActiveUntil IS NULL OR o.ActiveUntil > @Day)
            UNION ALL
            SELECT p.OfficeId, p.ParentId FROM tree t
            JOIN OfficePlacements p ON p.ParentId = t.Id AND p.ValidFrom <= @Day AND (p.ValidUntil IS NULL OR p.ValidUntil > @Day)
            JOIN Offices c ON c.Id = p.OfficeId AND c.ActiveFrom <= @Day AND (c.ActiveUntil IS NULL OR c.ActiveUntil > @Day)
        ),
        subtree (Id, ParentId) AS (SELECT t.Id, t.ParentId FROM tree t JOIN Offices o ON o.Id = t.Id WHERE o.Kind <> 'Branch')
        """;

    /// <summary>
    /// For a statement over <c>Offices o</c>: the offices in the subtree of one of the roots as the tree stands today,
    /// by the rule <see cref="Access.AccessPolicy"/> applies to a single office (the office's chain of parents on
    /// today, or on the nearest day it exists). Put <c>WITH</c>, then <see cref="SubtreesToday.With"/>, before the
    /// statement (<see cref="SubtreesToday.Prefix"/>) and <see cref="SubtreesToday.Condition"/> in its WHERE; the parameters are added to
    /// <paramref name="parameters"/>.
    /// <para>
    /// The materialised <c>Path</c> follows the latest placement, which is today's for almost every office: it serves
    /// the bulk as an index range. Only offices whose path may differ today are walked up through the placements:
    /// those under an office with a placement still to come (a move or an opening dated later) and under a closed
    /// office (judged by where it last stood).
    /// </para>
    /// </summary>
    public static SubtreesToday InSubtreesToday(IReadOnlyList<(long Id, string Path)> roots, DateOnly today, Dapper.DynamicParameters parameters)
    {
        if (roots.Count == 0) return new SubtreesToday(null, "1 = 0");
        parameters.Add("TreeToday", today);
        parameters.Add("TreeRootIds", roots.Select(root => root.Id).ToList());
        for (var i = 0; i < roots.Count; i++) parameters.Add($"TreeRoot{i}", roots[i].Path + "%");
        var underLatest = string.Join(" OR ", roots.Select((_, i) => $"o.Path LIKE @TreeRoot{i}"));
        return new SubtreesToday(
            PathsMayDifferToday,
            $"(({underLatest}) AND o.Id NOT IN (SELECT Id FROM reshaped) OR o.Id IN (SELECT OfficeId FROM reshapedChain WHERE Id IN @TreeRootIds))");
    }

    public sealed record SubtreesToday(SqlText? With, string Condition)
    {
        /// <summary>The statement with the expressions in front (<c>WITH …</c>) on both sides; as it is when none are needed.</summary>
        public SqlText Prefix(SqlText statement) => With is null ? statement
            : new SqlText("WITH " + With.Sqlite + "\n" + statement.Sqlite, "WITH " + With.SqlServer + "\n" + statement.SqlServer);

        /// <summary>The statement filtered by <paramref name="subtrees"/>, or as it is for a caller who sees everything (null).</summary>
        public static SqlText Within(SubtreesToday? subtrees, SqlText statement) => subtrees?.Prefix(statement) ?? statement;
    }

    private const string PathsMayDifferTodayTemplate = """
        pending (PendingPath) AS (
            SELECT Path FROM Offices WHERE ActiveUntil <= @TreeToday
            UNION
            SELECT o.Path FROM OfficePlacements p JOIN Offices o ON o.Id = p.OfficeId WHERE p.ValidFrom > @TreeToday
        ),
        reshaped (Id, AccessDay) AS (
            SELECT DISTINCT o.Id, CASE WHEN @TreeToday < o.ActiveFrom THEN o.ActiveFrom WHEN o.ActiveUntil <= @TreeToday THEN {dayBeforeUntil} ELSE @TreeToday END
            FROM pending m JOIN Offices o ON o.Path LIKE {pathPrefix}
        ),
        reshapedChain (OfficeId, Id, AccessDay, Hops) AS (
            SELECT Id, Id, AccessDay, 0 FROM reshaped
            UNION ALL
            SELECT c.OfficeId, p.ParentId, c.AccessDay, c.Hops + 1
            FROM reshapedChain c JOIN OfficePlacements p ON p.OfficeId = c.Id AND p.ValidFrom <= c.AccessDay AND (p.ValidUntil IS NULL OR p.ValidUntil > c.AccessDay)
            WHERE p.ParentId IS NOT NULL AND c.Hops < 50
        )
        """;

    private static readonly SqlText PathsMayDifferToday = new(
        Sqlite: PathsMayDifferTodayTemplate.Replace("{dayBeforeUntil}", "date(o.ActiveUntil, '-1 day')").Replace("{pathPrefix}", "m.PendingPath || '%'"),
        SqlServer: PathsMayDifferTodayTemplate.Replace("{dayBeforeUntil}", "DATEADD(day, -1, o.ActiveUntil)").Replace("{pathPrefix}", "m.PendingPath + '%'"));

    /// <summary>The direct children of @OfficeId on @AsOf.</summary>
    public const string ChildrenAsOfSql = """
        SELECT o.Id, o.Code, o.NameBn, o.NameEn, o.Kind, p.ParentId, o.Path, o.Depth, o.ActiveFrom, o.ActiveUntil
        FROM OfficePlacements p JOIN Offices o ON o.Id = p.OfficeId
        WHERE p.ParentId = @OfficeId AND p.ValidFrom <= @AsOf AND (p.ValidUntil IS NULL OR p.ValidUntil > @AsOf)
          AND o.ActiveFrom <= @AsOf AND (o.ActiveUntil IS NULL OR o.ActiveUntil > @AsOf)
        ORDER BY o.Code
        """;
}
