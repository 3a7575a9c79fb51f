using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Access;

/// <summary>The signed-in user, as the API and the web pages show them.</summary>
public sealed record GetCurrentUserQuery : IQuery<User>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class GetCurrentUserHandler(DbSession db, CurrentUser user) : IRequestHandler<GetCurrentUserQuery, User>
{
    public async Task<User> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken) =>
        user.UserId is { } id
            ? (await db.QuerySingleOrDefaultAsync<User>($"SELECT {User.Columns} FROM Users WHERE Id = @id", new { id }, cancellationToken))!
            : new User { Id = 0, Username = user.Username, DisplayName = user.Username, Role = Role.SystemAdmin, Active = true };
}
