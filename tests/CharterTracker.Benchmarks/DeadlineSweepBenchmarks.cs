using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Deadlines;
using CharterTracker.Scoring;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using CharterTracker.Demo.National;

namespace CharterTracker.Benchmarks;

/// <summary>
/// The national nightly sweep (issue 5): 25,000 offices in a four-level tree on a real SQLite file, the built-in
/// 2024-25 plan's expected items computed by the app's own rebuild (≈ 350,000 items: 349,459), then
/// <see cref="FlagMissedDeadlinesCommand"/> through the app's MediatR pipeline (transaction and audit row included).
/// <list type="bullet">
/// <item><c>FlagWholeYear</c>: the morning after the annual due date (16 Jul 2025) with nothing recorded: every item of
/// the year is flagged in one run — the worst case, also what a first run after a long outage does.</item>
/// <item><c>FlagOneQuarter</c>: 16 Oct 2024: Q1's items only.</item>
/// <item><c>SweepAgain</c>: the same night once more, every flag already there: the steady-state nightly cost.</item>
/// </list>
/// Monitoring strategy (each invocation is seconds of database work, not a micro-benchmark); the flags are cleared
/// before each iteration of the two flagging benchmarks.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DeadlineSweepBenchmarks
{
    [Params(25_000)]
    public int Offices { get; set; }

    private NationalDataSet _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = NationalDataSet.CreateAsync(Offices).GetAwaiter().GetResult();
        Console.WriteLine($"// {Offices} offices, {_data.ExpectedItems} expected items; set-up {_data.SetUpTime.TotalSeconds:F1} s (rebuild of the expected items {_data.RebuildTime.TotalSeconds:F1} s)");
    }

    [GlobalCleanup]
    public void Cleanup() => _data.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup(Targets = [nameof(FlagWholeYear), nameof(FlagOneQuarter)])]
    public void ClearFlags() => _data.Execute("DELETE FROM MissedFlags");

    [IterationSetup(Target = nameof(SweepAgain))]
    public void EnsureFlagged() => _data.SweepAsync(NationalDataSet.AfterTheYear).GetAwaiter().GetResult();

    [Benchmark(Description = "flag the whole year (≈350k items)")]
    public Task<MissedDeadlinesSwept> FlagWholeYear() => _data.SweepAsync(NationalDataSet.AfterTheYear);

    [Benchmark(Description = "flag one quarter (Q1)")]
    public Task<MissedDeadlinesSwept> FlagOneQuarter() => _data.SweepAsync(NationalDataSet.AfterQ1);

    [Benchmark(Description = "sweep again, nothing new")]
    public Task<MissedDeadlinesSwept> SweepAgain() => _data.SweepAsync(NationalDataSet.AfterTheYear);

    /// <summary>
    /// The same measurement without BenchmarkDotNet, for a quick look: set-up, then each sweep once, timed with a
    /// stopwatch. Returns lines to print.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MeasureOnceAsync(int offices = 25_000)
    {
        await using var data = await NationalDataSet.CreateAsync(offices);
        var lines = new List<string> { $"{offices} offices, {data.ExpectedItems} expected items; set-up {data.SetUpTime.TotalSeconds:F1} s (rebuild {data.RebuildTime.TotalSeconds:F1} s)" };
        async Task Time(string what, DateTimeOffset asOf)
        {
            var watch = Stopwatch.StartNew();
            var result = await data.SweepAsync(asOf);
            lines.Add($"{what}: {watch.Elapsed.TotalMilliseconds:F0} ms ({result.Flagged} flagged, {result.Resolved} resolved)");
        }
        await Time("flag one quarter (Q1)", NationalDataSet.AfterQ1);
        await Time("flag the rest of the year", NationalDataSet.AfterTheYear);
        await Time("sweep again, nothing new", NationalDataSet.AfterTheYear);
        data.Execute("DELETE FROM MissedFlags");
        await Time("flag the whole year at once", NationalDataSet.AfterTheYear);
        return lines;
    }
}

/// <summary>A migrated SQLite file with a national office tree and the 2024-25 expected items, and the app built over it.</summary>
public sealed class NationalDataSet : IAsyncDisposable
{
    public static readonly DateTimeOffset AfterQ1 = new(2024, 10, 16, 0, 5, 0, TimeSpan.FromHours(6));
    public static readonly DateTimeOffset AfterTheYear = new(2025, 7, 16, 0, 5, 0, TimeSpan.FromHours(6));

    private readonly WebApplication _app;
    private readonly string _directory;

    private NationalDataSet(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
    }

    public long ExpectedItems { get; private set; }
    public TimeSpan SetUpTime { get; private set; }
    public TimeSpan RebuildTime { get; private set; }

    private string DatabaseFile => Path.Combine(_directory, "national.db");

    public static async Task<NationalDataSet> CreateAsync(int offices)
    {
        var watch = Stopwatch.StartNew();
        var directory = Directory.CreateTempSubdirectory("chartertracker-sweep-").FullName;
        var app = CharterApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Charter:Database:Provider"] = "Sqlite",
                ["Charter:Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "national.db")}",
                ["Charter:KeysDirectory"] = Path.Combine(directory, "keys"),
                ["Charter:Scheduling:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            // The year is being planned: the offices exist from 1 July 2024 and the plan is the built-in one.
            builder.Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2024, 8, 15, 12, 0, 0, TimeSpan.FromHours(6))));
        });
        await CharterApp.InitialiseAsync(app);
        var data = new NationalDataSet(app, directory);
        await data.InsertOfficesAsync(offices);

        var rebuild = Stopwatch.StartNew();
        await data.SendAsSystemAsync(new RebuildScoresCommand { FiscalYear = "2024-25" });
        data.RebuildTime = rebuild.Elapsed;
        data.ExpectedItems = data.Scalar("SELECT COUNT(*) FROM ExpectedItems");
        data.Execute("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        data.SetUpTime = watch.Elapsed;
        return data;
    }

    public Task<MissedDeadlinesSwept> SweepAsync(DateTimeOffset asOf) => SendAsSystemAsync(new FlagMissedDeadlinesCommand { AsOf = asOf });

    private async Task<T> SendAsSystemAsync<T>(IRequest<T> request)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>
    /// One ministry, 60 departments, 8 district offices under each, and upazila offices under the districts until
    /// <paramref name="count"/> offices: plain INSERTs into Offices and OfficePlacements, one transaction.
    /// </summary>
    private async Task InsertOfficesAsync(int count)
    {
        var rows = new List<(long Id, long? ParentId, string Kind, string Path, int Depth)> { (1, null, "Ministry", "/1/", 0) };
        var departments = Enumerable.Range(0, 60).Select(i => (long)(2 + i)).ToList();
        rows.AddRange(departments.Select(id => (id, (long?)1, "Department", $"/1/{id}/", 1)));
        var districts = new List<(long Id, string Path)>();
        foreach (var department in departments)
        {
            for (var i = 0; i < 8; i++)
            {
                var id = rows.Count + 1L;
                var path = $"/1/{department}/{id}/";
                rows.Add((id, department, "DistrictOffice", path, 2));
                districts.Add((id, path));
            }
        }
        for (var i = 0; rows.Count < count; i++)
        {
            var (district, districtPath) = districts[i % districts.Count];
            var id = rows.Count + 1L;
            rows.Add((id, district, "UpazilaOffice", $"{districtPath}{id}/", 3));
        }

        await using var connection = await _app.Services.GetRequiredService<DbConnectionFactory>().OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = DateTime.UtcNow.ToString(TypeHandlers.UtcFormat, System.Globalization.CultureInfo.InvariantCulture);
        await connection.ExecuteAsync(
            """
            INSERT INTO Offices (Id, Code, NameBn, NameEn, Kind, ParentId, Path, Depth, ActiveFrom, CreatedAtUtc)
            VALUES (@Id, 'BD-' || @Id, 'দপ্তর ' || @Id, 'Office ' || @Id, @Kind, @ParentId, @Path, @Depth, '2024-07-01', @now)
            """, rows.Select(r => new { r.Id, r.Kind, r.ParentId, r.Path, r.Depth, now }), transaction);
        await connection.ExecuteAsync(
            "INSERT INTO OfficePlacements (OfficeId, ParentId, ValidFrom) VALUES (@Id, @ParentId, '2024-07-01')",
            rows.Select(r => new { r.Id, r.ParentId }), transaction);
        await transaction.CommitAsync();
    }

    public void Execute(string sql)
    {
        using var connection = _app.Services.GetRequiredService<DbConnectionFactory>().OpenAsync().GetAwaiter().GetResult();
        connection.Execute(sql, commandTimeout: 600);
    }

    private long Scalar(string sql)
    {
        using var connection = _app.Services.GetRequiredService<DbConnectionFactory>().OpenAsync().GetAwaiter().GetResult();
        return connection.ExecuteScalar<long>(sql);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
