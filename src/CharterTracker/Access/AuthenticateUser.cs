using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Access;

/// <summary>Checks a username and password. The token or cookie is the endpoint's business; this only says who it is.</summary>
public sealed record AuthenticateUserQuery(string? Username, string? Password) : IQuery<User>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Anonymous];
}

public sealed class AuthenticateUserHandler(DbSession db) : IRequestHandler<AuthenticateUserQuery, User>
{
    /// <summary>Verified against when the username is unknown, so that a wrong name costs as long as a wrong password.</summary>
    private static readonly string DecoyHash = Passwords.Hash("decoy password that matches nothing");

    public async Task<User> Handle(AuthenticateUserQuery query, CancellationToken cancellationToken)
    {
        var credentials = string.IsNullOrWhiteSpace(query.Username) ? null : await db.QuerySingleOrDefaultAsync<UserCredentials>(
            "SELECT Id, Username, PasswordHash, Role, OfficeId, Language, Active FROM Users WHERE Username = @Username",
            new { Username = query.Username.Trim() }, cancellationToken);
        var passwordOk = Passwords.Verify(credentials?.PasswordHash ?? DecoyHash, query.Password ?? "");
        if (credentials is null || !passwordOk || !credentials.Active)
        {
            throw new UnauthenticatedException("Unknown username or wrong password.");
        }
        return (await db.QuerySingleOrDefaultAsync<User>($"SELECT {User.Columns} FROM Users WHERE Id = @Id", new { credentials.Id }, cancellationToken))!;
    }
}
