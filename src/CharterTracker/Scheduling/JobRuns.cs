using System.Globalization;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;

namespace CharterTracker.Scheduling;

public enum JobRunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>A run of a job as the API shows it: one Hangfire background job, its retries included.</summary>
public sealed record JobRun
{
    /// <summary>The Hangfire job id (an integer on every storage we use).</summary>
    public long RunId { get; init; }
    public string Job { get; init; } = "";
    public JobRunStatus Status { get; init; }

    /// <summary>The instant the run judges by: when it was asked for, or when the scheduler created it.</summary>
    public DateTime TriggeredAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public int? Processed { get; init; }

    /// <summary>The latest failed attempt's exception, kept after a later attempt succeeds (so a failure stays visible).</summary>
    public string? Error { get; init; }

    /// <summary>1 for the first try; Hangfire's retries count on.</summary>
    public int Attempt { get; init; }

    /// <summary>The Hangfire server (node) that ran the latest attempt.</summary>
    public string? Node { get; init; }
}

/// <summary>
/// Job runs live in Hangfire's storage only (db 0009 dropped the old <c>JobRuns</c> table), so the API, the admin pages
/// and the dashboard show one truth. This filter adds what the API needs that Hangfire does not index: each job's
/// latest runs, as a list per job written in the same storage transaction that creates the run; and it sets how long
/// finished runs are kept.
/// </summary>
public sealed class JobRunBook(TimeSpan history) : IApplyStateFilter
{
    /// <summary>Runs listed per job (older runs stay reachable by id until they expire).</summary>
    public const int Kept = 100;

    public static string ListKey(ScheduledJob job) => "charter:runs:" + job.Name;

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        context.JobExpirationTimeout = history;
        if (context.OldStateName is null && JobSchedule.For(context.BackgroundJob.Job?.Type) is { } job)
        {
            transaction.InsertToList(ListKey(job), context.BackgroundJob.Id);
            transaction.TrimList(ListKey(job), 0, Kept - 1);
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}

/// <summary>Reads runs back from Hangfire's storage (the monitoring API the dashboard uses) and enqueues runs asked for.</summary>
public sealed class JobRunStore(JobStorage storage, IBackgroundJobClient client)
{
    /// <summary>Enqueues a run of the job now, judged as of <paramref name="asOf"/>; its id is the run's id.</summary>
    public long Enqueue(ScheduledJob job, DateTimeOffset asOf) =>
        long.Parse(client.Create(job.Call(asOf.ToUniversalTime()), new EnqueuedState { Reason = "Run now" }), CultureInfo.InvariantCulture);

    public JobRun? Find(long runId)
    {
        var id = runId.ToString(CultureInfo.InvariantCulture);
        try
        {
            var details = storage.GetMonitoringApi().JobDetails(id);
            if (details is null || JobSchedule.For(details.Job?.Type) is not { } job) return null;
            using var connection = storage.GetConnection();
            return Describe(runId, job, details, connection.GetStateData(id));
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            return null; // an id no storage of ours could have issued (SQLite's are 32-bit)
        }
    }

    public IReadOnlyList<JobRun> Recent(ScheduledJob job, int take)
    {
        using var connection = storage.GetConnection();
        var ids = connection is JobStorageConnection listing ? listing.GetRangeFromList(JobRunBook.ListKey(job), 0, take - 1) : [];
        return ids.Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var runId) ? Find(runId) : null)
            .OfType<JobRun>().ToList();
    }

    /// <summary>Every recurring job the storage holds, by id (the schedule's job names).</summary>
    public IReadOnlyDictionary<string, RecurringJobDto> Recurring()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
    }

    private static JobRun Describe(long runId, ScheduledJob job, JobDetailsDto details, StateData? state)
    {
        // The history is newest first, but Hangfire's storages differ in how they order states written in the same
        // instant (a failure and the retry it elects), so the current state comes from the job itself and each state
        // of the history is looked up by name.
        var history = details.History ?? [];
        var current = history.FirstOrDefault(entry => entry.StateName == state?.Name);
        var processing = history.FirstOrDefault(state => state.StateName == ProcessingState.StateName);
        var failure = history.FirstOrDefault(state => state.StateName == FailedState.StateName);
        var status = state?.Name switch
        {
            var name when name == ProcessingState.StateName => JobRunStatus.Running,
            var name when name == SucceededState.StateName => JobRunStatus.Succeeded,
            var name when name == FailedState.StateName || name == DeletedState.StateName => JobRunStatus.Failed,
            _ => JobRunStatus.Queued, // Enqueued, Scheduled (a retry waiting for its delay), Awaiting
        };
        var asked = details.Job?.Args.FirstOrDefault() is DateTimeOffset asOf ? asOf.UtcDateTime : (DateTime?)null;
        var retries = details.Properties is { } properties && properties.TryGetValue("RetryCount", out var count) ? count : null;
        return new JobRun
        {
            RunId = runId,
            Job = job.Name,
            Status = status,
            TriggeredAt = asked ?? Utc(details.CreatedAt ?? current?.CreatedAt ?? DateTime.UtcNow),
            StartedAt = processing is null ? null : Utc(processing.CreatedAt),
            FinishedAt = status is JobRunStatus.Succeeded or JobRunStatus.Failed && current is not null ? Utc(current.CreatedAt) : null,
            Processed = status == JobRunStatus.Succeeded && int.TryParse(state!.Data is { } result && result.TryGetValue("Result", out var value) ? value : null, NumberStyles.Integer, CultureInfo.InvariantCulture, out var processed) ? processed : null,
            Error = failure is null ? null : $"{Data(failure, "ExceptionType")}: {Data(failure, "ExceptionMessage")}",
            Attempt = 1 + (int.TryParse(retries?.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var retried) ? retried : 0),
            Node = Data(processing, "ServerId"),
        };
    }

    private static string? Data(StateHistoryDto? state, string key) =>
        state?.Data is { } data && data.TryGetValue(key, out var value) ? value : null;

    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
