namespace CharterTracker.Scheduling;

/// <summary><c>Charter:Scheduling</c>: whether this node runs the job server, how a failed run is retried, and the job storage.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>
    /// This node runs the Hangfire job server and keeps the recurring jobs of <see cref="JobSchedule"/> registered.
    /// Off on SQL Server: a web-only node; "run now" still enqueues into the shared storage, and a node with the server
    /// runs it. Off on SQLite (one node only): nothing fires on a schedule (the recurring jobs are removed from the
    /// storage), but this node's server still works the queue, so "run now" works.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many times one run is tried in all before it stays Failed (Hangfire's <c>AutomaticRetry</c> gets one less).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry; it doubles for each further one (whole seconds).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the server looks for work: the SQLite queue (Hangfire.Storage.SQLite polls; its default is 15 s, which
    /// makes "run now" feel broken) and the delayed retries (Hangfire's own default is also 15 s). 2 s costs a few
    /// indexed reads of a small file per second. SQL Server's queue needs no polling setting (Hangfire's default).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Worker threads of the job server: one per job of the schedule, so a long run of one job never delays another.
    /// Two runs of the same job never overlap anyway (<c>DisableConcurrentExecution</c>).
    /// </summary>
    public int Workers { get; set; } = 3;

    /// <summary>
    /// How long finished runs (Succeeded, Deleted) stay in the job storage, visible in the API, the admin pages and the
    /// dashboard. Failed runs stay until someone retries or deletes them in the dashboard. Hangfire's default is one day.
    /// </summary>
    public TimeSpan History { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The Hangfire SQLite file; empty: <c>hangfire.db</c> beside the application's SQLite file. Never the application's own file.</summary>
    public string? SqliteFile { get; set; }

    /// <summary>
    /// SQLite storage only: a job fetched from the queue and not finished within this time is handed to a worker again
    /// (Hangfire.Storage.SQLite has no heartbeat for a running job; its default is 30 minutes). That is how a run cut off
    /// by a crash is run again after a restart; a run still going after it would be started a second time, wait for the
    /// first (the job's lock) and find nothing left to do. Our runs take seconds; one hour leaves ample room.
    /// </summary>
    public TimeSpan SqliteInvisibilityTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>SQL Server storage: the schema of Hangfire's tables in the application's database, installed by the <c>migrate</c> verb.</summary>
    public string SqlServerSchema { get; set; } = "HangFire";
}
