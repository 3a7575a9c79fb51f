using System.Globalization;
using Quartz;

namespace CharterTracker.Scheduling;

/// <summary>
/// What a run asked for through the API carries into the job: the <c>JobRuns</c> row already queued for it, and the
/// instant it was asked for (the "as of" of its command). Strings, so that a persistent job store could keep them.
/// </summary>
public static class JobData
{
    public const string RunId = "charter.runId";
    public const string AsOf = "charter.asOf";

    public static JobDataMap For(long runId, DateTimeOffset asOf) => new()
    {
        [RunId] = runId.ToString(CultureInfo.InvariantCulture),
        [AsOf] = asOf.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>The instant the job's command judges by: the requested time of a run asked for, else the scheduled fire time.</summary>
    public static DateTimeOffset AsOfTime(this IJobExecutionContext context) =>
        context.MergedJobDataMap.TryGetValue(AsOf, out var value) && value is string text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;

    /// <summary>The queued <c>JobRuns</c> row of a run asked for through the API; null for a scheduled fire.</summary>
    public static long? QueuedRunId(this IJobExecutionContext context) =>
        context.MergedJobDataMap.TryGetValue(RunId, out var value) && value is string text
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}

/// <summary>What a job's command reports back: the number of things it handled, kept in <c>JobRuns.Processed</c>.</summary>
public interface IJobOutcome
{
    int Processed { get; }
}
