using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>The scheduled jobs on the admin pages: the schedule, "Run now" and the run's page.</summary>
public sealed class AdminJobsTests
{
    private TestApp _app = null!;

    [SetUp]
    public async Task Start()
    {
        // 20 October 2024: the agency's three Q1 items (due 15 October) are missed, so the job has something to do.
        _app = await TestApp.StartAsync(TestClock.At(2024, 10, 20));
        await new Given(_app).OfficeAsync("AGENCY");
        await _app.UserAsync("admin.bn", Role.SystemAdmin, null, language: "bn");
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private static string? Status(string html) =>
        Regex.Match(html, "data-figure=\"status\">.*?data-status=\"(\\w+)\"", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Reloads the run's page, as its "Refresh" link does, until the run has finished (at most 30 seconds).</summary>
    private static async Task<string> FinishedAsync(HttpClient client, string url)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var html = await client.PageAsync(url);
            if (Status(html) is "Succeeded" or "Failed") return html;
            if (watch.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"The run did not finish: {Status(html)}");
            await Task.Delay(50);
        }
    }

    [Test]
    public async Task The_jobs_page_lists_every_job_with_its_cron_and_time_zone()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);

        var html = await admin.PageAsync("/admin/jobs");

        Assert.Multiple(() =>
        {
            foreach (var job in new[] { "flag-missed-deadlines", "send-reminders", "deliver-outbox" })
            {
                Assert.That(html, Does.Contain($"<section class=\"job\" data-job=\"{job}\""));
                Assert.That(html, Does.Contain($"action=\"/admin/jobs/{job}/run\""));
            }
            Assert.That(html, Does.Contain("<code>5 0 * * *</code>").And.Contain("Asia/Dhaka"));
            Assert.That(html, Does.Contain("The scheduler is off on this server"), "the tests run without the scheduler: no next fire time");
            Assert.That(html, Does.Contain("Never run"));
        });
    }

    [Test]
    public async Task Run_now_redirects_to_the_runs_page_which_shows_it_Succeeded_with_what_it_processed()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);
        var jobs = await admin.PageAsync("/admin/jobs");

        var response = await admin.PostFormAsync("/admin/jobs/flag-missed-deadlines/run", WebClient.FormToken(jobs), new Dictionary<string, string>());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        Assert.That(location, Does.Match(@"^/admin/jobs/runs/\d+\?saved=job$"));
        var run = await FinishedAsync(admin, location);
        var listed = await admin.PageAsync("/admin/jobs");
        var runId = Regex.Match(location, @"runs/(\d+)").Groups[1].Value;
        Assert.Multiple(() =>
        {
            Assert.That(Status(run), Is.EqualTo("Succeeded"));
            Assert.That(run, Does.Contain("Saved: job started"));
            Assert.That(Regex.Match(run, "data-figure=\"processed\"><dt>[^<]*</dt><dd>(\\d+)</dd>").Groups[1].Value, Is.EqualTo("3"));
            Assert.That(run, Does.Contain("20 October 2024 12:00"), "the times in Dhaka");
            Assert.That(listed, Does.Contain($"<tr data-run=\"{runId}\">"));
            Assert.That(Sql.Count(_app, "MissedFlags"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task The_run_page_in_Bengali_says_the_status_in_Bengali()
    {
        var admin = await _app.SignInOnFormAsync("admin.bn");
        var jobs = await admin.PageAsync("/admin/jobs");

        var response = await admin.PostFormAsync("/admin/jobs/send-reminders/run", WebClient.FormToken(jobs), new Dictionary<string, string>());
        var run = await FinishedAsync(admin, response.Headers.Location!.OriginalString);

        Assert.Multiple(() =>
        {
            Assert.That(Status(run), Is.EqualTo("Succeeded"));
            Assert.That(run, Does.Contain("সফল").And.Contain("২০ অক্টোবর ২০২৪ ১২:০০"));
        });
    }

    [Test]
    public async Task Run_now_without_the_pages_token_or_for_an_unknown_job_runs_nothing()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);
        var jobs = await admin.PageAsync("/admin/jobs");

        var noToken = await admin.PostFormAsync("/admin/jobs/flag-missed-deadlines/run", null, new Dictionary<string, string>());
        var unknown = await admin.PostFormAsync("/admin/jobs/no-such-job/run", WebClient.FormToken(jobs), new Dictionary<string, string>());

        Assert.Multiple(() =>
        {
            Assert.That(noToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Jobs.RunCount(_app), Is.Zero);
        });
    }
}
