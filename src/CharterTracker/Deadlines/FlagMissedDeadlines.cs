using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Deadlines;

/// <summary>
/// The nightly sweep: every expected item whose due day has ended (in the deployment's zone) as of <see cref="AsOf"/>
/// with nothing recorded gets a persistent Missed flag; a flag whose item has been recorded since is resolved (the
/// item is Late). Works out everything owed from the data, whatever the last run was, so a run after days or months
/// of downtime catches up every past period; a second run changes nothing. Three set-based statements, whatever the
/// number of offices.
/// </summary>
public sealed record FlagMissedDeadlinesCommand : ICommand<MissedDeadlinesSwept>
{
    public DateTimeOffset AsOf { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

/// <param name="Today">The calendar day of the sweep in the deployment's zone: items due before it are past due.</param>
/// <param name="Flagged">Items newly flagged Missed.</param>
/// <param name="Resolved">Flags whose item was recorded since (now Late), or recorded on another day than the flag said.</param>
/// <param name="Reopened">Resolved flags whose record was withdrawn: Missed again.</param>
public sealed record MissedDeadlinesSwept(DateOnly Today, int Flagged, int Resolved, int Reopened) : IJobOutcome
{
    public int Processed => Flagged + Resolved + Reopened;
}

public sealed class FlagMissedDeadlinesValidator : AbstractValidator<FlagMissedDeadlinesCommand>
{
    public FlagMissedDeadlinesValidator() => RuleFor(c => c.AsOf).NotEqual(default(DateTimeOffset)).WithMessage("The instant to judge by is required.");
}

public sealed class FlagMissedDeadlinesHandler(DbSession db, FiscalCalendar calendar, TimeProvider clock)
    : IRequestHandler<FlagMissedDeadlinesCommand, MissedDeadlinesSwept>
{
    private const string SameItem = "e.OfficeId = f.OfficeId AND e.FiscalYear = f.FiscalYear AND e.Quarter = f.Quarter AND e.IndicatorCode = f.IndicatorCode";

    /// <summary>A record logged since the flag: the flag keeps the day it was recorded (the item is Late).</summary>
    private const string ResolveSql = $"""
        UPDATE MissedFlags SET ResolvedOn = (
            SELECT e.RecordedOn FROM ExpectedItems e WHERE {SameItemOfTarget})
        WHERE EXISTS (
            SELECT 1 FROM ExpectedItems e
            WHERE {SameItemOfTarget} AND e.RecordedOn IS NOT NULL
              AND (MissedFlags.ResolvedOn IS NULL OR MissedFlags.ResolvedOn <> e.RecordedOn))
        """;

    /// <summary>The record that resolved a flag was withdrawn: nothing counts for the item any more, it is Missed again.</summary>
    private const string ReopenSql = $"""
        UPDATE MissedFlags SET ResolvedOn = NULL
        WHERE ResolvedOn IS NOT NULL
          AND EXISTS (SELECT 1 FROM ExpectedItems e WHERE {SameItemOfTarget} AND e.RecordedOn IS NULL)
        """;

    private const string SameItemOfTarget =
        "e.OfficeId = MissedFlags.OfficeId AND e.FiscalYear = MissedFlags.FiscalYear AND e.Quarter = MissedFlags.Quarter AND e.IndicatorCode = MissedFlags.IndicatorCode";

    /// <summary>
    /// Idempotent by the item key. On SQL Server the existence check takes range locks (UPDLOCK, HOLDLOCK), so two nodes
    /// sweeping at once queue instead of both inserting; SQLite's write transaction already serialises them.
    /// </summary>
    private static readonly SqlText FlagSql = new(
        Sqlite: $"""
            INSERT INTO MissedFlags (OfficeId, FiscalYear, Quarter, IndicatorCode, DueOn, FlaggedAtUtc)
            SELECT e.OfficeId, e.FiscalYear, e.Quarter, e.IndicatorCode, e.DueOn, @Now
            FROM ExpectedItems e
            WHERE e.DueOn < @Today AND e.RecordedOn IS NULL
              AND NOT EXISTS (SELECT 1 FROM MissedFlags f WHERE {SameItem})
            """,
        SqlServer: $"""
            INSERT INTO MissedFlags (OfficeId, FiscalYear, Quarter, IndicatorCode, DueOn, FlaggedAtUtc)
            SELECT e.OfficeId, e.FiscalYear, e.Quarter, e.IndicatorCode, e.DueOn, @Now
            FROM ExpectedItems e
            WHERE e.DueOn < @Today AND e.RecordedOn IS NULL
              AND NOT EXISTS (SELECT 1 FROM MissedFlags f WITH (UPDLOCK, HOLDLOCK) WHERE {SameItem})
            """);

    public async Task<MissedDeadlinesSwept> Handle(FlagMissedDeadlinesCommand command, CancellationToken cancellationToken)
    {
        var today = calendar.DayOf(command.AsOf);
        var resolved = await db.ExecuteAsync(ResolveSql, cancellationToken: cancellationToken);
        var reopened = await db.ExecuteAsync(ReopenSql, cancellationToken: cancellationToken);
        var flagged = await db.ExecuteAsync(FlagSql, new { Today = today, Now = clock.GetUtcNow().UtcDateTime }, cancellationToken);
        return new MissedDeadlinesSwept(today, flagged, resolved, reopened);
    }
}

public static class DeadlineCalendar
{
    /// <summary>The calendar day an instant falls on in the deployment's zone. A due date D has passed once this is after D.</summary>
    public static DateOnly DayOf(this FiscalCalendar calendar, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, calendar.Zone).DateTime);
}
