using MediatR;

namespace CharterTracker.Scheduling;

public static class JobsEndpoints
{
    public static IEndpointRouteBuilder MapJobsEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/admin/jobs").WithTags("Jobs");
        jobs.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListJobsQuery(), ct))
            .WithSummary("Every scheduled job with its cron, time zone, next fire and last run (SystemAdmin).");
        jobs.MapPost("/{name}/run", async (string name, IMediator mediator, IJobLauncher launcher, CancellationToken ct) =>
            {
                var queued = await mediator.Send(new RunJobCommand(name), ct);
                // After the command committed, so the run's row exists before anything can pick the run up.
                await launcher.LaunchAsync(queued.Job, queued.RunId, queued.TriggeredAt, CancellationToken.None);
                return Results.Accepted($"/api/v1/admin/jobs/runs/{queued.RunId}", new { runId = queued.RunId });
            })
            .WithSummary("Run a job now (SystemAdmin): 202 with the run's id; through Quartz when this node runs the scheduler, else in a background queue.");
        jobs.MapGet("/{name}/runs", (string name, int? take, IMediator mediator, CancellationToken ct) => mediator.Send(new ListJobRunsQuery(name, take ?? 10), ct))
            .WithSummary("A job's latest runs, newest first (SystemAdmin).");
        jobs.MapGet("/runs/{runId:long}", (long runId, IMediator mediator, CancellationToken ct) => mediator.Send(new GetJobRunQuery(runId), ct))
            .WithSummary("A run's status (Queued, Running, Succeeded, Failed), times, items processed and error.");
        return app;
    }
}
