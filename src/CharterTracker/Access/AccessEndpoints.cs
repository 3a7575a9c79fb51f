using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Access;

public static class AccessEndpoints
{
    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Access");
        auth.MapPost("/token", async (TokenRequest body, IMediator mediator, TokenIssuer tokens, CancellationToken ct) =>
                tokens.Issue(await mediator.Send(new AuthenticateUserQuery(body.Username, body.Password), ct)))
            .AllowAnonymous()
            .WithSummary("Exchange a username and password for a bearer token.");
        auth.MapGet("/me", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetCurrentUserQuery(), ct))
            .WithSummary("The signed-in user.");
        app.MapGet("/api/v1/me/offices", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListMyOfficesQuery(), ct))
            .WithTags("Access").WithSummary("The offices the signed-in user records for: its own and those it is assigned to today.");

        var users = app.MapGroup("/api/v1/users").WithTags("Access");
        users.MapPost("/", async (RegisterUserCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var user = await mediator.Send(command, ct);
            return Results.Created($"/api/v1/users/{user.Id}", user);
        }).WithSummary("Create a user with a role, bound to an office (SystemAdmin only).");
        users.MapGet("/", (long? officeId, IMediator mediator, CancellationToken ct) => mediator.Send(new ListUsersQuery(officeId), ct));
        users.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetUserQuery(id), ct));

        var focalPoints = app.MapGroup("/api/v1/offices/{officeId:long}/focal-points").WithTags("Access");
        focalPoints.MapGet("/", (long officeId, IMediator mediator, CancellationToken ct) => mediator.Send(new ListFocalPointsQuery(officeId), ct));
        focalPoints.MapPost("/", async (long officeId, AssignFocalPointCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var assignment = await mediator.Send(command with { OfficeId = officeId }, ct);
            return Results.Created($"/api/v1/offices/{officeId}/focal-points", assignment);
        }).WithSummary("Assign a focal point officer to the office for a period.");
        return app;
    }

    public sealed record TokenRequest(string? Username, string? Password);
}
