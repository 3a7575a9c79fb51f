using System.Globalization;
using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Auditing;

/// <summary>
/// Every audit row of an office's subtree in a period, oldest first, for the committee's auditors: the monitoring
/// committee (or an administrator) whose subtree holds the office. Rows name the office the command concerned; a
/// row without an office (an administrator's change of a user without one) belongs to no subtree.
/// </summary>
public sealed record ExportAuditLogQuery(long OfficeId, DateOnly? From, DateOnly? To) : IQuery<IReadOnlyList<AuditExportRow>>
{
    /// <summary>At most a year and a day per export: the whole file is built in memory.</summary>
    public const int MaxDays = 366;

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Oversee(OfficeId)];
}

public sealed record AuditExportRow
{
    public long Id { get; init; }
    public DateTime OccurredAtUtc { get; init; }
    public string Username { get; init; } = "";
    public string Action { get; init; } = "";
    public long OfficeId { get; init; }
    public string OfficeCode { get; init; } = "";
    public long? EntityId { get; init; }
    public AuditOutcome Outcome { get; init; }
    public string? Detail { get; init; }
    public string Payload { get; init; } = "";
}

public sealed class ExportAuditLogValidator : AbstractValidator<ExportAuditLogQuery>
{
    public ExportAuditLogValidator()
    {
        RuleFor(q => q.From).NotNull().WithMessage(_ => Say.Text("শুরুর তারিখ (from, YYYY-MM-DD) দিতে হবে।", "The first day (from, YYYY-MM-DD) is required."));
        RuleFor(q => q.To).NotNull().WithMessage(_ => Say.Text("শেষ তারিখ (to, YYYY-MM-DD) দিতে হবে।", "The last day (to, YYYY-MM-DD) is required."))
            .Must((q, to) => q.From is null || to is null || to >= q.From)
            .WithMessage(_ => Say.Text("শেষ তারিখ শুরুর তারিখের আগে হতে পারে না।", "The last day cannot be before the first."))
            .Must((q, to) => q.From is null || to is null || to.Value.DayNumber - q.From.Value.DayNumber < ExportAuditLogQuery.MaxDays)
            .WithMessage(_ => Say.Text($"একবারে সর্বোচ্চ {BengaliDigits.ToBengali(ExportAuditLogQuery.MaxDays)} দিন।", $"At most {ExportAuditLogQuery.MaxDays} days at a time."));
    }
}

public sealed class ExportAuditLogHandler(DbSession db, FiscalCalendar calendar) : IRequestHandler<ExportAuditLogQuery, IReadOnlyList<AuditExportRow>>
{
    public async Task<IReadOnlyList<AuditExportRow>> Handle(ExportAuditLogQuery query, CancellationToken cancellationToken)
    {
        var root = await db.QuerySingleOrDefaultAsync<string>("SELECT Path FROM Offices WHERE Id = @OfficeId", query, cancellationToken)
            ?? throw new NotFoundException($"Office {query.OfficeId} does not exist.");
        var parameters = new Dapper.DynamicParameters();
        var subtree = OfficeTree.InSubtreesToday([(query.OfficeId, root)], calendar.Today, parameters);
        // The period's days in the deployment's zone, as UTC instants: from the first day's midnight to the one after the last day.
        parameters.Add("FromUtc", calendar.EndOfDay(query.From!.Value.AddDays(-1)).UtcDateTime);
        parameters.Add("ToUtc", calendar.EndOfDay(query.To!.Value).UtcDateTime);
        var rows = $"""
            SELECT a.Id, a.OccurredAtUtc, a.Username, a.Action, a.OfficeId, o.Code AS OfficeCode, a.EntityId, a.Outcome, a.Detail, a.Payload
            FROM AuditLog a JOIN Offices o ON o.Id = a.OfficeId
            WHERE a.OccurredAtUtc >= @FromUtc AND a.OccurredAtUtc < @ToUtc AND {subtree.Condition}
            ORDER BY a.Id
            """;
        return await db.QueryAsync<AuditExportRow>(subtree.Prefix(new SqlText(rows, rows)), parameters, cancellationToken);
    }
}

/// <summary>The export's CSV: the dashboard's writer (a cell that would start a formula is neutralised), instants in UTC.</summary>
public static class AuditCsv
{
    public static string Of(IEnumerable<AuditExportRow> rows)
    {
        var csv = new CsvTable();
        csv.Line("id", "occurredAtUtc", "username", "action", "officeId", "officeCode", "entityId", "outcome", "detail", "payload");
        foreach (var row in rows)
        {
            csv.Line(Int(row.Id), row.OccurredAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), row.Username, row.Action,
                Int(row.OfficeId), row.OfficeCode, row.EntityId is { } entity ? Int(entity) : "", row.Outcome.ToString(), row.Detail, row.Payload);
        }
        return csv.ToString();
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
