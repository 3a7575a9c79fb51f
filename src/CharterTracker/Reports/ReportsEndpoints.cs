using CharterTracker.Activities;
using MediatR;

namespace CharterTracker.Reports;

public static class ReportsEndpoints
{
    public static IEndpointRouteBuilder MapReportsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/offices/{officeId:long}/reports", async (long officeId, SubmitReportCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var report = await mediator.Send(command with { OfficeId = officeId }, ct);
            return Results.Created($"/api/v1/reports/{report.Id}", report);
        }).WithTags("Reports").WithSummary("Record a quarterly implementation or annual progress report submitted to the parent office.");
        app.MapGet("/api/v1/offices/{officeId:long}/reports", (long officeId, string? fiscalYear, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListReportsQuery(officeId, fiscalYear), ct)).WithTags("Reports");
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports");
        reports.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetReportQuery(id), ct));
        reports.MapPut("/{id:long}", (long id, EditReportCommand command, IMediator mediator, CancellationToken ct) => mediator.Send(command with { Id = id }, ct));
        reports.MapRecordLifecycle(RecordKind.Report);
        return app;
    }
}
