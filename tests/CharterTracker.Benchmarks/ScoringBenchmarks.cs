using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using CharterTracker.Demo.National;

namespace CharterTracker.Benchmarks;

/// <summary>
/// Scoring at national scale (issue 4): the 25,000 offices of <see cref="NationalOfficeTree"/> with a realistic year of
/// records (<see cref="NationalYearOfRecords"/>) and the built-in 2024-25 plan, which the application stores at start-up
/// (<see cref="CharterApp.InitialiseAsync"/>), building the read model once. Then, through the application's own
/// services:
/// <list type="bullet">
/// <item>the full rebuild of the year's read model (<see cref="ScoreRefresher.RebuildAsync"/>: 25,000 offices × 4 quarters
/// and the year), in one transaction that commits, as a plan edit pays it;</item>
/// <item>the roll-up (<see cref="GetRollupQuery"/> through <see cref="IMediator"/>, as the system user) of the ministry (the
/// whole tree) and of a department (~420 offices), for a quarter and for the year;</item>
/// <item>the scorecard (<see cref="GetScorecardQuery"/>) of a leaf office and of the ministry (whose 1.2.1 reads its
/// 60 direct subordinates), for a quarter and for the year;</item>
/// <item>the targeted refresh that every record command pays before it commits: <see cref="ScoreRefresher.Mark"/> a leaf
/// office and <see cref="ScoreRefresher.BeforeCommitAsync"/>, which recomputes it and its parent.</item>
/// </list>
/// The clock stands at 1 September 2025, after every due date of the year, so the statuses are the same on every run.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const string Year = NationalYearOfRecords.FiscalYear;

    /// <summary>Noon in Dhaka on 1 September 2025.</summary>
    private static readonly DateTimeOffset Now = new(2025, 9, 1, 6, 0, 0, TimeSpan.Zero);

    private string _directory = null!;
    private WebApplication _app = null!;
    private NationalOfficeTree _tree = null!;
    private long _leafId;

    [GlobalSetup]
    public void BuildTheNationalYear() => BuildTheNationalYearAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void DeleteTheNationalYear()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "Rebuild 2024-25: 25,000 offices")]
    public async Task<int> Rebuild_year()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.BeginAsync(CancellationToken.None);
        var offices = await scope.ServiceProvider.GetRequiredService<ScoreRefresher>().RebuildAsync(Year, CancellationToken.None);
        await db.CommitAsync(CancellationToken.None);
        return offices == NationalOfficeTree.Offices ? offices : throw new InvalidOperationException($"The rebuild scored {offices} offices, not {NationalOfficeTree.Offices}.");
    }

    [Benchmark(Description = "Roll-up: ministry, Q1")]
    public Task<Rollup> Rollup_ministry_quarter() => SendAsync(new GetRollupQuery(_tree.MinistryId, Year, 1));

    [Benchmark(Description = "Roll-up: ministry, year")]
    public Task<Rollup> Rollup_ministry_year() => SendAsync(new GetRollupQuery(_tree.MinistryId, Year, null));

    [Benchmark(Description = "Roll-up: department, Q1")]
    public Task<Rollup> Rollup_department_quarter() => SendAsync(new GetRollupQuery(_tree.DepartmentId, Year, 1));

    [Benchmark(Description = "Roll-up: department, year")]
    public Task<Rollup> Rollup_department_year() => SendAsync(new GetRollupQuery(_tree.DepartmentId, Year, null));

    [Benchmark(Description = "Scorecard: leaf office, Q1")]
    public Task<Scorecard> Scorecard_leaf_quarter() => SendAsync(new GetScorecardQuery(_leafId, Year, 1));

    [Benchmark(Description = "Scorecard: leaf office, year")]
    public Task<Scorecard> Scorecard_leaf_year() => SendAsync(new GetScorecardQuery(_leafId, Year, null));

    [Benchmark(Description = "Scorecard: ministry, Q1")]
    public Task<Scorecard> Scorecard_ministry_quarter() => SendAsync(new GetScorecardQuery(_tree.MinistryId, Year, 1));

    [Benchmark(Description = "Scorecard: ministry, year")]
    public Task<Scorecard> Scorecard_ministry_year() => SendAsync(new GetScorecardQuery(_tree.MinistryId, Year, null));

    [Benchmark(Description = "Refresh after a write: leaf + parent")]
    public async Task<int> Refresh_leaf_office()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.BeginAsync(CancellationToken.None);
        scope.ServiceProvider.GetRequiredService<ChangedPeriods>().Office(_leafId, Year);
        await scope.ServiceProvider.GetRequiredService<ScoreRefresher>().BeforeCommitAsync(CancellationToken.None);
        await db.CommitAsync(CancellationToken.None);
        return 1;
    }

    /// <summary>A query as the API sends it: a fresh scope (one request), the system administrator, the whole pipeline.</summary>
    private async Task<T> SendAsync<T>(IRequest<T> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    private async Task BuildTheNationalYearAsync()
    {
        TypeHandlers.Register();
        _directory = Directory.CreateTempSubdirectory("chartertracker-scoring-").FullName;
        var database = Path.Combine(_directory, "charter.db");
        var factory = new DbConnectionFactory(Dialect.Sqlite, $"Data Source={database}");

        var watch = Stopwatch.StartNew();
        _tree = await NationalOfficeTree.CreateAsync(factory);
        var treeTime = watch.Elapsed;
        var records = await NationalYearOfRecords.InsertAsync(factory);
        var recordsTime = watch.Elapsed - treeTime;

        _app = CharterApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Charter:Database:Provider"] = "Sqlite",
                ["Charter:Database:ConnectionString"] = $"Data Source={database}",
                ["Charter:KeysDirectory"] = Path.Combine(_directory, "keys"),
                ["Charter:BootstrapAdminPassword"] = "",
                ["Charter:DemoData"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        });
        // Stores the built-in 2024-25 plan and, with it, builds the year's read model from the records.
        await CharterApp.InitialiseAsync(_app);
        var initialiseTime = watch.Elapsed - treeTime - recordsTime;

        await using (var connection = await factory.OpenAsync())
        {
            _leafId = await connection.ExecuteScalarAsync<long>(
                "SELECT MIN(o.Id) FROM Offices o WHERE o.Path LIKE @prefix AND NOT EXISTS (SELECT 1 FROM Offices c WHERE c.ParentId = o.Id)",
                new { prefix = _tree.DepartmentPath + "%" });
            var rows = await connection.QuerySingleAsync<(long Offices, long Plans, long Items, long Q1Items, long Scores)>(
                """
                SELECT (SELECT COUNT(*) FROM Offices), (SELECT COUNT(*) FROM ActionPlans WHERE FiscalYear = @Year),
                       (SELECT COUNT(*) FROM ExpectedItems WHERE FiscalYear = @Year), (SELECT COUNT(*) FROM ExpectedItems WHERE FiscalYear = @Year AND Quarter = 1),
                       (SELECT COUNT(*) FROM OfficeScores WHERE FiscalYear = @Year)
                """, new { Year });
            Console.WriteLine($"// Set-up: tree {treeTime.TotalSeconds:0.0} s, records {recordsTime.TotalSeconds:0.0} s, start-up with the first rebuild {initialiseTime.TotalSeconds:0.0} s.");
            Console.WriteLine($"// {rows.Offices:N0} offices ({_tree.Placements:N0} placements); {records.Records:N0} records for {Year}: {records.CharterUpdates:N0} charter updates, " +
                              $"{records.Meetings:N0} meetings, {records.QuarterlyReports:N0} quarterly reports, {records.Trainings:N0} trainings, {records.AnnualReports:N0} annual reports.");
            Console.WriteLine($"// Read model: {rows.Items:N0} ExpectedItems ({rows.Q1Items:N0} in Q1), {rows.Scores:N0} OfficeScores. Department {_tree.DepartmentId}: {_tree.DepartmentOffices} offices; leaf office {_leafId}.");

            Check(rows.Offices == NationalOfficeTree.Offices, $"{rows.Offices} offices, not {NationalOfficeTree.Offices}");
            Check(rows.Plans == 1, "the built-in 2024-25 plan was not stored");
            Check(rows.Scores == 5L * NationalOfficeTree.Offices, $"{rows.Scores} OfficeScores, not 5 per office");

            // The roll-ups must cover the whole tree and count every expected item.
            var ministryYear = await Rollup_ministry_year();
            var ministryQ1 = await Rollup_ministry_quarter();
            var departmentQ1 = await Rollup_department_quarter();
            Console.WriteLine($"// Ministry roll-up, year: {Describe(ministryYear)}");
            Console.WriteLine($"// Ministry roll-up, Q1: {Describe(ministryQ1)}");
            Console.WriteLine($"// Department roll-up, Q1: {Describe(departmentQ1)}");
            Check(ministryYear.Offices == NationalOfficeTree.Offices && ministryYear.Expected == rows.Items, $"the ministry's year roll-up counts {ministryYear.Offices} offices and {ministryYear.Expected} items, not {rows.Offices} and {rows.Items}");
            Check(ministryQ1.Expected == rows.Q1Items, $"the ministry's Q1 roll-up counts {ministryQ1.Expected} items, not {rows.Q1Items}");
            Check(ministryYear.Done + ministryYear.Late + ministryYear.Missed + ministryYear.Pending == ministryYear.Expected, "the year's statuses do not add up");
            Check(ministryYear.Done > 0 && ministryYear.Late > 0 && ministryYear.Missed > 0, "the records leave no mix of done, late and missed items");
            Check(departmentQ1.Offices == _tree.DepartmentOffices, $"the department roll-up counts {departmentQ1.Offices} offices, not {_tree.DepartmentOffices}");

            // The ministry's 1.2.1 reads its departments' charter updates.
            var ministryCard = await Scorecard_ministry_quarter();
            var subordinates = ministryCard.Indicators.Single(i => i.Code == "1.2.1");
            Console.WriteLine($"// Ministry scorecard, Q1: score {ministryCard.Score}; 1.2.1 {subordinates.Actual} % ({subordinates.Counted.Count} of {NationalOfficeTree.Departments} departments).");
            Check(ministryCard.HasSubordinates && subordinates.Applicable && subordinates.Counted.Count > 0, "the ministry's 1.2.1 counted no subordinate");
            var leafCard = await Scorecard_leaf_year();
            Console.WriteLine($"// Leaf office {_leafId} scorecard, year: {leafCard.PlanScore} of {leafCard.PlanTotal} ({leafCard.Score} %).");
            Check(!leafCard.HasSubordinates && leafCard.Indicators.Any(i => i.Applicable && i.Counted.Count > 0), "the leaf office's scorecard counted nothing");

            // The targeted refresh of a leaf office and its parent reproduces what the start-up rebuild wrote.
            const string ReadModel = """
                SELECT OfficeId || ':' || Quarter || ':' || IndicatorCode || ':' || DueOn || ':' || COALESCE(RecordedOn, '-') FROM ExpectedItems WHERE FiscalYear = @Year AND OfficeId IN @offices
                UNION ALL SELECT OfficeId || ':' || Quarter || ':' || ScoreHundredths || ':' || HasSubordinates FROM OfficeScores WHERE FiscalYear = @Year AND OfficeId IN @offices
                ORDER BY 1
                """;
            var offices = new[] { _leafId, await connection.ExecuteScalarAsync<long>("SELECT ParentId FROM Offices WHERE Id = @_leafId", new { _leafId }) };
            var before = (await connection.QueryAsync<string>(ReadModel, new { Year, offices })).ToList();
            await Refresh_leaf_office();
            var after = (await connection.QueryAsync<string>(ReadModel, new { Year, offices })).ToList();
            Check(before.Count > 0 && before.SequenceEqual(after), "the targeted refresh of the leaf office and its parent differs from the rebuild");
            Check(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ExpectedItems WHERE FiscalYear = @Year", new { Year }) == rows.Items, "the refresh changed the number of expected items");
        }
    }

    private static string Describe(Rollup r) =>
        $"{r.Offices:N0} offices, {r.Expected:N0} expected items ({r.Done:N0} done, {r.Late:N0} late, {r.Missed:N0} missed, {r.Pending:N0} pending), " +
        $"average {r.AverageScore}, bands {string.Join(" ", r.Distribution.Select(b => $"{b.Band}:{b.Offices}"))}";

    private static void Check(bool condition, string failure)
    {
        if (!condition) throw new InvalidOperationException($"Scoring benchmark set-up: {failure}.");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
