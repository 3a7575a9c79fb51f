using CharterTracker.Scheduling;

namespace CharterTracker.Web;

/// <summary>Every scheduled job with its schedule and recent runs, "Run now", a run's own page, and the link to Hangfire's dashboard.</summary>
public static class JobAdminPages
{
    private const int RecentRuns = 5;

    public static IEndpointRouteBuilder MapJobAdminPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/admin/jobs", async web =>
        {
            AdminPages.Require(web);
            var rows = new List<JobRow>();
            foreach (var job in await web.Mediator.Send(new ListJobsQuery(), web.Aborted))
            {
                rows.Add(new JobRow(job, await web.Mediator.Send(new ListJobRunsQuery(job.Name, RecentRuns), web.Aborted)));
            }
            var model = new JobsModel(rows, web.Calendar.Zone, web.AntiforgeryToken());
            return await web.RenderAsync<JobsPage>(new() { ["Frame"] = web.Frame(web.Text.JobsTitle, "admin"), ["Model"] = model });
        });

        app.MapPagePost("/admin/jobs/{name}/run", async web =>
        {
            AdminPages.Require(web);
            await WebForm.ReadAsync(web);
            var queued = await web.Mediator.Send(new RunJobCommand(AdminPages.RouteText(web, "name")), web.Aborted);
            return Results.Redirect($"/admin/jobs/runs/{AdminPages.Id(queued.RunId)}?saved=job");
        });

        app.MapPage("/admin/jobs/runs/{runId:long}", async web =>
        {
            AdminPages.Require(web);
            var run = await web.Mediator.Send(new GetJobRunQuery(AdminPages.RouteId(web, "runId")), web.Aborted);
            var model = new JobRunModel(run, JobSchedule.Find(run.Job), web.Calendar.Zone);
            return await web.RenderAsync<JobRunPage>(new() { ["Frame"] = web.Frame(web.Text.JobRunTitle(run.Job, run.RunId), "admin"), ["Model"] = model });
        });
        return app;
    }
}
