using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Scoring;

public static class ScoringEndpoints
{
    public sealed record LockExceptionBody(string? FiscalYear, int? Quarter, DateOnly? OpenUntil, string? Reason);

    public static IEndpointRouteBuilder MapScoringEndpoints(this IEndpointRouteBuilder app)
    {
        var offices = app.MapGroup("/api/v1/offices/{id:long}").WithTags("Scoring");
        offices.MapGet("/scorecard", (long id, string? fiscalYear, int? quarter, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetScorecardQuery(id, fiscalYear, quarter), ct))
            .WithSummary("The office's quarter score (with quarter) or annual score, every indicator explained.").QueryDefault("fiscalYear", OpenApiParameters.RunningYear);
        offices.MapGet("/rollup", (long id, string? fiscalYear, int? quarter, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetRollupQuery(id, fiscalYear, quarter), ct))
            .WithSummary("Totals over the office's subtree as the tree stood in the period.").QueryDefault("fiscalYear", OpenApiParameters.RunningYear);
        offices.MapGet("/deadlines", (long id, string? fiscalYear, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListDeadlinesQuery(id, fiscalYear), ct))
            .WithSummary("One row per expected item of the year, with its due date and status.").QueryDefault("fiscalYear", OpenApiParameters.RunningYear);
        offices.MapGet("/checklist", (long id, string? fiscalYear, int? quarter, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetChecklistQuery(id, fiscalYear, quarter), ct))
            .WithSummary("A focal point's to-do list for the quarter: status, due date, what is missing.").QueryDefault("fiscalYear", OpenApiParameters.RunningYear).RequiredQuery("quarter");
        offices.MapPost("/score-overrides", (long id, OverrideScoreCommand command, IMediator mediator, CancellationToken ct) =>
                mediator.Send(command with { OfficeId = id }, ct))
            .WithSummary("The monitoring committee overrides an indicator's score, with a remark.");
        offices.MapPost("/lock-exceptions", (long id, LockExceptionBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GrantLockExceptionCommand
                {
                    OfficeId = id, FiscalYear = body.FiscalYear, Quarter = body.Quarter, OpenUntil = body.OpenUntil, Reason = body.Reason,
                }, ct))
            .WithSummary("The parent office reopens a locked period of this office until a date.");
        app.MapPost("/api/v1/admin/scores/rebuild", (string? fiscalYear, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RebuildScoresCommand { FiscalYear = fiscalYear }, ct))
            .WithTags("Scoring").WithSummary("Recompute a year's scores and expected items from the records (SystemAdmin).").RequiredQuery("fiscalYear");
        return app;
    }
}
