using MediatR;

namespace CharterTracker.SpotChecks;

public static class SpotChecksEndpoints
{
    public static IEndpointRouteBuilder MapSpotChecksEndpoints(this IEndpointRouteBuilder app)
    {
        var offices = app.MapGroup("/api/v1/offices/{id:long}").WithTags("Spot checks");
        offices.MapPost("/spot-checks", async (long id, DrawSpotCheckCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var check = await mediator.Send(command with { OfficeId = id }, ct);
                return Results.Created($"/api/v1/spot-checks/{check.Id}", check);
            })
            .WithSummary("The monitoring committee draws a quarter's sample of services from the latest published charters of its subtree (seed stored).");
        offices.MapGet("/spot-checks", (long id, string? fiscalYear, IMediator mediator, CancellationToken ct) => mediator.Send(new ListSpotChecksQuery(id, fiscalYear), ct))
            .WithSummary("The spot checks of a fiscal year drawn in the office's subtree.");
        offices.MapGet("/spot-checks/findings", (long id, string? fiscalYear, int? quarter, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetSpotCheckFindingsQuery(id, fiscalYear ?? "", quarter ?? 0), ct))
            .WithSummary("A quarter's findings by checked office, and the monitoring reports the office issued for the year (two are due).");

        var checks = app.MapGroup("/api/v1/spot-checks/{id:long}").WithTags("Spot checks");
        checks.MapGet("", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetSpotCheckQuery(id), ct))
            .WithSummary("A spot check: its draw, the sampled services and their findings.");
        checks.MapGet("/verify", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new VerifySpotCheckDrawQuery(id), ct))
            .WithSummary("Repeats the draw from the stored seed over the charters it read, and says whether it gives the same sample.");
        checks.MapPut("/items/{itemId:long}", (long id, long itemId, RecordSpotCheckFindingCommand command, IMediator mediator, CancellationToken ct) =>
                mediator.Send(command with { Id = id, ItemId = itemId }, ct))
            .WithSummary("What the committee found for one sampled service.");
        checks.MapPost("/issue", (long id, IssueSpotCheckReportCommand command, IMediator mediator, CancellationToken ct) => mediator.Send(command with { Id = id }, ct))
            .WithSummary("Issue the monitoring report to the Cabinet Division (memo number and date); its findings are then fixed.");
        return app;
    }
}
