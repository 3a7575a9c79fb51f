using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

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

    public static async Task<int> RunAsync(string dataFolder, string benchmarksDll, string wrk, int writeSeconds)
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

    private sealed record Read(string Name, string Url, string RawSql, Func<JsonElement, string> Api, Func<SqliteDataReader, string> Raw);

    private static async Task ReadsAsync(HttpClient http, string folder)
    {
        // The committee's ministry (1) in 2024-25 Q4; a leaf office's scorecard.
        await using var connection = new SqliteConnection($"Data Source={NationalWebSet.DatabaseFile(folder)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var leaf = (long)(await Scalar(connection, "SELECT MIN(Id) FROM Offices WHERE Kind = 'UpazilaOffice'"))!;
        using var committee = await SignedInAsync(http.BaseAddress!, "committee");
        const string Period = "FiscalYear = '2024-25' AND Quarter = 4 AND Path LIKE '/1/%'";
        Read[] reads =
        [
            new("Roll-up, ministry, 2024-25 Q4", "/api/v1/offices/1/rollup?fiscalYear=2024-25&quarter=4",
                $"SELECT COUNT(*), SUM(Expected), SUM(OnTime), SUM(Late) FROM OfficeScores WHERE {Period}",
                json => $"{json.GetProperty("offices")} {json.GetProperty("expected")} {json.GetProperty("done")} {json.GetProperty("late")}",
                row => $"{row.GetInt64(0)} {row.GetInt64(1)} {row.GetInt64(2)} {row.GetInt64(3)}"),
            new("Ranking, ministry, 2024-25 Q4, first page", "/api/v1/offices/1/ranking?fiscalYear=2024-25&quarter=4&pageSize=25",
                $"SELECT COUNT(*) FROM OfficeScores WHERE {Period}",
                json => $"{json.GetProperty("total")}", row => $"{row.GetInt64(0)}"),
            // The heat map's rows: the ministry's departments (paths /1/x/).
            new("Heat map, ministry, 2024-25 Q4, first page", "/api/v1/offices/1/heat-map?fiscalYear=2024-25&quarter=4&pageSize=50",
                $"SELECT COUNT(*) FROM OfficeScores WHERE {Period} AND LENGTH(Path) - LENGTH(REPLACE(Path, '/', '')) = 3",
                json => $"{json.GetProperty("rows").GetProperty("total")}", row => $"{row.GetInt64(0)}"),
            new("Trend, ministry, 2024-25 (four quarters)", "/api/v1/offices/1/trend?fiscalYear=2024-25",
                "SELECT SUM(Expected), SUM(OnTime) FROM OfficeScores WHERE FiscalYear = '2024-25' AND Quarter BETWEEN 1 AND 4 AND Path LIKE '/1/%'",
                json => $"{json.EnumerateArray().Sum(q => q.GetProperty("expected").GetInt64())} {json.EnumerateArray().Sum(q => q.GetProperty("done").GetInt64())}",
                row => $"{row.GetInt64(0)} {row.GetInt64(1)}"),
            new("Scorecard, upazila office, 2024-25 Q4", $"/api/v1/offices/{leaf}/scorecard?fiscalYear=2024-25&quarter=4",
                $"SELECT ScoreHundredths FROM OfficeScores WHERE OfficeId = {leaf} AND FiscalYear = '2024-25' AND Quarter = 4",
                json => json.GetProperty("score").GetDecimal().ToString("0.00", C), row => (row.GetInt64(0) / 100m).ToString("0.00", C)),
        ];
        foreach (var read in reads)
        {
            var api = await P95Async(async () => await http.GetFromJsonAsync<JsonElement>(read.Url));
            var raw = await P95Async(async () =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = read.RawSql;
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                return reader.FieldCount > 0 ? read.Raw(reader) : "";
            });
            var same = read.Api(api.Result) == raw.Result;
            Add($"{read.Name}: p95 (raw indexed SQL on the read model{(same ? ", same numbers" : $", NUMBERS DIFFER: {read.Api(api.Result)} vs {raw.Result}")})",
                $"{api.P95:0.0} ms vs {raw.P95:0.00} ms", "≤ 1.5× raw", $"{api.P95 / raw.P95:0.0}", same && api.P95 <= 1.5 * raw.P95);
        }

        var page = await P95Async(async () =>
        {
            var response = await committee.GetAsync("/dashboard?officeId=1&fiscalYear=2024-25&quarter=4&lang=en");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : throw new InvalidOperationException($"dashboard: {(int)response.StatusCode}");
        });
        Add("Dashboard page, ministry (25,000 offices), 2024-25 Q4, p95", $"{page.P95:0} ms", "< 250 ms", $"{page.P95 / 250:0.00}", page.P95 < 250);
    }

    private static async Task<(double P95, T Result)> P95Async<T>(Func<Task<T>> run, int warm = 3, int runs = 30)
    {
        T result = default!;
        for (var i = 0; i < warm; i++) result = await run();
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
