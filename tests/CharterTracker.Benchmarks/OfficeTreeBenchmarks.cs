using BenchmarkDotNet.Attributes;
using CharterTracker.Data;
using CharterTracker.Offices;
using Microsoft.Data.Sqlite;

using CharterTracker.Demo.National;

namespace CharterTracker.Benchmarks;

/// <summary>
/// Reading subtrees of a national tree of 25,000 offices (<see cref="NationalOfficeTree"/>): the materialised-path
/// read that serves access checks and lists, against the effective-dated recursive CTE that serves anything about
/// a period, and the children of the ministry as ListOfficeChildren reads them. Every statement runs through a
/// <see cref="DbSession"/>, as the handlers run them.
/// </summary>
[MemoryDiagnoser]
public class OfficeTreeBenchmarks
{
    private static readonly DateOnly AsOf = new(2024, 8, 15);

    private const string SubtreeByPathSql = $"SELECT {OfficeRow.Columns} FROM Offices WHERE Path LIKE @prefix";

    private string _directory = null!;
    private DbSession _db = null!;
    private NationalOfficeTree _tree = null!;

    [GlobalSetup]
    public void BuildTheTree() => BuildTheTreeAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void DeleteTheTree()
    {
        _db.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "Path LIKE: department (~420)")]
    public Task<int> Department_subtree_by_path() => CountAsync<OfficeRow>(SubtreeByPathSql, new { prefix = _tree.DepartmentPath + "%" });

    [Benchmark(Description = "Path LIKE: ministry (25,000)")]
    public Task<int> Ministry_subtree_by_path() => CountAsync<OfficeRow>(SubtreeByPathSql, new { prefix = "/1/%" });

    [Benchmark(Description = "As-of CTE: department (~420)")]
    public Task<int> Department_subtree_as_of() => CountAsync<OfficeNode>(OfficeTree.SubtreeAsOfSql, new { OfficeId = _tree.DepartmentId, AsOf });

    [Benchmark(Description = "As-of CTE: ministry (25,000)")]
    public Task<int> Ministry_subtree_as_of() => CountAsync<OfficeNode>(OfficeTree.SubtreeAsOfSql, new { OfficeId = _tree.MinistryId, AsOf });

    [Benchmark(Description = "Children as of: ministry (60)")]
    public Task<int> Ministry_children_as_of() => CountAsync<OfficeRow>(OfficeTree.ChildrenAsOfSql, new { OfficeId = _tree.MinistryId, AsOf });

    private async Task<int> CountAsync<T>(string sql, object parameters) => (await _db.QueryAsync<T>(sql, parameters)).Count;

    private async Task BuildTheTreeAsync()
    {
        TypeHandlers.Register();
        _directory = Directory.CreateTempSubdirectory("chartertracker-bench-").FullName;
        var factory = new DbConnectionFactory(Dialect.Sqlite, $"Data Source={Path.Combine(_directory, "offices.db")}");
        _tree = await NationalOfficeTree.CreateAsync(factory);
        _db = new DbSession(factory);

        // The benchmarks only mean something if both ways read the same subtrees.
        var expected = new (string What, Func<Task<int>> Read, int Count)[]
        {
            ("department by path", Department_subtree_by_path, _tree.DepartmentOffices),
            ("department as of", Department_subtree_as_of, _tree.DepartmentOffices),
            ("ministry by path", Ministry_subtree_by_path, NationalOfficeTree.Offices),
            ("ministry as of", Ministry_subtree_as_of, NationalOfficeTree.Offices),
            ("ministry children", Ministry_children_as_of, NationalOfficeTree.Departments),
        };
        foreach (var (what, read, count) in expected)
        {
            var actual = await read();
            if (actual != count) throw new InvalidOperationException($"The {what} read {actual} offices, not {count}.");
        }
        Console.WriteLine($"// {NationalOfficeTree.Offices} offices, {_tree.Placements} placements; department {_tree.DepartmentId} has {_tree.DepartmentOffices} offices.");
    }
}
