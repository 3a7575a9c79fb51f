using CharterTracker.Meetings;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Monitoring;

/// <summary>What a monitoring committee reads across an office's subtree: the dashboard's data, for other tools too.</summary>
public static class MonitoringEndpoints
{
    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        var offices = app.MapGroup("/api/v1/offices/{id:long}").WithTags("Monitoring");
        offices.MapGet("/trend", (long id, string? fiscalYear, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetRollupTrendQuery(id, fiscalYear), ct))
            .WithSummary("The subtree's roll-up for each quarter of the year, each over the tree as it stood then.").QueryDefault("fiscalYear", OpenApiParameters.RunningYear);
        offices.MapGet("/heat-map", (long id, string? fiscalYear, int? quarter, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetHeatMapQuery(id, fiscalYear, quarter) { Page = page ?? 1, PageSize = pageSize ?? 50 }, ct))
            .WithSummary("The office and its direct subordinates × the quarterly indicators: each item's status.").QueryDefault("fiscalYear", OpenApiParameters.RunningYear).RequiredQuery("quarter");
        offices.MapGet("/ranking", (long id, string? fiscalYear, int? quarter, bool? lowest, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RankOfficesQuery(id, fiscalYear, quarter) { Lowest = lowest ?? false, Page = page ?? 1, PageSize = pageSize ?? 25 }, ct))
            .WithSummary("Every office of the subtree ranked by its quarter (or annual) score; ties share a rank.").QueryDefault("fiscalYear", OpenApiParameters.RunningYear);
        offices.MapGet("/lapses", (long id, string? fiscalYear, int? quarter, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListLapsesQuery(id, fiscalYear, quarter) { Page = page ?? 1, PageSize = pageSize ?? 25 }, ct))
            .WithSummary("Missed and late items of the subtree, with each office's focal points.").QueryDefault("fiscalYear", OpenApiParameters.RunningYear);
        offices.MapGet("/risk", (long id, string? fiscalYear, int? quarter, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListOfficesAtRiskQuery(id, fiscalYear, quarter) { Page = page ?? 1, PageSize = pageSize ?? 25 }, ct))
            .WithSummary("Offices of the subtree likely to miss a quarter still under way, and why (see the dashboard for the rule).").QueryDefault("fiscalYear", OpenApiParameters.RunningYear).RequiredQuery("quarter");
        offices.MapGet("/subtree/meetings", (long id, string? fiscalYear, int? quarter, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListSubtreeMeetingsQuery(id, fiscalYear, quarter) { Page = page ?? 1, PageSize = pageSize ?? 25 }, ct))
            .WithSummary("Meetings held by the subtree's offices in the period, newest first.");
        offices.MapGet("/subtree/follow-ups", (long id, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListSubtreeFollowUpsQuery(id) { Page = page ?? 1, PageSize = pageSize ?? 25 }, ct))
            .WithSummary("Follow-ups still open from meetings held in the subtree, soonest due first.");
        return app;
    }
}
