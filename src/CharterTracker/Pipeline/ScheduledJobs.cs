namespace CharterTracker.Pipeline;

// What a scheduled job is to the feature that owns it; the engine that runs them on their schedule is Scheduling/,
// which names the jobs, so these live below both.

/// <summary>
/// A job: a thin class that sends one idempotent command as the system user. <paramref name="asOf"/> is the instant
/// the command judges by: the moment a run was asked for, or null for a scheduled run (then: now, on the app's clock).
/// The return value is the number of things handled, kept by Hangfire as the run's result.
/// </summary>
public interface ICharterJob
{
    Task<int> RunAsync(DateTimeOffset? asOf, CancellationToken cancellationToken);
}

/// <summary>What a job's command reports back: the number of things it handled.</summary>
public interface IJobOutcome
{
    int Processed { get; }
}
