using MediatR;

namespace CharterTracker.Access;

public static class AccessEndpoints
{
    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Access");
        auth.MapPost("/token", async (TokenRequest body, HttpContext http, IMediator mediator, TokenIssuer tokens, CancellationToken ct) =>
                tokens.Issue(await mediator.Send(new AuthenticateUserQuery(body.Username, body.Password, http.Connection.RemoteIpAddress?.ToString()), ct)))
            .AllowAnonymous()
            .RequireRateLimiting(SignInThrottle.RateLimitPolicy)
            .WithSummary("Exchange a username and password for a bearer token. After a few wrong passwords for a username or from an address, "
                         + "429 with Retry-After for a while (Charter:SignIn).");
        auth.MapGet("/me", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetCurrentUserQuery(), ct))
            .WithSummary("The signed-in user.");

        var users = app.MapGroup("/api/v1/users").WithTags("Access");
        users.MapPost("/", async (RegisterUserCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var user = await mediator.Send(command, ct);
            return Results.Created($"/api/v1/users/{user.Id}", user);
        }).WithSummary("Create a user with a role, bound to an office (SystemAdmin only).");
        users.MapGet("/", (long? officeId, Role? role, string? search, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListUsersQuery(officeId, role, search), ct))
            .WithSummary("Users, optionally of one office or role, or whose username, name or email contains search (SystemAdmin only).");
        users.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetUserQuery(id), ct));
        users.MapPut("/{id:long}", (long id, ChangeUserCommand command, IMediator mediator, CancellationToken ct) =>
                mediator.Send(command with { UserId = id }, ct))
            .WithSummary("Change a user: displayName, email, role, officeId, language, active (all given, as GET shows them; SystemAdmin only). "
                         + "409 when it would leave no active system administrator.");
        users.MapPost("/{id:long}/password", async (long id, PasswordBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ResetUserPasswordCommand { UserId = id, Password = body.Password }, ct);
                return Results.NoContent();
            })
            .WithSummary("Give a user a new password (SystemAdmin only); the old one stops working at once.");
        users.MapGet("/{id:long}/focal-points", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListAssignmentsOfUserQuery(id), ct))
            .WithSummary("The user's focal point assignments, newest first (SystemAdmin only).");

        var focalPoints = app.MapGroup("/api/v1/offices/{officeId:long}/focal-points").WithTags("Access");
        focalPoints.MapGet("/", (long officeId, IMediator mediator, CancellationToken ct) => mediator.Send(new ListFocalPointsQuery(officeId), ct));
        focalPoints.MapPost("/", async (long officeId, AssignFocalPointCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var assignment = await mediator.Send(command with { OfficeId = officeId }, ct);
            return Results.Created($"/api/v1/offices/{officeId}/focal-points", assignment);
        }).WithSummary("Assign a focal point officer to the office for a period.");
        focalPoints.MapPost("/{assignmentId:long}/end", (long officeId, long assignmentId, EndAssignmentBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new EndFocalPointAssignmentCommand { OfficeId = officeId, AssignmentId = assignmentId, ValidUntil = body.ValidUntil }, ct))
            .WithSummary("End a focal point assignment from validUntil (exclusive: the first day without it).");
        return app;
    }

    public sealed record TokenRequest(string? Username, string? Password);

    public sealed record PasswordBody(string? Password);

    public sealed record EndAssignmentBody(DateOnly? ValidUntil);
}
