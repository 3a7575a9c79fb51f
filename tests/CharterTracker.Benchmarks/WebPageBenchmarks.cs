using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

using CharterTracker.Demo.National;

namespace CharterTracker.Benchmarks;

/// <summary>
/// The web pages on the national data set (<see cref="NationalWebSet"/>: 25,000 offices, 2024-25 complete, 2025-26 Q1
/// under way on 20 August 2025), as a browser asks for them: real HTTP on loopback, signed in with the form's cookie,
/// the whole page rendered (server time plus transfer on loopback). The data set is built once into a folder under
/// the temp directory and reused by every benchmark process (delete it to rebuild).
/// </summary>
[MemoryDiagnoser]
public class WebPageBenchmarks
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "chartertracker-national-web-0007");

    private WebApplication _app = null!;
    private HttpClient _committee = null!;
    private HttpClient _focalPoint = null!;
    private HttpClient _admin = null!;
    private Demo.National.NationalDataSet.Facts _facts = null!;

    [GlobalSetup]
    public void Start() => StartAsync().GetAwaiter().GetResult();

    private async Task StartAsync()
    {
        if (!File.Exists(NationalWebSet.DatabaseFile(Folder)))
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
            var built = await NationalWebSet.CreateAsync(Folder);
            Console.WriteLine($"// Built the national web data set in {built.BuildTime.TotalSeconds:0} s.");
        }
        _app = NationalWebSet.Build(Folder, "http://127.0.0.1:0");
        await CharterApp.InitialiseAsync(_app);
        await _app.StartAsync();
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var factory = _app.Services.GetRequiredService<Data.DbConnectionFactory>();
        _facts = await Demo.National.NationalDataSet.FactsAsync(factory, 1, 2);
        _committee = await SignInAsync(address, "committee");
        _focalPoint = await SignInAsync(address, "upazila.fp");
        _admin = await SignInAsync(address, "admin");

        // Every page answers 200 before it is timed, and the dashboard holds what it is measured for.
        var today = await PageAsync(_committee, Today);
        if (!today.Contains("data-level=\"High\"", StringComparison.Ordinal)) throw new InvalidOperationException("The ministry's dashboard of 2025-26 Q1 lists no office at high risk.");
        var past = await PageAsync(_committee, PastQuarter);
        if (!past.Contains("<div data-figure=\"offices\"><dt>Offices</dt><dd>25000</dd>", StringComparison.Ordinal)) throw new InvalidOperationException("The ministry's dashboard does not count 25,000 offices.");
        foreach (var run in new Func<Task<int>>[] { Department, District, Workspace, Ranking_page, Admin_offices, Lapses_csv }) await run();
    }

    private static async Task<HttpClient> SignInAsync(Uri address, string username)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };
        // The sign-in form carries an antiforgery token (its cookie lands in the jar with the form).
        var form = await client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username, ["password"] = NationalWebSet.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/") throw new InvalidOperationException($"{username} could not sign in.");
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK ? body : throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
    }

    private const string Today = "/dashboard?officeId=1&lang=en";
    private const string PastQuarter = "/dashboard?officeId=1&fiscalYear=2024-25&quarter=4&lang=en";

    [GlobalCleanup]
    public void Stop()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "Dashboard, ministry (25,000 offices), today's quarter")]
    public async Task<int> Ministry_today() => (await PageAsync(_committee, Today)).Length;

    [Benchmark(Description = "Dashboard, ministry (25,000 offices), 2024-25 Q4")]
    public async Task<int> Ministry_past_quarter() => (await PageAsync(_committee, PastQuarter)).Length;

    [Benchmark(Description = "Dashboard, department (~420 offices)")]
    public async Task<int> Department() => (await PageAsync(_committee, $"/dashboard?officeId={_facts.DepartmentId}&lang=en")).Length;

    [Benchmark(Description = "Dashboard, district office")]
    public async Task<int> District() => (await PageAsync(_committee, $"/dashboard?officeId={_facts.DistrictId}&lang=en")).Length;

    [Benchmark(Description = "Workspace, upazila office (focal point)")]
    public async Task<int> Workspace() => (await PageAsync(_focalPoint, "/workspace?lang=bn")).Length;

    [Benchmark(Description = "Ranking, ministry, page 100 of 500")]
    public async Task<int> Ranking_page() => (await PageAsync(_committee, "/dashboard/ranking?officeId=1&fiscalYear=2024-25&quarter=4&page=100&lang=en")).Length;

    [Benchmark(Description = "Admin: offices, the ministry's level")]
    public async Task<int> Admin_offices() => (await PageAsync(_admin, "/admin/offices?officeId=1&lang=en")).Length;

    [Benchmark(Description = "CSV: the ministry's missed and late items of 2024-25 Q4")]
    public async Task<int> Lapses_csv() => (await PageAsync(_committee, "/dashboard/lapses.csv?officeId=1&fiscalYear=2024-25&quarter=4&lang=en")).Length;
}
