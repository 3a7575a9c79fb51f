using MediatR;

namespace CharterTracker.ActionPlans;

public static class ActionPlansEndpoints
{
    public sealed record CloneBody(string? ToFiscalYear);

    public static IEndpointRouteBuilder MapActionPlansEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/v1/action-plans").WithTags("Action plans");
        plans.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListActionPlansQuery(), ct))
            .WithSummary("The fiscal years that have a plan.");
        plans.MapGet("/{fiscalYear}", (string fiscalYear, IMediator mediator, CancellationToken ct) => mediator.Send(new GetActionPlanQuery(fiscalYear), ct))
            .WithSummary("The plan of a fiscal year: areas, indicators, weights, targets (also its JSON export).");
        plans.MapPut("/{fiscalYear}", (string fiscalYear, ActionPlan plan, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ImportActionPlanCommand { FiscalYear = fiscalYear, Plan = plan }, ct))
            .WithSummary("Import a plan (JSON), or replace it before its year starts (SystemAdmin).");
        plans.MapPost("/{fiscalYear}/clone", async (string fiscalYear, CloneBody body, IMediator mediator, CancellationToken ct) =>
            {
                var clone = await mediator.Send(new CloneActionPlanCommand { FiscalYear = fiscalYear, ToFiscalYear = body.ToFiscalYear }, ct);
                return Results.Created($"/api/v1/action-plans/{clone.FiscalYear}", clone);
            })
            .WithSummary("Copy a plan to another fiscal year (SystemAdmin).");
        return app;
    }
}
