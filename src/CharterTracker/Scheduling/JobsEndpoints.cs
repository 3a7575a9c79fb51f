using MediatR;

namespace CharterTracker.Scheduling;

public static class JobsEndpoints
{
    public static IEndpointRouteBuilder MapJobsEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/admin/jobs").WithTags("Jobs");
        jobs.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListJobsQuery(), ct))
            .WithSummary("Every scheduled job with its cron, time zone, next fire and last run (SystemAdmin).");
        jobs.MapPost("/{name}/run", async (string name, IMediator mediator, CancellationToken ct) =>
            {
                var queued = await mediator.Send(new RunJobCommand(name), ct);
                return Results.Accepted($"/api/v1/admin/jobs/runs/{queued.RunId}", new { runId = queued.RunId });
            })
            .WithSummary("Run a job now (SystemAdmin): 202 with the run's id; the run is enqueued in the job storage for the job server.");
        jobs.MapGet("/{name}/runs", (string name, int? take, IMediator mediator, CancellationToken ct) => mediator.Send(new ListJobRunsQuery(name, take ?? 10), ct))
            .WithSummary("A job's latest runs, newest first (SystemAdmin).");
        jobs.MapGet("/runs/{runId:long}", (long runId, IMediator mediator, CancellationToken ct) => mediator.Send(new GetJobRunQuery(runId), ct))
            .WithSummary("A run's status (Queued, Running, Succeeded, Failed), times, items processed, attempt and latest error.");
        return app;
    }
}
