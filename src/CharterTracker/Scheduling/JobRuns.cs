using CharterTracker.Data;

namespace CharterTracker.Scheduling;

public enum JobRunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>A row of <c>JobRuns</c> as the API shows it.</summary>
public sealed record JobRun
{
    public long RunId { get; init; }
    public string Job { get; init; } = "";
    public JobRunStatus Status { get; init; }
    public DateTime TriggeredAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public int? Processed { get; init; }
    public string? Error { get; init; }

    /// <summary>1 for the first try of a run; a retry is a new row with the next number.</summary>
    public int Attempt { get; init; }

    public long? RetryOfRunId { get; init; }

    /// <summary>The retry of this attempt, when it failed and was tried again.</summary>
    public long? RetriedByRunId { get; init; }

    /// <summary>The machine that ran it.</summary>
    public string? Node { get; init; }

    public const string Select = """
        SELECT r.Id AS RunId, r.JobName AS Job, r.Status, r.TriggeredAtUtc AS TriggeredAt, r.StartedAtUtc AS StartedAt,
               r.FinishedAtUtc AS FinishedAt, r.Processed, r.Error, r.Attempt, r.RetryOfRunId,
               (SELECT MIN(n.Id) FROM JobRuns n WHERE n.RetryOfRunId = r.Id) AS RetriedByRunId, r.Node
        FROM JobRuns r
        """;
}

/// <summary>
/// Writes <c>JobRuns</c>. Used inside a command's transaction (queueing a run) and, by the run middleware, through
/// a scope of its own, outside any job's transaction, so that a failure stays recorded after the job's rollback.
/// </summary>
public sealed class JobRunStore(DbSession db, TimeProvider clock)
{
    private static readonly string Node = Environment.MachineName;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<long> QueueAsync(string jobName, DateTimeOffset triggeredAt, CancellationToken cancellationToken) =>
        db.InsertAsync(
            "INSERT INTO JobRuns (JobName, TriggeredAtUtc, Status, Attempt) VALUES (@jobName, @TriggeredAt, @Status, 1)",
            new { jobName, TriggeredAt = triggeredAt.UtcDateTime, Status = nameof(JobRunStatus.Queued) }, cancellationToken);

    /// <summary>A run that nobody queued (a scheduled fire), or the next attempt of one that failed: running from now.</summary>
    public Task<long> StartNewAsync(string jobName, DateTimeOffset triggeredAt, int attempt, long? retryOf, CancellationToken cancellationToken) =>
        db.InsertAsync(
            "INSERT INTO JobRuns (JobName, TriggeredAtUtc, StartedAtUtc, Status, Attempt, RetryOfRunId, Node) VALUES (@jobName, @TriggeredAt, @Now, @Status, @attempt, @retryOf, @Node)",
            new { jobName, TriggeredAt = triggeredAt.UtcDateTime, Now, Status = nameof(JobRunStatus.Running), attempt, retryOf, Node }, cancellationToken);

    public Task StartAsync(long runId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE JobRuns SET Status = @Status, StartedAtUtc = @Now, Node = @Node WHERE Id = @runId",
            new { runId, Status = nameof(JobRunStatus.Running), Now, Node }, cancellationToken);

    public Task SucceedAsync(long runId, int? processed, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE JobRuns SET Status = @Status, FinishedAtUtc = @Now, Processed = @processed, Error = NULL WHERE Id = @runId",
            new { runId, Status = nameof(JobRunStatus.Succeeded), Now, processed }, cancellationToken);

    public Task FailAsync(long runId, Exception error, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE JobRuns SET Status = @Status, FinishedAtUtc = @Now, Error = @Error WHERE Id = @runId",
            new { runId, Status = nameof(JobRunStatus.Failed), Now, Error = Describe(error) }, cancellationToken);

    public Task<JobRun?> FindAsync(long runId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<JobRun>(JobRun.Select + " WHERE r.Id = @runId", new { runId }, cancellationToken);

    /// <summary>The latest attempt of each job.</summary>
    public Task<IReadOnlyList<JobRun>> LatestAsync(CancellationToken cancellationToken) =>
        db.QueryAsync<JobRun>(JobRun.Select + " WHERE r.Id IN (SELECT MAX(Id) FROM JobRuns GROUP BY JobName)", cancellationToken: cancellationToken);

    public Task<IReadOnlyList<JobRun>> RecentAsync(string jobName, int take, CancellationToken cancellationToken) =>
        db.QueryAsync<JobRun>(Recent.Replace("{select}", JobRun.Select), new { jobName, take }, cancellationToken);

    private static readonly SqlText Recent = new(
        Sqlite: "{select} WHERE r.JobName = @jobName ORDER BY r.Id DESC LIMIT @take",
        SqlServer: "{select} WHERE r.JobName = @jobName ORDER BY r.Id DESC OFFSET 0 ROWS FETCH NEXT @take ROWS ONLY");

    private static string Describe(Exception error)
    {
        var text = $"{error.GetType().Name}: {error.Message}";
        return text.Length > 2000 ? text[..2000] : text;
    }
}
