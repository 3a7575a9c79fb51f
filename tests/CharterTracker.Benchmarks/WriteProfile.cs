using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CharterTracker.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CharterTracker.Benchmarks;

/// <summary>
/// Where a write's milliseconds go: charter updates sent one after another over HTTP to the app on a copy of the
/// national data set, with a listener on the app's timing spans (<see cref="Spans"/>) and on ASP.NET Core's request
/// span. Prints, per stage, the milliseconds and SQL statements per write. Proportions, not absolute figures, are
/// the point: the machine may be busy.
/// </summary>
public static class WriteProfile
{
    /// <summary>The stages a statement is counted under: the nearest enclosing one.</summary>
    private static readonly string[] Stages = ["user", "access", "validation", "begin", "recordable", "insert", "before-commit", "audit", "commit"];

    private sealed record Span(string Name, double Ms, string Stage, int Statements, string? Sql = null);

    public static async Task RunAsync(string nationalFolder, int writes)
    {
        var folder = ScratchCopy(nationalFolder, "profile");
        await using var app = NationalWebSet.Build(folder, "http://127.0.0.1:0");
        await CharterApp.InitialiseAsync(app);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        using var client = await ClientAsync(address, "fp-MOPA");

        var spans = new ConcurrentDictionary<ActivityTraceId, ConcurrentBag<Span>>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is Spans.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var name = activity.OperationName.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ? "request" : activity.OperationName;
                var stage = "handler (other)";
                for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
                {
                    if (Array.IndexOf(Stages, parent.OperationName) >= 0) { stage = parent.OperationName; break; }
                }
                var statements = name == "db" ? activity.GetTagItem("statements") as int? ?? 1 : 0;
                spans.GetOrAdd(activity.TraceId, _ => []).Add(new Span(name, activity.Duration.TotalMilliseconds, stage, statements, activity.GetTagItem("db.statement") as string));
            },
        };
        ActivitySource.AddActivityListener(listener);

        // Warm-up, then writes across many offices of the ministry (one each), then 2,000 in one office-quarter.
        var offices = await WritableOfficesAsync(app, 2_000);
        for (var i = 0; i < 50; i++) await WriteAsync(client, offices[i % offices.Count]);
        spans.Clear();
        for (var i = 0; i < writes; i++) await WriteAsync(client, offices[(i + 50) % offices.Count]);
        Print($"{writes} charter updates across {Math.Min(writes, offices.Count)} offices of the ministry", spans.Values.ToList());

        var one = offices[^1];
        var flat = new List<List<Span>>();
        spans.Clear();
        for (var i = 0; i < 2_000; i++)
        {
            await WriteAsync(client, one);
            if (i == 99 || i == 1_999)
            {
                flat.Add(spans.Values.SelectMany(bag => bag).ToList());
                spans.Clear();
            }
            else if (i == 1_899) spans.Clear();
        }
        Print($"office {one}: its records 1–100 in 2025-26 Q1", spans: null, flat[0], 100);
        Print($"office {one}: its records 1,901–2,000 in 2025-26 Q1", spans: null, flat[1], 100);
        await app.StopAsync();
    }

    private static void Print(string title, List<ConcurrentBag<Span>> spans) => Print(title, null, spans.SelectMany(b => b).ToList(), spans.Count);

    private static void Print(string title, object? spans, List<Span> all, int writes)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine("| stage | ms per write | share of request | SQL statements per write |");
        Console.WriteLine("|---|---:|---:|---:|");
        var request = all.Where(s => s.Name == "request").Sum(s => s.Ms) / writes;
        foreach (var name in new[] { "request", "user", "command", "access", "validation", "begin", "recordable", "insert", "before-commit", "audit", "commit", "db" })
        {
            var ms = all.Where(s => s.Name == name).Sum(s => s.Ms) / writes;
            var statements = name switch
            {
                "db" or "request" => all.Sum(s => s.Statements),
                "command" => all.Where(s => s.Stage != "user").Sum(s => s.Statements),
                _ => all.Where(s => s.Stage == name).Sum(s => s.Statements),
            } / (double)writes;
            Console.WriteLine($"| {name} | {ms:0.00} | {ms / request:P0} | {statements:0.#} |");
        }
        var other = all.Where(s => s.Stage == "handler (other)").Sum(s => s.Statements) / (double)writes;
        Console.WriteLine($"| (statements outside the stages above: handler's own reads) | | | {other:0.#} |");
        if (Environment.GetEnvironmentVariable("PROFILE_STATEMENTS") is null) return;
        Console.WriteLine();
        Console.WriteLine("| statement (stage) | ms per write | runs per write |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var statement in all.Where(s => s.Sql is not null).GroupBy(s => (s.Stage, Text: System.Text.RegularExpressions.Regex.Replace(s.Sql!, @"\s+", " ").Trim()))
                     .OrderByDescending(g => g.Sum(s => s.Ms)).Take(15))
        {
            var text = statement.Key.Text.Length > 110 ? statement.Key.Text[..110] + "…" : statement.Key.Text;
            Console.WriteLine($"| `{text}` ({statement.Key.Stage}) | {statement.Sum(s => s.Ms) / writes:0.000} | {statement.Sum(s => s.Statements) / (double)writes:0.#} |");
        }
    }

    private static Task WriteAsync(HttpClient client, long officeId) => WriteAsync(client, officeId, CancellationToken.None);

    public static async Task WriteAsync(HttpClient client, long officeId, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/offices/{officeId}/charter-updates", CharterUpdateBody, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST charter update to office {officeId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>The body every benchmark write sends: an update of 2025-26 Q1, under way on the benchmarks' clock.</summary>
    public static readonly object CharterUpdateBody = new { fiscalYear = "2025-26", quarter = 1, updatedOn = "2025-08-01", portalReference = "bench", hasEvidence = true };

    public const string CharterUpdateJson = """{"fiscalYear":"2025-26","quarter":1,"updatedOn":"2025-08-01","portalReference":"bench","hasEvidence":true}""";

    /// <summary>A client with a bearer token of the user.</summary>
    public static async Task<HttpClient> ClientAsync(Uri address, string username)
    {
        var client = new HttpClient { BaseAddress = address };
        var token = await TokenAsync(client, username);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> TokenAsync(HttpClient client, string username)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = NationalWebSet.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Offices of the ministry that take a charter update (every kind but the ministry and branches), spread over its departments.</summary>
    public static async Task<IReadOnlyList<long>> WritableOfficesAsync(WebApplication app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        return await db.QueryAsync<long>(
            $"SELECT Id FROM Offices WHERE Kind <> 'Branch' AND ParentId IS NOT NULL ORDER BY (Id * 7919) % 25013 LIMIT {count}");
    }

    /// <summary>A copy of the national data set's folder (database and keys) that a run may write to; made anew each time.</summary>
    public static string ScratchCopy(string nationalFolder, string name)
    {
        var folder = Path.GetFullPath(nationalFolder).TrimEnd('/') + "-" + name;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Copy(NationalWebSet.DatabaseFile(nationalFolder), NationalWebSet.DatabaseFile(folder));
        CopyDirectory(Path.Combine(nationalFolder, "keys"), Path.Combine(folder, "keys"));
        return folder;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        // A set made by the executable's generate-national verb has no keys until the app first runs on it.
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
