using System.Globalization;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Auditing;

/// <summary>The audit log is read, never changed: these routes only GET (a test holds every audit route to that).</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", (long? officeId, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListAuditEntriesQuery(officeId, limit ?? 100), ct))
            .WithTags("Auditing").WithSummary("Who did what, when, with what outcome: newest first.");
        app.MapGet("/api/v1/offices/{id:long}/audit.csv", async (long id, DateOnly? from, DateOnly? to, IMediator mediator, CancellationToken ct) =>
            {
                var rows = await mediator.Send(new ExportAuditLogQuery(id, from, to), ct);
                var name = string.Create(CultureInfo.InvariantCulture, $"audit-{id}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv");
                return CsvTable.File(AuditCsv.Of(rows), name);
            })
            .WithTags("Auditing")
            .WithSummary("The audit log of the office's subtree (the tree as it stands today) from one day to another (inclusive, "
                         + "the deployment's time zone), as CSV, oldest first; for the monitoring committee and the administrator.");
        return app;
    }
}
