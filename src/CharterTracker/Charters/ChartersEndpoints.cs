using MediatR;

namespace CharterTracker.Charters;

public static class ChartersEndpoints
{
    public static IEndpointRouteBuilder MapChartersEndpoints(this IEndpointRouteBuilder app)
    {
        var charter = app.MapGroup("/api/v1/offices/{officeId:long}/charter").WithTags("Charter");
        charter.MapGet("", (long officeId, int? version, IMediator mediator, CancellationToken ct) => mediator.Send(new GetCharterQuery(officeId, version), ct))
            .WithSummary("The office's published charter: the latest version, or ?version=N.");
        charter.MapPost("/versions", async (long officeId, PublishCharterVersionCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var version = await mediator.Send(command with { OfficeId = officeId }, ct);
            return Results.Created($"/api/v1/offices/{officeId}/charter?version={version.Version}", version);
        }).WithSummary("Publish a new version; it counts as the office's charter update (1.1.1) for the quarter of publishedOn.");
        return app;
    }
}
