using CharterTracker.Data;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Tests.Offices;

/// <summary>
/// The tree a write's refresh reads from memory must be the tree the database holds: a copy read inside a transaction
/// that is then rolled back must not pass for the tree a later, committed change makes.
/// </summary>
public sealed class OfficeTreeCacheTests
{
    private string _directory = null!;
    private DbConnectionFactory _factory = null!;

    [SetUp]
    public void CreateDatabase()
    {
        TypeHandlers.Register();
        _directory = TestDatabase.NewDirectory();
        _factory = new DbConnectionFactory(Dialect.Sqlite, $"Data Source={Path.Combine(_directory, "charter.db")}");
    }

    [TearDown]
    public void DropDatabase()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Task<long> AddOfficeAsync(DbSession db, string code, string kind) => db.InsertAsync(
        "INSERT INTO Offices (Code, NameBn, NameEn, Kind, Path, Depth, ActiveFrom, CreatedAtUtc) VALUES (@code, @code, @code, @kind, '/', 0, '2020-07-01', '2024-01-01T00:00:00Z')",
        new { code, kind });

    [Test]
    public async Task A_tree_read_inside_a_rolled_back_change_is_not_taken_for_a_later_committed_one()
    {
        var cache = new OfficeTreeCache();
        var day = new DateOnly(2024, 7, 1);
        await using (var db = new DbSession(_factory))
        {
            await db.BeginAsync(CancellationToken.None);
            // An internal branch: in the tree, but not an office that is expected to record anything.
            var abandoned = await AddOfficeAsync(db, "ABANDONED", "Branch");
            Assert.That((await cache.CurrentAsync(db, CancellationToken.None)).PathOn(abandoned, day), Is.Not.Null, "inside its transaction the branch is seen");
            await db.RollbackAsync();
        }

        await using var later = new DbSession(_factory);
        // SQLite gives the committed office the rolled-back one's id: only what the tree says of it tells them apart.
        var kept = await AddOfficeAsync(later, "KEPT", "Ministry");
        var tree = await cache.CurrentAsync(later, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(tree.ExistsOn(kept, day), Is.True, "the committed office is in the tree");
            Assert.That(tree.PathOn(kept, day), Is.EqualTo($"/{kept}/"));
        });
    }
}
