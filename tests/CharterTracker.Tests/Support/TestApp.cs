using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CharterTracker.Tests.Support;

/// <summary>
/// The real application on Kestrel, bound to a free loopback port, over a real SQLite file, with a test clock.
/// Tests talk to it over HTTP as its users do.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string AdminPassword = "Admin-password-1";

    /// <summary>Setting that gives the app its real Hangfire storage (SQLite, <c>hangfire.db</c> in the test's folder) instead of the in-memory one.</summary>
    public const string RealJobStorage = "Tests:RealJobStorage";

    private readonly WebApplication _app;
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.OrdinalIgnoreCase);

    private TestApp(WebApplication app, string directory, TestClock clock)
    {
        _app = app;
        Directory = directory;
        Clock = clock;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
    }

    public string Directory { get; }
    public TestClock Clock { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;
    public string DatabaseFile => Path.Combine(Directory, "charter.db");

    /// <summary>Starts the app. Default clock: 15 Aug 2024 in Dhaka (Q1 of 2024-25).</summary>
    /// <param name="services">Test-only registrations (such as the T-SQL check's statement recorder).</param>
    public static async Task<TestApp> StartAsync(TestClock? clock = null, string? directory = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        directory ??= TestDatabase.NewDirectory();
        clock ??= TestClock.At(2024, 8, 15);
        var configuration = new Dictionary<string, string?>
        {
            ["Charter:Database:Provider"] = "Sqlite",
            ["Charter:Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "charter.db")}",
            ["Charter:KeysDirectory"] = Path.Combine(directory, "keys"),
            ["Charter:Evidence:Directory"] = Path.Combine(directory, "evidence"),
            ["Charter:Documents:Directory"] = Path.Combine(directory, "documents"),
            ["Charter:BootstrapAdminPassword"] = AdminPassword,
            ["Charter:DemoData"] = "false",
            // A test is about behaviour, not power loss: commits are not synced to disk one by one (the product's default
            // is Full; Durability/ runs the real server process with it, and SqliteSettingsTests checks the default).
            ["Charter:Database:Synchronous"] = "Normal",
            // The scheduler stays off unless a test turns it on: nothing fires on its own, and runs asked for through the
            // API go through the job server's queue, which looks for work every 100 ms here.
            ["Charter:Scheduling:Enabled"] = "false",
            ["Charter:Scheduling:PollInterval"] = "00:00:00.100",
            // Every test signs in from 127.0.0.1, often many users within a minute: the per-address flood guard of the
            // sign-in routes stays out of the way unless a test sets it (the failure lock-out keeps its defaults).
            ["Charter:SignIn:AttemptsPerMinutePerAddress"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            // A null setting means "the product's own default", not the test app's.
            if (value is null) configuration.Remove(key);
            else configuration[key] = value;
        }

        var app = CharterApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Services.AddSingleton<TimeProvider>(clock);
            // Tests about the jobs use the product's own SQLite job storage (RealJobStorage); the others Hangfire's in-memory one.
            if (configuration.GetValueOrDefault(RealJobStorage) != "true")
            {
                builder.Services.AddSingleton<Hangfire.JobStorage>(_ => new Hangfire.InMemory.InMemoryStorage(
                    new Hangfire.InMemory.InMemoryStorageOptions { IdType = Hangfire.InMemory.InMemoryStorageIdType.Long }));
            }
            services?.Invoke(builder.Services);
        });
        await CharterApp.InitialiseAsync(app);
        await app.StartAsync();
        return new TestApp(app, directory, clock);
    }

    /// <summary>Tokens expire when the test clock jumps months ahead: sign in again after moving it.</summary>
    public void ForgetSignIns()
    {
        foreach (var client in _clients.Values) client.Dispose();
        _clients.Clear();
    }

    /// <summary>For an app a fixture shares: sets the clock back to <paramref name="now"/> after a test moved it, and drops the sign-ins made meanwhile.</summary>
    public void SetClockBack(DateTimeOffset now)
    {
        if (Clock.GetUtcNow() == now) return;
        Clock.Set(now);
        ForgetSignIns();
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    public Task<HttpClient> AsAdminAsync() => AsAsync(BootstrapAdmin.Username, AdminPassword);

    /// <summary>A client carrying a bearer token obtained through POST /api/v1/auth/token.</summary>
    public async Task<HttpClient> AsAsync(string username, string password)
    {
        if (_clients.TryGetValue(username, out var cached)) return cached;
        using var anonymous = Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"sign-in of {username}: {await response.Content.ReadAsStringAsync()}");
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        _clients[username] = client;
        return client;
    }

    /// <summary>Creates a user through the API (as admin) and returns a client signed in as that user.</summary>
    public async Task<HttpClient> AsNewUserAsync(string username, Role role, long? officeId)
    {
        var admin = await AsAdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { username, password = "Password-" + username, displayName = username, role = role.ToString(), officeId });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await AsAsync(username, "Password-" + username);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public static readonly JsonSerializerOptions Json = ApiJson.Options;
}
