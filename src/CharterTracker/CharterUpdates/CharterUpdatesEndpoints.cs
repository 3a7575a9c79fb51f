using CharterTracker.Activities;
using MediatR;

namespace CharterTracker.CharterUpdates;

public static class CharterUpdatesEndpoints
{
    public static IEndpointRouteBuilder MapCharterUpdatesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/offices/{officeId:long}/charter-updates", async (long officeId, RecordCharterUpdateCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var update = await mediator.Send(command with { OfficeId = officeId }, ct);
            return Results.Created($"/api/v1/charter-updates/{update.Id}", update);
        }).WithTags("Charter updates").WithSummary("Record that the office updated its charter in a quarter.");
        app.MapGet("/api/v1/offices/{officeId:long}/charter-updates", (long officeId, string? fiscalYear, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListCharterUpdatesQuery(officeId, fiscalYear), ct)).WithTags("Charter updates");

        var updates = app.MapGroup("/api/v1/charter-updates").WithTags("Charter updates");
        updates.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetCharterUpdateQuery(id), ct));
        updates.MapPut("/{id:long}", (long id, EditCharterUpdateCommand command, IMediator mediator, CancellationToken ct) =>
            mediator.Send(command with { Id = id }, ct));
        updates.MapRecordLifecycle(RecordKind.CharterUpdate);
        return app;
    }
}
