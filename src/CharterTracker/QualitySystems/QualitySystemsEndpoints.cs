using CharterTracker.Activities;
using MediatR;

namespace CharterTracker.QualitySystems;

public static class QualitySystemsEndpoints
{
    public sealed record ValueBody : QualityValueFields
    {
        public int? Version { get; init; }
        public DateOnly? RecordedOn { get; init; }
    }

    public static IEndpointRouteBuilder MapQualitySystemsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/quality-systems/catalog", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListQualitySystemCatalogQuery(), ct))
            .WithTags("Quality systems").WithSummary("The systems an office can adopt by name: ISO 9001 and the P.S.O. standard's ten core systems.");

        var offices = app.MapGroup("/api/v1/offices/{id:long}").WithTags("Quality systems");
        offices.MapPost("/quality-systems", async (long id, AdoptQualitySystemCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var system = await mediator.Send(command with { OfficeId = id }, ct);
            return Results.Created($"/api/v1/quality-systems/{system.Id}", system);
        }).WithSummary("Adopt a quality system: ISO9001, PSO-01 … PSO-10, or OWN with its name.");
        offices.MapGet("/quality-systems", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListQualitySystemsQuery(id), ct))
            .WithSummary("The office's quality systems with their indicators (retired ones marked).");
        offices.MapPost("/quality-indicators", async (long id, DefineQualityIndicatorCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var indicator = await mediator.Send(command with { OfficeId = id }, ct);
            return Results.Created($"/api/v1/quality-indicators/{indicator.Id}", indicator);
        }).WithSummary("Define an indicator for one of the office's quality systems.");
        offices.MapGet("/quality-values", (long id, string? fiscalYear, IMediator mediator, CancellationToken ct) => mediator.Send(new ListQualityValuesQuery(id, fiscalYear), ct))
            .WithSummary("The office's quality values of a fiscal year.");
        offices.MapGet("/quality-scorecard", (long id, string? fiscalYear, int? quarter, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetQualityScorecardQuery(id, fiscalYear, quarter), ct))
            .WithSummary("The office's quality systems scored by the plan's engine, apart from the plan's scorecard.");
        offices.MapGet("/quality-rollup", (long id, string? fiscalYear, int? quarter, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetQualityRollupQuery(id, fiscalYear, quarter), ct))
            .WithSummary("Quality systems over the subtree: per system, offices adopting and their average score.");

        var systems = app.MapGroup("/api/v1/quality-systems").WithTags("Quality systems");
        systems.MapPost("/{id:long}/retire", (long id, RetireQualitySystemCommand command, IMediator mediator, CancellationToken ct) =>
            mediator.Send(command with { Id = id }, ct)).WithSummary("The office stops running the system from a day on.");

        var indicators = app.MapGroup("/api/v1/quality-indicators").WithTags("Quality systems");
        indicators.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetQualityIndicatorQuery(id), ct));
        indicators.MapPut("/{id:long}", (long id, EditQualityIndicatorCommand command, IMediator mediator, CancellationToken ct) => mediator.Send(command with { Id = id }, ct))
            .WithSummary("Change the indicator's definition (the version read is required); the earlier one stays in its history.");
        indicators.MapGet("/{id:long}/history", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetQualityIndicatorHistoryQuery(id), ct))
            .WithSummary("Earlier definitions of the indicator: what each held, who changed it, when.");
        indicators.MapPut("/{id:long}/values/{fiscalYear}/{quarter:int}", async (long id, string fiscalYear, int quarter, ValueBody body, IMediator mediator, CancellationToken ct) =>
        {
            var value = await mediator.Send(new RecordQualityValueCommand(id, fiscalYear, quarter, body.Version, body) { RecordedOn = body.RecordedOn }, ct);
            // The first version is a new record; a later one corrected the quarter's value.
            return value.Version == 1 ? Results.Created($"/api/v1/quality-values/{value.Id}", value) : Results.Ok(value);
        }).WithSummary("Record the indicator's value for a quarter (201), or correct it with the version read (200).");

        var values = app.MapGroup("/api/v1/quality-values").WithTags("Quality systems");
        values.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetQualityValueQuery(id), ct));
        values.MapRecordLifecycle(RecordKind.QualityValue);
        return app;
    }
}
