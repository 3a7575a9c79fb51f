namespace CharterTracker.Scheduling;

/// <summary><c>Charter:Scheduling</c>: whether this node runs the schedule, and how a failed run is retried.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>
    /// Runs the Quartz scheduler on this node. Off: an API-only node; <c>POST /api/v1/admin/jobs/{name}/run</c> still
    /// works there, running the job in this process's background queue instead of through Quartz.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Run <c>flag-missed-deadlines</c> once when the scheduler starts, so a node that was down at 00:05 catches up at once.</summary>
    public bool RunAtStartup { get; set; } = true;

    /// <summary>How many times one run is tried in all before it stays Failed (each try is its own <c>JobRuns</c> row).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry; it doubles for each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
