using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Durability;

/// <summary>
/// The built executable, <c>dotnet CharterTracker.dll</c>, as a child process over its own data folder on a loopback
/// port: what a deployment runs, so it can be killed like one. Also runs the one-shot verbs (<c>backup</c>, <c>restore</c>).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ServerProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int Id => _process.Id;

    /// <summary>
    /// <c>src/CharterTracker/bin/&lt;configuration&gt;/&lt;tfm&gt;/CharterTracker.dll</c>, the configuration and framework
    /// read from this test assembly's own bin folder (…/bin/Release/net10.0), so both come from the same build.
    /// </summary>
    public static string AppDll
    {
        get
        {
            var testBin = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            var dll = Path.Combine(TestDatabase.RepositoryRoot, "src", "CharterTracker", "bin", testBin.Parent!.Name, testBin.Name, "CharterTracker.dll");
            Assert.That(File.Exists(dll), Is.True, $"{dll} is missing: build the solution (dotnet build CharterTracker.sln -c {testBin.Parent.Name}) first.");
            return dll;
        }
    }

    /// <summary>Settings of an app over <paramref name="directory"/>, laid out as TestApp lays out its own.</summary>
    public static Dictionary<string, string> SettingsFor(string directory) => new()
    {
        ["Charter__Database__Provider"] = "Sqlite",
        ["Charter__Database__ConnectionString"] = $"Data Source={Path.Combine(directory, "charter.db")}",
        ["Charter__KeysDirectory"] = Path.Combine(directory, "keys"),
        ["Charter__Evidence__Directory"] = Path.Combine(directory, "evidence"),
        ["Charter__Documents__Directory"] = Path.Combine(directory, "documents"),
        ["Charter__BootstrapAdminPassword"] = TestApp.AdminPassword,
        ["Charter__Scheduling__Enabled"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>Starts the server on a free loopback port and waits until it prints its address.</summary>
    public static async Task<ServerProcess> StartAsync(string directory)
    {
        var (process, output) = Launch(["--urls", "http://127.0.0.1:0"], SettingsFor(directory));
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            const string running = "CharterTracker is running: ";
            if (line.Data?.Trim() is { } text && text.StartsWith(running, StringComparison.Ordinal))
            {
                address.TrySetResult(new Uri(text[running.Length..].Split(' ', ',')[0]));
            }
        };
        process.Exited += (_, _) => address.TrySetException(new InvalidOperationException("The server exited."));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new ServerProcess(process, output, await address.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        catch (Exception exception)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new AssertionException($"The server did not start ({exception.Message}):\n{output}");
        }
    }

    /// <summary>Runs <c>dotnet CharterTracker.dll &lt;verb&gt; …</c> to its end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(string directory, string[] arguments, IDictionary<string, string>? overrides = null)
    {
        var settings = SettingsFor(directory);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>()) settings[key] = value;
        var (started, output) = Launch(arguments, settings);
        using var process = started;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet CharterTracker.dll {string.Join(' ', arguments)} did not end within 60 s:\n{output}");
        }
        process.WaitForExit(); // drains the redirected output
        lock (output) return (process.ExitCode, output.ToString());
    }

    private static (Process, StringBuilder) Launch(IEnumerable<string> arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        process.Start();
        return (process, output);
    }

    /// <summary>A client with the administrator's bearer token.</summary>
    public async Task<HttpClient> AsAdminAsync()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = TestApp.AdminPassword });
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown code runs.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Every process started under this server (Chromium and Playwright's driver), from /proc.</summary>
    public IReadOnlyList<(int Pid, string Command)> Descendants()
    {
        var parents = new Dictionary<int, int>();
        var commands = new Dictionary<int, string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(rest[1]);
                commands[pid] = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        var found = new List<(int, string)>();
        var queue = new Queue<int>([_process.Id]);
        while (queue.TryDequeue(out var parent))
        {
            foreach (var (child, _) in parents.Where(p => p.Value == parent))
            {
                found.Add((child, commands[child]));
                queue.Enqueue(child);
            }
        }
        return found;
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
