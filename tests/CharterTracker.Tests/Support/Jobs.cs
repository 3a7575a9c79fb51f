using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CharterTracker.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CharterTracker.Tests.Support;

/// <summary>Job runs as the tests see them: through the API, and counted in the app's job storage (Hangfire's).</summary>
public static class Jobs
{
    /// <summary>Every run of every job in the app's job storage.</summary>
    public static int RunCount(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        var runs = scope.ServiceProvider.GetRequiredService<JobRunStore>();
        return JobSchedule.All.Sum(job => runs.Recent(job, JobRunBook.Kept).Count);
    }

    /// <summary>POST run-now: 202 with a Location and the run's id.</summary>
    public static async Task<long> RunAsync(HttpClient admin, string job)
    {
        var accepted = await admin.PostAsync($"/api/v1/admin/jobs/{job}/run", null);
        Assert.That(accepted.Headers.Location?.ToString(), Does.StartWith("/api/v1/admin/jobs/runs/"));
        return (await accepted.JsonAsync(HttpStatusCode.Accepted)).GetProperty("runId").GetInt64();
    }

    /// <summary>Polls the run until <paramref name="done"/> holds (default: Succeeded or Failed, which is final), for at most 30 seconds.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient admin, long runId, Func<JsonElement, bool>? done = null)
    {
        done ??= run => run.Str("status") is "Succeeded" or "Failed";
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var run = await admin.GetJsonAsync($"/api/v1/admin/jobs/runs/{runId}");
            if (done(run)) return run;
            if (watch.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"Run {runId} did not get there: {run}");
            await Task.Delay(50);
        }
    }
}
