using Microsoft.Extensions.Options;
using Quartz;

namespace CharterTracker.Scheduling;

/// <summary>
/// Wraps every job execution, scheduled or asked for, with Quartz or without: records the run in <c>JobRuns</c> and,
/// when the job throws, records the failure and tries again after a back-off (<c>Charter:Scheduling:MaxAttempts</c>,
/// <c>RetryDelay</c> doubling). Each attempt is its own row, pointing at the attempt it retries, so a failure stays
/// visible after a later attempt succeeds. Retrying is safe because every job's command is idempotent.
/// Built once per scheduler, so it keeps no per-run state and opens a scope of its own for each write.
/// </summary>
public sealed class JobRunMiddleware(
    IServiceScopeFactory scopes, IOptions<SchedulingOptions> options, IHostApplicationLifetime lifetime, ILogger<JobRunMiddleware> logger)
    : IJobExecutionMiddleware
{
    public async ValueTask Invoke(IJobExecutionContext context, JobExecutionDelegate next, CancellationToken cancellationToken)
    {
        var name = context.JobDetail.Key.Name;
        var triggeredAt = context.QueuedRunId() is null ? context.ScheduledFireTimeUtc ?? context.FireTimeUtc : context.AsOfTime();
        var maxAttempts = Math.Max(1, options.Value.MaxAttempts);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);

        long runId;
        if (context.QueuedRunId() is { } queued)
        {
            runId = queued;
            await Write(store => store.StartAsync(queued, CancellationToken.None));
        }
        else
        {
            runId = await Insert(store => store.StartNewAsync(name, triggeredAt, 1, null, CancellationToken.None));
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                context.Result = null;
                await next(context, cancellationToken);
                var processed = (context.Result as IJobOutcome)?.Processed;
                await Write(store => store.SucceedAsync(runId, processed, CancellationToken.None));
                logger.LogInformation("Job {Job} run {RunId} succeeded: {Processed} processed.", name, runId, processed);
                return;
            }
            catch (Exception error)
            {
                await Write(store => store.FailAsync(runId, error, CancellationToken.None));
                if (attempt >= maxAttempts || stopping.IsCancellationRequested)
                {
                    logger.LogError(error, "Job {Job} run {RunId} failed (attempt {Attempt} of {MaxAttempts}); giving up.", name, runId, attempt, maxAttempts);
                    throw;
                }
                var delay = options.Value.RetryDelay * Math.Pow(2, attempt - 1);
                logger.LogWarning(error, "Job {Job} run {RunId} failed (attempt {Attempt} of {MaxAttempts}); retrying in {Delay}.", name, runId, attempt, maxAttempts, delay);
                try
                {
                    await Task.Delay(delay, stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new JobExecutionException($"Job {name} run {runId} failed and the application is stopping; not retried.", error);
                }
                var retryOf = runId;
                runId = await Insert(store => store.StartNewAsync(name, triggeredAt, attempt + 1, retryOf, CancellationToken.None));
            }
        }
    }

    private async Task Write(Func<JobRunStore, Task> write)
    {
        await using var scope = scopes.CreateAsyncScope();
        await write(scope.ServiceProvider.GetRequiredService<JobRunStore>());
    }

    private async Task<long> Insert(Func<JobRunStore, Task<long>> insert)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await insert(scope.ServiceProvider.GetRequiredService<JobRunStore>());
    }
}
