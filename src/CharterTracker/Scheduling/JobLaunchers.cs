using System.Threading.Channels;
using Quartz;
using Quartz.Extensibility;

namespace CharterTracker.Scheduling;

/// <summary>Starts a run that was asked for through the API (its <c>JobRuns</c> row is already queued).</summary>
public interface IJobLauncher
{
    /// <summary>"Quartz" or "Background": how this node runs a job asked for.</summary>
    string Mode { get; }

    ValueTask LaunchAsync(ScheduledJob job, long runId, DateTimeOffset asOf, CancellationToken cancellationToken);
}

/// <summary>
/// Scheduler enabled: the run is Quartz's <c>TriggerJob</c>, so it queues behind a run of the same job already under
/// way (<c>[DisallowConcurrentExecution]</c>) and goes through the same middleware as a scheduled fire.
/// </summary>
public sealed class QuartzJobLauncher(ISchedulerFactory schedulers) : IJobLauncher
{
    public string Mode => "Quartz";

    public async ValueTask LaunchAsync(ScheduledJob job, long runId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(job.Key, JobData.For(runId, asOf), cancellationToken);
    }
}

/// <summary>
/// Scheduler disabled (an API-only node, and the tests): runs asked for go through a queue in this process, one at
/// a time, each in a scope of its own acting as the system user, through the same job class and middleware as under
/// Quartz (the job is handed an execution context built by Quartz's <see cref="JobExecutionContextBuilder"/>).
/// </summary>
public sealed class BackgroundJobLauncher(IServiceScopeFactory scopes, JobRunMiddleware middleware, TimeProvider clock, ILogger<BackgroundJobLauncher> logger)
    : BackgroundService, IJobLauncher
{
    private readonly Channel<(ScheduledJob Job, long RunId, DateTimeOffset AsOf)> _queue = Channel.CreateUnbounded<(ScheduledJob, long, DateTimeOffset)>();

    public string Mode => "Background";

    public ValueTask LaunchAsync(ScheduledJob job, long runId, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync((job, runId, asOf), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (job, runId, asOf) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunAsync(job, runId, asOf, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Already recorded in JobRuns by the middleware; the queue goes on with the next run.
                    logger.LogError(error, "Job {Job} run {RunId} failed.", job.Name, runId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(ScheduledJob job, long runId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var instance = (IJob)scope.ServiceProvider.GetRequiredService(job.JobType);
        var detail = JobBuilder.Create().OfType(job.JobType).WithIdentity(job.Key).UsingJobData(JobData.For(runId, asOf)).Build();
        using var context = JobExecutionContextBuilder.For(instance).WithJob(detail).FiredAt(clock.GetUtcNow(), asOf)
            .WithCancellation(cancellationToken).Build();
        await middleware.Invoke(context, (ctx, ct) => instance.Execute(ctx, ct), cancellationToken);
    }
}
