using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Trust;

/// <summary>
/// Every write route of the app's route table (API and form posts), sent a valid sample changed one way at a time
/// (<see cref="HostileInputs"/>) by the system administrator, who passes every access check, so that binding and
/// validation are what is tested. Never a 5xx; a 4xx is problem details with a title (a page: an HTML page); and a
/// rejected request changes nothing stored (<see cref="DatabaseFingerprint"/>), a Rejected audit row apart.
/// One app and one world for the whole suite; a few clients at once.
/// </summary>
[NonParallelizable]
public sealed class HostileInputTests
{
    private const int Clients = 4;
    private const int Batch = 16;

    /// <summary>
    /// Routes whose valid sample would start work outside the request (a job, a rebuild of every score): only the
    /// name or year in their URL is varied, so nothing runs in the background while pictures are compared.
    /// </summary>
    private static readonly Dictionary<string, string> UrlOnly = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/admin/jobs/{name}/run"] = "{name}",
        ["POST /admin/jobs/{name}/run"] = "{name}",
        ["POST /api/v1/admin/scores/rebuild"] = "fiscalYear",
    };

    /// <summary>Routes whose year in the URL is varied besides their body.</summary>
    private static readonly Dictionary<string, string> YearInUrl = new(StringComparer.Ordinal)
    {
        ["PUT /api/v1/action-plans/{fiscalYear}"] = "{fiscalYear}",
        ["POST /api/v1/action-plans/{fiscalYear}/clone"] = "{fiscalYear}",
        ["POST /admin/action-plans/{year}/edit"] = "{year}",
    };

    private TestApp _app = null!;
    private TrustWorld _world = null!;
    private List<HttpClient> _bearers = null!;

    [OneTimeSetUp]
    public async Task BuildWorld()
    {
        _app = await TestApp.StartAsync();
        _world = await TrustWorld.BuildAsync(_app);
        // The world's job run finishes before any picture of the database is taken.
        var admin = _world.Bearer[Role.SystemAdmin];
        for (var i = 0; i < 200 && (await admin.GetJsonAsync($"/api/v1/admin/jobs/runs/{_world.JobRunId}")).Str("status") is "Queued" or "Running"; i++) await Task.Delay(50);
        _bearers = Enumerable.Range(0, Clients).Select(_ =>
        {
            var client = new HttpClient { BaseAddress = _app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
            return client;
        }).ToList();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var client in _bearers) client.Dispose();
        await _app.DisposeAsync();
    }

    private IEnumerable<RouteKey> WriteRoutes => TrustRoutes.Of(_app).Where(r => r.IsWrite);

    private RequestSample? SampleOf(RouteKey route) =>
        TrustRoutes.Sample(_world, route, TrustRoutes.Url(_world, route.Pattern, Query(route), Relation.Own), Relation.Own);

    /// <summary>The query string a page's form is posted with (its office and period), as the access matrix uses.</summary>
    private static string? Query(RouteKey route) =>
        Access.AccessMatrixTests.Rules.TryGetValue(route.ToString(), out var entry) ? entry.Query : null;

    [Test, Order(1)]
    public void Every_write_route_has_a_valid_sample()
    {
        Assert.That(WriteRoutes.Where(r => SampleOf(r) is null).Select(r => r.ToString()), Is.Empty, "write routes without a sample in TrustRoutes.Sample");
    }

    private sealed record Probe(RouteKey Route, Mutation Mutation, Role Sender)
    {
        public override string ToString() => $"{Route} as {Sender} with {Mutation.What}";
    }

    private IEnumerable<Probe> Probes()
    {
        foreach (var route in WriteRoutes)
        {
            var sample = SampleOf(route);
            if (sample is null) continue;
            var key = route.ToString();
            var mutations = UrlOnly.TryGetValue(key, out var part) ? UrlMutations(route, sample, part)
                : YearInUrl.TryGetValue(key, out var year) ? HostileInputs.Of(sample).Concat(UrlMutations(route, sample, year))
                : HostileInputs.Of(sample);
            // The API's writes a focal point may make are sent by one too: the same validation behind another caller's access check.
            var byFocalPoint = !route.IsPage && Access.AccessMatrixTests.Rules.TryGetValue(key, out var entry)
                               && entry.Rule != Access.AccessMatrixTests.Rule.AnonymousOk && Access.AccessMatrixTests.Allowed(entry.Rule, Role.FocalPoint, Relation.Own);
            foreach (var mutation in mutations)
            {
                yield return new Probe(route, mutation, Role.SystemAdmin);  // the sign-in routes are sent anonymously whatever the sender
                if (byFocalPoint) yield return new Probe(route, mutation, Role.FocalPoint);
            }
        }
    }

    /// <summary>The route's name or year (in the path, or in the query string) replaced with every hostile value.</summary>
    private IEnumerable<Mutation> UrlMutations(RouteKey route, RequestSample sample, string part)
    {
        // Control characters are left out: Kestrel refuses such a request line itself, before any of the app runs.
        foreach (var (name, _, text, _) in HostileInputs.Values.Where(v => v.Text.Length is > 0 and < 1000 && !v.Text.Any(char.IsControl)))
        {
            var value = Uri.EscapeDataString(text);
            var url = part.StartsWith('{')
                ? TrustRoutes.Url(_world, route.Pattern.Replace(part, "\u0001", StringComparison.Ordinal), Query(route), Relation.Own).Replace("\u0001", value, StringComparison.Ordinal)
                : sample.Url.Split('?')[0] + "?" + part + "=" + value;
            yield return new Mutation($"URL {part} = {name}", sample with { Url = url });
        }
    }

    [Test, Order(2)]
    public async Task Hostile_requests_to_every_write_route_get_a_clear_4xx_and_change_nothing()
    {
        var probes = Probes().ToList();
        Assert.That(probes, Has.Count.GreaterThanOrEqualTo(10_000), "the suite sends at least 10,000 requests");
        using var fingerprint = new DatabaseFingerprint(_app);
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var accepted = new ConcurrentDictionary<string, int>();
        var recheckedAlone = 0;
        var clock = Stopwatch.StartNew();

        foreach (var batch in probes.Chunk(Batch))
        {
            var before = fingerprint.Take();
            var answers = new (Probe Probe, int Status)[batch.Length];
            await Parallel.ForEachAsync(Enumerable.Range(0, batch.Length), new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (i, _) =>
                answers[i] = (batch[i], await SendAndJudgeAsync(batch[i], _bearers[i % Clients], failures, statuses)));
            var changes = DatabaseFingerprint.Changes(before, fingerprint.Take());
            var rejected = answers.Where(a => a.Status >= 400).Select(a => a.Probe).ToList();
            foreach (var (probe, _) in answers.Where(a => a.Status < 400)) accepted.AddOrUpdate(probe.Route.ToString(), 1, (_, n) => n + 1);
            if (changes.Count == 0 || rejected.Count == 0) continue;
            if (rejected.Count == batch.Length)
            {
                failures.Add($"a batch of rejected requests changed the database ({string.Join("; ", changes)}): {string.Join(" | ", batch.Select(p => p.ToString()))}");
                continue;
            }

            // Some of the batch were accepted and wrote: the rejected ones are sent again, as a batch of their own, and
            // if that batch has an acceptance too, one at a time, each between two pictures.
            recheckedAlone += rejected.Count;
            var again = fingerprint.Take();
            var statusesAgain = new int[rejected.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, rejected.Count), new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (i, _) =>
                statusesAgain[i] = await SendAndJudgeAsync(rejected[i], _bearers[i % Clients], failures, statuses));
            var changedAgain = DatabaseFingerprint.Changes(again, fingerprint.Take());
            if (changedAgain.Count == 0) continue;
            if (statusesAgain.All(status => status >= 400))
            {
                failures.Add($"a batch of rejected requests changed the database ({string.Join("; ", changedAgain)}): {string.Join(" | ", rejected.Select(p => p.ToString()))}");
                continue;
            }
            foreach (var probe in rejected)
            {
                var alone = fingerprint.Take();
                var status = await SendAndJudgeAsync(probe, _bearers[0], failures, statuses);
                var changed = DatabaseFingerprint.Changes(alone, fingerprint.Take());
                if (status >= 400 && changed.Count > 0) failures.Add($"{probe}: rejected with {status} but changed the database: {string.Join("; ", changed)}");
            }
        }
        clock.Stop();

        TestContext.Out.WriteLine($"Hostile inputs: {probes.Count} requests over {probes.Select(p => p.Route).Distinct().Count()} write routes in {clock.Elapsed.TotalSeconds:0.0} s "
                                  + $"({Clients} clients; {recheckedAlone} rejected requests sent again apart from accepted ones); statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}.");
        TestContext.Out.WriteLine("Accepted (2xx/3xx) by route: " + string.Join(", ", accepted.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} ×{a.Value}")));
        foreach (var failure in failures.OrderBy(f => f, StringComparer.Ordinal).Take(300)) TestContext.Out.WriteLine(failure);
        Assert.That(failures, Is.Empty, $"{failures.Count} of {probes.Count} hostile requests were answered wrongly");
    }

    /// <summary>Sends a probe and returns its status; what is wrong with the answer goes to <paramref name="failures"/>.</summary>
    private async Task<int> SendAndJudgeAsync(Probe probe, HttpClient bearer, ConcurrentBag<string> failures, ConcurrentDictionary<int, int> statuses)
    {
        var anonymous = Access.AccessMatrixTests.Rules.TryGetValue(probe.Route.ToString(), out var entry) && entry.Rule == Access.AccessMatrixTests.Rule.AnonymousOk;
        var (client, token) = anonymous ? (_world.Anonymous, null)
            : probe.Route.IsPage ? _world.Browser[probe.Sender]
            : (probe.Sender == Role.SystemAdmin ? bearer : _world.Bearer[probe.Sender], (string?)null);
        using var request = probe.Mutation.Request.ToRequest(token);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            failures.Add($"{probe}: the connection failed ({e.Message})");
            return 599;
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            var body = await response.Content.ReadAsStringAsync();
            if (Wrong(probe, response, body) is { } wrong) failures.Add($"{probe}: {status} {wrong}: {body[..Math.Min(body.Length, 300)]}");
            return status;
        }
    }

    private static string? Wrong(Probe probe, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return "(a server error)";
        if (status < 400) return null;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (probe.Route.IsPage) return mediaType == "text/html" ? null : $"(a page's error is not an HTML page but {mediaType ?? "empty"})";
        if (mediaType != "application/problem+json") return $"(not problem details but {mediaType ?? "empty"})";
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 } ? null : "(a problem without a title)";
        }
        catch (JsonException)
        {
            return "(problem details that are not JSON)";
        }
    }
}
