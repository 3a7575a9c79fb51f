using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using Dapper;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace CharterTracker.Deadlines;

/// <summary>What a notice says about an item.</summary>
public enum NoticeKind
{
    /// <summary>Due within N days (one kind per configured N: <c>Reminder7</c>, <c>Reminder1</c>).</summary>
    Reminder,

    /// <summary>The due day has ended with nothing recorded: to the office's focal points.</summary>
    Overdue,

    /// <summary>Overdue for <c>EscalateAfterDays</c>: to the parent office's focal points and the monitoring committee above.</summary>
    Escalation,
}

/// <summary>
/// Works out, as of <see cref="AsOf"/>, every notice owed and not yet sent — reminders before an item's due date, an
/// overdue notice after it, an escalation after N days overdue — and writes one digest per recipient into the outbox.
/// Recorded items get nothing. Each (recipient, item, kind) is claimed in <c>NotificationsSent</c> in the same
/// transaction as the digest that carries it; its unique key is what stops a second run, or a second node, from
/// sending it again (a unique violation means the other node got there first: the notice is skipped).
/// </summary>
public sealed record SendRemindersCommand : ICommand<RemindersSent>
{
    public DateTimeOffset AsOf { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

/// <param name="Notices">(recipient, item, kind) claimed by this run.</param>
/// <param name="Digests">Outbox messages written: one per recipient with anything new.</param>
/// <param name="Skipped">Notices another run claimed first.</param>
public sealed record RemindersSent(DateOnly Today, int Notices, int Digests, int Skipped) : IJobOutcome
{
    public int Processed => Notices;
}

public sealed class SendRemindersValidator : AbstractValidator<SendRemindersCommand>
{
    public SendRemindersValidator() => RuleFor(c => c.AsOf).NotEqual(default(DateTimeOffset)).WithMessage("The instant to judge by is required.");
}

/// <summary>One notice owed: a recipient, an item of an office, and what to tell them about it.</summary>
public sealed class Notice
{
    public long UserId { get; init; }
    public string DisplayName { get; init; } = "";
    public string? Email { get; init; }
    public string Language { get; init; } = "bn";
    public long OfficeId { get; init; }
    public string OfficeCode { get; init; } = "";
    public string OfficeNameEn { get; init; } = "";
    public string OfficeNameBn { get; init; } = "";
    public string FiscalYear { get; init; } = "";
    public int Quarter { get; init; }
    public string IndicatorCode { get; init; } = "";
    public DateOnly DueOn { get; init; }
    public string Kind { get; init; } = "";
}

public sealed class SendRemindersHandler(DbSession db, FiscalCalendar calendar, TimeProvider clock, IOptions<ReminderOptions> options)
    : IRequestHandler<SendRemindersCommand, RemindersSent>
{
    private const string NoticeColumns = """
        SELECT r.UserId, u.DisplayName, u.Email, u.Language, i.OfficeId, o.Code AS OfficeCode, o.NameEn AS OfficeNameEn, o.NameBn AS OfficeNameBn,
               i.FiscalYear, i.Quarter, i.IndicatorCode, i.DueOn, i.Kind
        """;

    private const string NotYetSent = """
        NOT EXISTS (SELECT 1 FROM NotificationsSent s
                    WHERE s.UserId = r.UserId AND s.OfficeId = i.OfficeId AND s.FiscalYear = i.FiscalYear
                      AND s.Quarter = i.Quarter AND s.IndicatorCode = i.IndicatorCode AND s.Kind = i.Kind)
        """;

    /// <summary>
    /// Escalations: the office's ancestors today (effective-dated placements); the parent's focal points, and the
    /// monitoring committee members of the office itself or any office above it.
    /// </summary>
    private const string EscalationsSql = $"""
        WITH escalated AS (
            SELECT e.OfficeId, e.FiscalYear, e.Quarter, e.IndicatorCode, e.DueOn, 'Escalation' AS Kind
            FROM ExpectedItems e
            WHERE e.RecordedOn IS NULL AND e.DueOn <= @EscalateDueOnOrBefore
        ),
        up (OfficeId, AncestorId, Hops) AS (
            SELECT d.OfficeId, d.OfficeId, 0 FROM (SELECT DISTINCT OfficeId FROM escalated) d
            UNION ALL
            SELECT up.OfficeId, p.ParentId, up.Hops + 1
            FROM up JOIN OfficePlacements p ON p.OfficeId = up.AncestorId AND p.ValidFrom <= @Today AND (p.ValidUntil IS NULL OR p.ValidUntil > @Today)
            WHERE p.ParentId IS NOT NULL AND up.Hops < 50
        ),
        {FocalPoints.OnTodayCte},
        watchers (UserId, OfficeId) AS (
            SELECT f.UserId, up.OfficeId FROM up JOIN focal_points f ON f.OfficeId = up.AncestorId WHERE up.Hops = 1
            UNION
            SELECT u.Id, up.OfficeId FROM up JOIN Users u ON u.OfficeId = up.AncestorId
            WHERE u.Role = 'MonitoringCommittee' AND u.Active = 1
        )
        {NoticeColumns}
        FROM escalated i
        JOIN watchers r ON r.OfficeId = i.OfficeId
        JOIN Users u ON u.Id = r.UserId
        JOIN Offices o ON o.Id = i.OfficeId
        WHERE {NotYetSent}
        """;

    private const string ClaimSql = """
        INSERT INTO NotificationsSent (UserId, OfficeId, FiscalYear, Quarter, IndicatorCode, Kind, SentAtUtc)
        SELECT @UserId, @OfficeId, @FiscalYear, @Quarter, @IndicatorCode, @Kind, @Now
        WHERE NOT EXISTS (SELECT 1 FROM NotificationsSent s
                          WHERE s.UserId = @UserId AND s.OfficeId = @OfficeId AND s.FiscalYear = @FiscalYear
                            AND s.Quarter = @Quarter AND s.IndicatorCode = @IndicatorCode AND s.Kind = @Kind)
        """;

    public async Task<RemindersSent> Handle(SendRemindersCommand command, CancellationToken cancellationToken)
    {
        var today = calendar.DayOf(command.AsOf);
        var now = clock.GetUtcNow().UtcDateTime;
        var (remindersSql, remindParameters) = FocalPointNoticesSql(today);
        var owed = new List<Notice>(await db.QueryAsync<Notice>(remindersSql, remindParameters, cancellationToken));
        owed.AddRange(await db.QueryAsync<Notice>(EscalationsSql,
            new { Today = today, EscalateDueOnOrBefore = today.AddDays(-Math.Max(0, options.Value.EscalateAfterDays)) }, cancellationToken));

        var claimed = new List<Notice>();
        var skipped = 0;
        foreach (var notice in owed.OrderBy(n => n.UserId).ThenBy(n => n.DueOn))
        {
            try
            {
                var inserted = await db.ExecuteAsync(ClaimSql, new
                {
                    notice.UserId, notice.OfficeId, notice.FiscalYear, notice.Quarter, notice.IndicatorCode, notice.Kind, Now = now,
                }, cancellationToken);
                if (inserted == 1) claimed.Add(notice);
                else skipped++;
            }
            catch (Exception error) when (UniqueViolation.Is(error))
            {
                // Another node claimed this notice between our read and our insert, and sends it in its own digest.
                skipped++;
            }
        }

        var digests = claimed.GroupBy(n => n.UserId).Select(group => Digest.Write(group.ToList(), today, now)).ToList();
        await db.ExecuteAsync(
            """
            INSERT INTO Outbox (UserId, Email, Subject, Body, CreatedAtUtc, Attempts, NextAttemptAtUtc, FailedPermanently)
            VALUES (@UserId, @Email, @Subject, @Body, @CreatedAtUtc, 0, @NextAttemptAtUtc, 0)
            """, digests, cancellationToken);
        return new RemindersSent(today, claimed.Count, digests.Count, skipped);
    }

    /// <summary>
    /// Reminders and overdue notices to the office's own focal points. The kind of an item is decided by its due date
    /// alone: overdue once its day has ended; else the nearest reminder window it is in (with [7, 1]: Reminder1 when due
    /// today or tomorrow, Reminder7 when due in 2..7 days). Days to go only shrink, so a later kind never precedes an
    /// earlier one, and an item first seen inside the 1-day window gets only that reminder.
    /// </summary>
    private (string Sql, DynamicParameters Parameters) FocalPointNoticesSql(DateOnly today)
    {
        var windows = options.Value.DaysBefore.Where(d => d >= 0).Distinct().Order().ToList();
        var parameters = new DynamicParameters();
        parameters.Add("Today", today);
        parameters.Add("RemindUntil", today.AddDays(windows.LastOrDefault()));
        var cases = new List<string> { "WHEN e.DueOn < @Today THEN 'Overdue'" };
        for (var i = 0; i < windows.Count; i++)
        {
            parameters.Add($"Until{i}", today.AddDays(windows[i]));
            parameters.Add($"Kind{i}", Digest.ReminderKind(windows[i]));
            cases.Add($"WHEN e.DueOn <= @Until{i} THEN @Kind{i}");
        }
        var sql = $"""
            WITH owed AS (
                SELECT e.OfficeId, e.FiscalYear, e.Quarter, e.IndicatorCode, e.DueOn,
                       CASE {string.Join(" ", cases)} END AS Kind
                FROM ExpectedItems e
                WHERE e.RecordedOn IS NULL AND e.DueOn <= @RemindUntil
            ),
            {FocalPoints.OnTodayCte}
            {NoticeColumns}
            FROM owed i
            JOIN focal_points r ON r.OfficeId = i.OfficeId
            JOIN Users u ON u.Id = r.UserId
            JOIN Offices o ON o.Id = i.OfficeId
            WHERE i.Kind IS NOT NULL AND {NotYetSent}
            """;
        return (sql, parameters);
    }
}
