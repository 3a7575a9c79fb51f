using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Data;
using CharterTracker.Monitoring;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

using CharterTracker.Demo.National;

namespace CharterTracker.Benchmarks;

/// <summary>
/// Every figure of issue 17 against its limit, each measured in the same run as its reference (so a busy machine
/// moves both): the write path under wrk against raw SQLite doing the same row writes, a write's cost on an office's
/// 2,000th record against its first, the national reads against raw indexed SQL over the same read model, the minutes
/// PDF against bare Chromium, and the app's peak memory and start-to-ready time. Prints one table. Run by bench/run.sh.
/// </summary>
public static class Limits
{
    private sealed record Row(string Figure, string Value, string Goal, string Ratio, bool? Pass);

    private static readonly List<Row> Rows = [];
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <param name="readsOnly">Only the start-up and the reads (no write load, no documents): <c>reads &lt;folder&gt;</c>.</param>
    public static async Task<int> RunAsync(string dataFolder, string benchmarksDll, string wrk, int writeSeconds, bool readsOnly = false)
    {
        var data = Path.GetFullPath(dataFolder);
        if (!File.Exists(NationalWebSet.DatabaseFile(data)))
        {
            Console.WriteLine($"Building the national data set in {data} …");
            var built = await NationalWebSet.CreateAsync(data);
            Console.WriteLine($"Built in {built.BuildTime.TotalSeconds:0} s.");
        }
        var served = WriteProfile.ScratchCopy(data, "limits");
        const string Url = "http://127.0.0.1:5087";

        // (e) Start to ready on the existing national database: the process is started, then /health/ready polled.
        var watch = Stopwatch.StartNew();
        using var server = Process.Start(new ProcessStartInfo("dotnet", ["exec", benchmarksDll, "national-web", served, Url])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
        while (true)
        {
            if (server.HasExited) throw new InvalidOperationException("The app exited before it was ready.");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            await Task.Delay(20);
        }
        var ready = watch.Elapsed;
        Add("Start to ready, national database (25,000 offices)", $"{ready.TotalSeconds:0.00} s", "≤ 10 s", $"{ready.TotalSeconds / 10:0.00}", ready.TotalSeconds <= 10);

        try
        {
            var token = await WriteProfile.TokenAsync(http, "fp-MOPA");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var offices = await OfficesAsync(served);
            await ReadsAsync(http, served);
            if (readsOnly) return Finish();
            await WritesAsync(data, offices[..^1], token, wrk, writeSeconds);
            await FlatnessAsync(http, offices[^1]);
            var peak = PeakWorkingSet(server.Id);
            Add("Peak working set of the app (after all of the above)", $"{peak / 1048576.0:0} MiB", "≤ 1,024 MiB", $"{peak / 1073741824.0:0.00}", peak <= 1073741824L);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        await DocumentsAsync();
        return Finish();
    }

    private static int Finish()
    {
        Print();
        return Rows.All(r => r.Pass != false) ? 0 : 1;
    }

    private static void Add(string figure, string value, string goal, string ratio, bool? pass)
    {
        Rows.Add(new Row(figure, value, goal, ratio, pass));
        Console.WriteLine($"  {figure}: {value} (goal {goal}, ratio {ratio})");
    }

    private static void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Cpu()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine("| figure | value | goal | ratio | pass |");
        Console.WriteLine("|---|---:|---|---:|---|");
        foreach (var row in Rows)
        {
            Console.WriteLine($"| {row.Figure} | {row.Value} | {row.Goal} | {row.Ratio} | {(row.Pass switch { true => "pass", false => "FAIL", null => "—" })} |");
        }
    }

    private static string Cpu() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";

    private static long PeakWorkingSet(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], C) * 1024;
    }

    /// <summary>Offices of the ministry that take a charter update, spread over its departments; the last is kept for the flatness run.</summary>
    private static async Task<long[]> OfficesAsync(string folder)
    {
        await using var connection = new SqliteConnection($"Data Source={NationalWebSet.DatabaseFile(folder)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Offices WHERE Kind <> 'Branch' AND ParentId IS NOT NULL ORDER BY (Id * 7919) % 25013 LIMIT 2001";
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return [.. ids];
    }

    // ---------------------------------------------------------------- (a) the write path

    private static async Task WritesAsync(string data, long[] offices, string token, string wrk, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), "chartertracker-writes.lua");
        await File.WriteAllTextAsync(script, $$"""
            local offices = { {{string.Join(",", offices)}} }
            local body = '{{WriteProfile.CharterUpdateJson}}'
            local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer {{token}}" }
            local threads = 0
            function setup(thread) thread:set("offset", threads * 997); threads = threads + 1 end
            function init(args) counter = offset or 0 end
            function request()
              counter = counter + 1
              return wrk.format("POST", "/api/v1/offices/" .. offices[(counter % #offices) + 1] .. "/charter-updates", headers, body)
            end
            """);
        var output = await RunAsync(wrk, ["-t2", "-c8", $"-d{seconds}s", "--latency", "-s", script, "http://127.0.0.1:5087"]);
        var perSecond = double.Parse(Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, C);
        var p50 = Latency(output, "50%");
        var p99 = Latency(output, "99%");
        var errors = Regex.Match(output, @"Non-2xx or 3xx responses:\s+(\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value, C) : 0;
        if (errors > 0) Console.WriteLine(output);

        var raw = await RawWritesAsync(data, offices, Math.Min(seconds, 10));
        Add("Writes/s, charter updates, wrk 8 connections (HTTP, auth, access, validation, transaction, audit, read model), synchronous=FULL",
            $"{perSecond:0}", "≥ 1,500/s", $"{perSecond / 1500:0.00}", perSecond >= 1500 && errors == 0);
        Add("… the same row writes per transaction on raw SQLite, 8 writers, same file and pragmas", $"{raw.PerSecond:0}/s", "(reference)", $"app = {perSecond / raw.PerSecond:P1} of raw", null);
        Add("… failed writes (non-2xx)", $"{errors}", "0", "", errors == 0);
        Add("Write latency p50 at 8 connections", $"{p50:0.0} ms", "—", "", null);
        Add("Write latency p99 at 8 connections", $"{p99:0.0} ms", "≤ 100 ms", $"{p99 / 100:0.00}", p99 <= 100);
        Add("… raw SQLite's p99 per transaction (wait for the lock included), same run", $"{raw.P99:0.0} ms", "(reference)", $"app = {p99 / raw.P99:0.0}× raw", null);
    }

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"\s{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\b");
        var value = double.Parse(match.Groups[1].Value, C);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    /// <summary>
    /// What a charter update writes, without anything around it: the record (its tally follows by trigger), its audit
    /// row, the office's expected item and two score rows (the quarter's and the year's), in one IMMEDIATE transaction
    /// per write, 8 writers, prepared statements, the app's pragmas (WAL, synchronous=FULL, busy timeout).
    /// </summary>
    private static async Task<(double PerSecond, double P99)> RawWritesAsync(string data, long[] offices, int seconds)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var folder = WriteProfile.ScratchCopy(data, "raw");
        var connectionString = $"Data Source={NationalWebSet.DatabaseFile(folder)};Pooling=False;Foreign Keys=True";
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var total = 0L;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
                await pragma.ExecuteNonQueryAsync();
            }
            SqliteCommand Prepare(string sql, params string[] names)
            {
                var command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var name in names) command.Parameters.Add(new SqliteParameter(name, null));
                return command;
            }
            using var record = Prepare("""
                INSERT INTO CharterUpdates (OfficeId, FiscalYear, Quarter, UpdatedOn, PortalReference, Notes, HasEvidence, RecordedOn, BackFilled, Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc)
                VALUES (@office, '2025-26', 1, '2025-08-01', 'bench', NULL, 1, '2025-08-20', 0, 1, 'fp-MOPA', @now, @now) RETURNING Id
                """, "@office", "@now");
            using var audit = Prepare("""
                INSERT INTO AuditLog (OccurredAtUtc, UserId, Username, Action, OfficeId, EntityId, Outcome, Payload, Detail)
                VALUES (@now, 1, 'fp-MOPA', 'RecordCharterUpdate', @office, @id, 'Succeeded', @payload, NULL)
                """, "@now", "@office", "@id", "@payload");
            using var item = Prepare("UPDATE ExpectedItems SET RecordedOn = '2025-08-20' WHERE OfficeId = @office AND FiscalYear = '2025-26' AND Quarter = 1 AND IndicatorCode = '1.1.1'", "@office");
            using var score = Prepare("UPDATE OfficeScores SET ScoreHundredths = ScoreHundredths, ComputedAtUtc = @now WHERE OfficeId = @office AND FiscalYear = '2025-26' AND Quarter IN (0, 1)", "@office", "@now");
            for (var i = writer * 997; DateTime.UtcNow < until; i++)
            {
                var office = offices[i % offices.Length];
                var started = Stopwatch.GetTimestamp();
                var now = DateTime.UtcNow.ToString("O", C);
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                foreach (var command in new[] { record, audit, item, score }) command.Transaction = transaction;
                record.Parameters["@office"].Value = office;
                record.Parameters["@now"].Value = now;
                var id = (long)(await record.ExecuteScalarAsync())!;
                audit.Parameters["@now"].Value = now;
                audit.Parameters["@office"].Value = office;
                audit.Parameters["@id"].Value = id;
                audit.Parameters["@payload"].Value = WriteProfile.CharterUpdateJson;
                await audit.ExecuteNonQueryAsync();
                item.Parameters["@office"].Value = office;
                await item.ExecuteNonQueryAsync();
                score.Parameters["@office"].Value = office;
                score.Parameters["@now"].Value = now;
                await score.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref total);
            }
        })));
        var sorted = latencies.OrderBy(l => l).ToList();
        return (total / watch.Elapsed.TotalSeconds, sorted[(int)Math.Ceiling(0.99 * sorted.Count) - 1]);
    }

    // ---------------------------------------------------------------- (b) flatness

    private static async Task FlatnessAsync(HttpClient http, long office)
    {
        var times = new List<double>();
        for (var i = 0; i < 2_000; i++)
        {
            var watch = Stopwatch.StartNew();
            await WriteProfile.WriteAsync(http, office, CancellationToken.None);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var first = Median(times.Take(100));
        var last = Median(times.Skip(1_900));
        Add($"Flat: an office-quarter's records 1,901–2,000 vs 1–100, median ms per write (office {office})",
            $"{first:0.00} → {last:0.00} ms", "≤ 1.2×", $"{last / first:0.00}", last / first <= 1.2);
    }

    // ---------------------------------------------------------------- (c) reads at national size

    /// <summary>
    /// One read, measured three ways in the same run: over HTTP (shown: Kestrel, authentication and JSON included), its
    /// query handler in-process through <see cref="IMediator"/> as the committee (access check, validation, SQL, mapping:
    /// the figure held against raw), and raw SQL on a connection of the benchmark's own (no pipeline at all). Each gives
    /// its numbers as one string; the three must be equal.
    /// </summary>
    private sealed record Read(string Name, string Url, Func<InProcess, Task<string>> Handler, string RawSql, Func<JsonElement, string> Api, Func<SqliteDataReader, Task<string>> Raw);

    private static async Task ReadsAsync(HttpClient http, string folder)
    {
        // The committee's ministry (1) in 2024-25 Q4; a leaf office's scorecard. The clock is NationalWebSet.Now (2025-08-20):
        // every quarter of 2024-25 is due, so the scores are over every item and an unrecorded item is missed.
        await using var connection = new SqliteConnection($"Data Source={NationalWebSet.DatabaseFile(folder)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var leaf = (long)(await Scalar(connection, "SELECT MIN(Id) FROM Offices WHERE Kind = 'UpazilaOffice'"))!;
        using var committee = await SignedInAsync(http.BaseAddress!, "committee");
        using var api = new HttpClient { BaseAddress = http.BaseAddress, Timeout = http.Timeout };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await WriteProfile.TokenAsync(api, "committee"));
        await using var app = await InProcess.StartAsync(folder, "committee");
        var today = NationalWebSet.Now.ToOffset(TimeSpan.FromHours(6)).ToString("yyyy-MM-dd", C);
        const string Year = "'2024-25'";
        Read[] reads =
        [
            new("Roll-up, ministry, 2024-25 Q4", "/api/v1/offices/1/rollup?fiscalYear=2024-25&quarter=4",
                async p => RollupNumbers(await p.SendAsync(new GetRollupQuery(1, "2024-25", 4))),
                RawRollup([4], today), RollupNumbers, RawRollupNumbers),
            new("Roll-up, ministry, 2024-25 (year)", "/api/v1/offices/1/rollup?fiscalYear=2024-25",
                async p => RollupNumbers(await p.SendAsync(new GetRollupQuery(1, "2024-25", null))),
                RawRollup([0, 1, 2, 3, 4], today), RollupNumbers, RawRollupNumbers),
            // The first page (25) highest first, each with its rank, and its offices' items; the total.
            new("Ranking, ministry, 2024-25 Q4, first page", "/api/v1/offices/1/ranking?fiscalYear=2024-25&quarter=4&pageSize=25",
                async p => RankingNumbers(await p.SendAsync(new RankOfficesQuery(1, "2024-25", 4) { PageSize = 25 })),
                $"""
                SELECT ScoreHundredths, COUNT(*) FROM OfficeScores WHERE FiscalYear = {Year} AND Quarter = 4 AND Path LIKE '/1/%' GROUP BY ScoreHundredths;
                SELECT s.OfficeId, o.Code, o.NameEn, s.Path, s.ScoreHundredths, s.Expected,
                       (SELECT COUNT(*) FROM ExpectedItems i WHERE i.OfficeId = s.OfficeId AND i.FiscalYear = {Year} AND i.Quarter = 4 AND i.RecordedOn IS NOT NULL)
                FROM OfficeScores s JOIN Offices o ON o.Id = s.OfficeId
                WHERE s.FiscalYear = {Year} AND s.Quarter = 4 AND s.Path LIKE '/1/%' ORDER BY s.ScoreHundredths DESC, o.Code LIMIT 25;
                """,
                json => RankingNumbers(json.GetProperty("total").GetInt32(), json.GetProperty("items").EnumerateArray()
                    .Select(i => (i.GetProperty("rank").GetInt32(), i.GetProperty("officeId").GetInt64(), i.GetProperty("score").GetDecimal(), i.GetProperty("items").EnumerateArray().Count(x => x.GetProperty("status").GetString() is "Done" or "Late")))),
                RawRankingNumbers),
            // The heat map's rows: the ministry's own and its departments (paths /1/x/) with their items' statuses.
            new("Heat map, ministry, 2024-25 Q4, first page", "/api/v1/offices/1/heat-map?fiscalYear=2024-25&quarter=4&pageSize=50",
                async p => HeatNumbers(await p.SendAsync(new GetHeatMapQuery(1, "2024-25", 4) { PageSize = 50 })),
                $"""
                SELECT COUNT(*) FROM OfficePlacements p JOIN Offices c ON c.Id = p.OfficeId
                WHERE p.ParentId = 1 AND p.ValidFrom <= '2025-04-01' AND (p.ValidUntil IS NULL OR p.ValidUntil > '2025-04-01')
                  AND c.Kind <> 'Branch' AND c.ActiveFrom <= '2025-04-01' AND (c.ActiveUntil IS NULL OR c.ActiveUntil > '2025-04-01');
                SELECT p.OfficeId, COUNT(i.OfficeId), COALESCE(SUM(CASE WHEN i.RecordedOn IS NOT NULL THEN 1 ELSE 0 END), 0)
                FROM (SELECT 1 AS OfficeId
                      UNION ALL SELECT * FROM (SELECT c.Id FROM OfficePlacements p JOIN Offices c ON c.Id = p.OfficeId
                      WHERE p.ParentId = 1 AND p.ValidFrom <= '2025-04-01' AND (p.ValidUntil IS NULL OR p.ValidUntil > '2025-04-01')
                        AND c.Kind <> 'Branch' AND c.ActiveFrom <= '2025-04-01' AND (c.ActiveUntil IS NULL OR c.ActiveUntil > '2025-04-01')
                      ORDER BY c.Code LIMIT 50)) p
                LEFT JOIN ExpectedItems i ON i.OfficeId = p.OfficeId AND i.FiscalYear = {Year} AND i.Quarter = 4
                GROUP BY p.OfficeId;
                """,
                json => HeatNumbers(json.GetProperty("rows").GetProperty("total").GetInt32(), json.GetProperty("rows").GetProperty("items").EnumerateArray()
                    .Select(r => (r.GetProperty("officeId").GetInt64(), r.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("status").GetString()).ToList()))),
                RawHeatNumbers),
            new("Trend, ministry, 2024-25 (four quarters)", "/api/v1/offices/1/trend?fiscalYear=2024-25",
                async p => string.Join(" | ", (await p.SendAsync(new GetRollupTrendQuery(1, "2024-25"))).Select(RollupNumbers)),
                RawRollup([1, 2, 3, 4], today),
                json => string.Join(" | ", json.EnumerateArray().Select(RollupNumbers)),
                async reader => string.Join(" | ", await RawRollupRowsAsync(reader))),
            // The office-quarter's items (indicator, due and recorded days, marks) and its score.
            new("Scorecard, upazila office, 2024-25 Q4", $"/api/v1/offices/{leaf}/scorecard?fiscalYear=2024-25&quarter=4",
                async p => ScorecardNumbers(await p.SendAsync(new GetScorecardQuery(leaf, "2024-25", 4))),
                $"""
                SELECT ScoreHundredths FROM OfficeScores WHERE OfficeId = {leaf} AND FiscalYear = {Year} AND Quarter = 4;
                SELECT IndicatorCode, DueOn, RecordedOn, ScoreHundredths FROM ExpectedItems WHERE OfficeId = {leaf} AND FiscalYear = {Year} AND Quarter = 4 ORDER BY IndicatorCode;
                """,
                json => ScorecardNumbers(json.GetProperty("score").GetDecimal(), json.GetProperty("indicators").EnumerateArray()
                    .Where(i => i.GetProperty("applicable").GetBoolean() && i.GetProperty("frequency").GetString() == "Quarterly")
                    .Select(i => (i.GetProperty("code").GetString()!, i.GetProperty("dueOn").GetString(), i.GetProperty("recordedOn").ValueKind == JsonValueKind.Null ? null : i.GetProperty("recordedOn").GetString(), i.GetProperty("score").GetDecimal()))),
                RawScorecardNumbers),
        ];
        foreach (var read in reads)
        {
            var overHttp = await P95Async(async () => read.Api(await api.GetFromJsonAsync<JsonElement>(read.Url)));
            // Handler and raw take turns, so that a busy machine slows both alike.
            var (handler, raw) = await P95PairAsync(() => read.Handler(app), async () =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = read.RawSql;
                await using var reader = await command.ExecuteReaderAsync();
                return await read.Raw(reader);
            });
            var same = overHttp.Result == raw.Result && handler.Result == raw.Result;
            var numbers = same ? "same numbers" : $"NUMBERS DIFFER: HTTP {overHttp.Result} / handler {handler.Result} / raw {raw.Result}";
            Add($"{read.Name}: p95 of the query handler in-process vs raw indexed SQL on the read model ({numbers}); over HTTP {overHttp.P95:0.0} ms",
                $"{handler.P95:0.00} ms vs {raw.P95:0.00} ms", "≤ 1.5× raw", $"{handler.P95 / raw.P95:0.0}", same && handler.P95 <= 1.5 * raw.P95);
        }

        var page = await P95Async(async () =>
        {
            var response = await committee.GetAsync("/dashboard?officeId=1&fiscalYear=2024-25&quarter=4&lang=en");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : throw new InvalidOperationException($"dashboard: {(int)response.StatusCode}");
        });
        Add("Dashboard page, ministry (25,000 offices), 2024-25 Q4, p95", $"{page.P95:0} ms", "< 250 ms", $"{page.P95 / 250:0.00}", page.P95 < 250);
    }

    /// <summary>
    /// The raw roll-up: the period rows of the subtree totalled (per quarter with <paramref name="byQuarter"/>; else the
    /// quarters' items plus the year's rows' items, the offices and scores from the year's rows when quarter 0 is among them).
    /// </summary>
    private static string RawRollup(IEnumerable<int> quarters, string today) => string.Join("\nUNION ALL\n", quarters.Select(quarter => $"""
        SELECT Quarter, COUNT(*), COALESCE(SUM(Expected), 0), COALESCE(SUM(OnTime), 0), COALESCE(SUM(Late), 0), COALESCE(SUM(Unrecorded), 0),
               COALESCE(SUM(CASE WHEN Unrecorded = 0 OR FirstOpenDueOn >= '{today}' THEN 0 WHEN LastOpenDueOn < '{today}' THEN Unrecorded
                        ELSE (SELECT COUNT(*) FROM ExpectedItems m WHERE m.OfficeId = s.OfficeId AND m.FiscalYear = s.FiscalYear AND m.Quarter = s.Quarter AND m.RecordedOn IS NULL AND m.DueOn < '{today}') END), 0),
               COALESCE(SUM(ScoreHundredths), 0), COALESCE(SUM(ScoreHundredths >= 9000), 0), COALESCE(SUM(ScoreHundredths >= 8000 AND ScoreHundredths < 9000), 0),
               COALESCE(SUM(ScoreHundredths >= 7000 AND ScoreHundredths < 8000), 0), COALESCE(SUM(ScoreHundredths >= 6000 AND ScoreHundredths < 7000), 0)
        FROM OfficeScores s WHERE FiscalYear = '2024-25' AND Quarter = {quarter} AND Path LIKE '/1/%'
        """));

    private static async Task<List<string>> RawRollupRowsAsync(SqliteDataReader reader)
    {
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var n = Enumerable.Range(0, reader.FieldCount).Select(reader.GetInt64).ToArray();
            rows.Add(RollupNumbers(n[1], n[2], n[3], n[4], n[6], n[5] - n[6], n[7], n[1], [n[8], n[9], n[10], n[11]]));
        }
        return rows;
    }

    /// <summary>A quarter: its one row. The year: the items of quarters 1–4 and of the year's rows; offices and scores from the year's rows.</summary>
    private static async Task<string> RawRollupNumbers(SqliteDataReader reader)
    {
        var rows = new List<long[]>();
        while (await reader.ReadAsync()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetInt64).ToArray());
        var scores = rows[0];
        long Sum(int column) => rows.Sum(r => r[column]);
        return RollupNumbers(scores[1], Sum(2), Sum(3), Sum(4), Sum(6), Sum(5) - Sum(6), scores[7], scores[1], [scores[8], scores[9], scores[10], scores[11]]);
    }

    private static string RollupNumbers(long offices, long expected, long done, long late, long missed, long pending, long scoreSum, long scored, long[] bands) =>
        RollupNumbers(offices, expected, done, late, missed, pending, scored == 0 ? 0 : Math.Round(scoreSum / 100m / scored, 2, MidpointRounding.AwayFromZero), scored,
            [.. bands, scored - bands.Sum()]);

    private static string RollupNumbers(long offices, long expected, long done, long late, long missed, long pending, decimal average, long scored, IEnumerable<long> bands) =>
        string.Create(C, $"offices {offices} expected {expected} done {done} late {late} missed {missed} pending {pending} average {average:0.00} over {scored} bands {string.Join("/", bands)}");

    private static string RollupNumbers(Rollup r) =>
        RollupNumbers(r.Offices, r.Expected, r.Done, r.Late, r.Missed, r.Pending, r.AverageScore, r.ScoredOffices, r.Distribution.Select(b => (long)b.Offices));

    private static string RollupNumbers(JsonElement r) =>
        RollupNumbers(r.GetProperty("offices").GetInt64(), r.GetProperty("expected").GetInt64(), r.GetProperty("done").GetInt64(), r.GetProperty("late").GetInt64(),
            r.GetProperty("missed").GetInt64(), r.GetProperty("pending").GetInt64(), r.GetProperty("averageScore").GetDecimal(), r.GetProperty("scoredOffices").GetInt64(),
            r.GetProperty("distribution").EnumerateArray().Select(b => b.GetProperty("offices").GetInt64()));

    private static string RankingNumbers(int total, IEnumerable<(int Rank, long OfficeId, decimal Score, int Completed)> page) =>
        string.Create(C, $"total {total}: {string.Join(" ", page.Select(o => $"#{o.Rank} {o.OfficeId}={o.Score:0.00}/{o.Completed}"))}");

    private static string RankingNumbers(PageOf<RankedOffice> page) =>
        RankingNumbers(page.Total, page.Items.Select(o => (o.Rank, o.OfficeId, o.Score ?? -1, o.Done + o.Late)));

    /// <summary>The ranks from the offices per score (one more than the offices scoring higher), then the page.</summary>
    private static async Task<string> RawRankingNumbers(SqliteDataReader reader)
    {
        var counts = new List<(long Score, int Offices)>();
        while (await reader.ReadAsync()) counts.Add((reader.GetInt64(0), reader.GetInt32(1)));
        var rankOf = new Dictionary<long, int>();
        var higher = 0;
        foreach (var (score, offices) in counts.OrderByDescending(c => c.Score)) { rankOf[score] = higher + 1; higher += offices; }
        await reader.NextResultAsync();
        var page = new List<(int, long, decimal, int)>();
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(2);
            page.Add((rankOf[reader.GetInt64(4)], reader.GetInt64(0), reader.GetInt64(4) / 100m, reader.GetInt32(6)));
        }
        return RankingNumbers(higher, page);
    }

    private static string HeatNumbers(int total, IEnumerable<(long OfficeId, List<string?> Statuses)> rows) =>
        string.Create(C, $"total {total}: {string.Join(" ", rows.OrderBy(r => r.OfficeId).Select(r => $"{r.OfficeId}={r.Statuses.Count(s => s is not "NotApplicable")}/{r.Statuses.Count(s => s is "Done" or "Late")}"))}");

    private static string HeatNumbers(HeatMap map) =>
        HeatNumbers(map.Rows.Total, map.Rows.Items.Select(r => (r.OfficeId, r.Cells.Select(c => (string?)c.Status.ToString()).ToList())));

    /// <summary>The ministry's row and its departments' (the map's first page holds them all): items expected and recorded each.</summary>
    private static async Task<string> RawHeatNumbers(SqliteDataReader reader)
    {
        await reader.ReadAsync();
        var total = reader.GetInt64(0);
        await reader.NextResultAsync();
        var rows = new List<(long OfficeId, string Numbers)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), string.Create(C, $"{reader.GetInt64(0)}={reader.GetInt64(1)}/{reader.GetInt64(2)}")));
        return string.Create(C, $"total {total}: {string.Join(" ", rows.OrderBy(r => r.OfficeId).Select(r => r.Numbers))}");
    }

    private static string ScorecardNumbers(decimal score, IEnumerable<(string Code, string? DueOn, string? RecordedOn, decimal Marks)> items) =>
        string.Create(C, $"score {score:0.00}: {string.Join(" ", items.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => $"{i.Code} due {i.DueOn} recorded {i.RecordedOn ?? "-"} marks {i.Marks:0.00}"))}");

    private static string ScorecardNumbers(Scorecard card) =>
        ScorecardNumbers(card.Score, card.Indicators.Where(i => i.Applicable && i.Frequency == IndicatorFrequency.Quarterly)
            .Select(i => (i.Code, i.DueOn?.ToString("yyyy-MM-dd", C), i.RecordedOn?.ToString("yyyy-MM-dd", C), i.Score)));

    private static async Task<string> RawScorecardNumbers(SqliteDataReader reader)
    {
        await reader.ReadAsync();
        var score = reader.GetInt64(0) / 100m;
        await reader.NextResultAsync();
        var items = new List<(string, string?, string?, decimal)>();
        while (await reader.ReadAsync())
        {
            items.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? 0 : reader.GetInt64(3) / 100m));
        }
        return ScorecardNumbers(score, items);
    }

    /// <summary>
    /// The app in this process over the same database (already migrated by the server; only read here), without Kestrel:
    /// each query in a scope of its own, as a request is, signed in as the given user as the authentication handler would.
    /// </summary>
    private sealed class InProcess(WebApplication app, long userId, string username, Role role, long officeId) : IAsyncDisposable
    {
        public static async Task<InProcess> StartAsync(string folder, string username)
        {
            var app = NationalWebSet.Build(folder);
            await using var scope = app.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<DbSession>().QuerySingleOrDefaultAsync<(long Id, string Role, long OfficeId)>(
                "SELECT Id, Role, OfficeId FROM Users WHERE Username = @username", new { username }, CancellationToken.None);
            return new InProcess(app, user.Id, username, Enum.Parse<Role>(user.Role), user.OfficeId);
        }

        public async Task<T> SendAsync<T>(IRequest<T> query)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SignIn(userId, username, role, officeId);
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }

    /// <summary>Two ways of one read, run in turns (warm-up as <see cref="P95Async{T}"/>): the 95th percentile of each.</summary>
    private static async Task<((double P95, T Result) First, (double P95, T Result) Second)> P95PairAsync<T>(Func<Task<T>> first, Func<Task<T>> second, int runs = 40)
    {
        (T, T) results = default;
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < 10 || warming.ElapsedMilliseconds < 2000; i++) results = (await first(), await second());
        var times = (First: new List<double>(), Second: new List<double>());
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            results.Item1 = await first();
            times.First.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            results.Item2 = await second();
            times.Second.Add(watch.Elapsed.TotalMilliseconds);
        }
        return ((P95(times.First), results.Item1), (P95(times.Second), results.Item2));
    }

    private static double P95(List<double> times)
    {
        times.Sort();
        return times[(int)Math.Ceiling(0.95 * times.Count) - 1];
    }

    /// <summary>The 95th percentile of <paramref name="runs"/> runs, after a warm-up of at least <paramref name="warm"/> runs and a second (the JIT's tiers settle).</summary>
    private static async Task<(double P95, T Result)> P95Async<T>(Func<Task<T>> run, int warm = 10, int runs = 30)
    {
        T result = default!;
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < warm || warming.ElapsedMilliseconds < 1000; i++) result = await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[(int)Math.Ceiling(0.95 * times.Count) - 1], result);
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<HttpClient> SignedInAsync(Uri address, string username)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };
        var form = await client.GetStringAsync("/login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username, ["password"] = NationalWebSet.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"{username} could not sign in.");
    }

    // ---------------------------------------------------------------- (d) documents

    private static async Task DocumentsAsync()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            Add("Minutes PDF vs bare Chromium", "skipped: /usr/bin/chromium is missing", "≤ 1.2×", "", null);
            return;
        }
        var documents = new DocumentBenchmarks();
        documents.Start();
        try
        {
            var bare = new List<double>();
            var product = new List<double>();
            for (var i = 0; i < 12; i++)
            {
                var watch = Stopwatch.StartNew();
                await documents.BarePage();
                bare.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await documents.Printer();
                product.Add(watch.Elapsed.TotalMilliseconds);
            }
            var (b, p) = (Median(bare), Median(product));
            Add("Minutes PDF, product printer vs bare Chromium (same HTML, A4, same options), median", $"{p:0} ms vs {b:0} ms", "≤ 1.2×", $"{p / b:0.00}", p / b <= 1.2);

            const int Concurrent = 8;
            var all = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => documents.Printer()));
            var perSecond = Concurrent / all.Elapsed.TotalSeconds;
            var bareSerial = 1000 / b;
            Add($"{Concurrent} PDF requests at once, MaxConcurrentPages = 2: documents/s (vs bare Chromium one at a time)",
                $"{perSecond:0.0}/s vs {bareSerial:0.0}/s", "—", $"{perSecond / bareSerial:0.00}", null);
        }
        finally
        {
            documents.Stop();
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<string> RunAsync(string file, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {output}");
    }
}
