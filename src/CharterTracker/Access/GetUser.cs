using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Access;

public sealed record GetUserQuery(long UserId) : IQuery<User>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class GetUserHandler(DbSession db) : IRequestHandler<GetUserQuery, User>
{
    public async Task<User> Handle(GetUserQuery query, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<User>($"SELECT {User.Columns} FROM Users WHERE Id = @UserId", new { query.UserId }, cancellationToken)
        ?? throw new NotFoundException($"User {query.UserId} does not exist.");
}
