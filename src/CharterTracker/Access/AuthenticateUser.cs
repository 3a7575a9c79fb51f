using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Access;

/// <summary>
/// Checks a username and password, from a client address (for the lock-out, see <see cref="SignInThrottle"/>). The
/// token or cookie is the endpoint's business; this only says who it is and the security stamp they will carry.
/// </summary>
public sealed record AuthenticateUserQuery(string? Username, string? Password, string? ClientAddress = null) : IQuery<SignedInUser>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Anonymous];
}

public sealed class AuthenticateUserHandler(DbSession db, SignInThrottle throttle) : IRequestHandler<AuthenticateUserQuery, SignedInUser>
{
    /// <summary>Verified against when the username is unknown, so that a wrong name costs as long as a wrong password.</summary>
    private static readonly string DecoyHash = Passwords.Hash("decoy password that matches nothing");

    public async Task<SignedInUser> Handle(AuthenticateUserQuery query, CancellationToken cancellationToken)
    {
        await throttle.EnsureNotLockedAsync(query.Username, query.ClientAddress, cancellationToken);
        var credentials = string.IsNullOrWhiteSpace(query.Username) || query.Username.Length > 100 ? null : await db.QuerySingleOrDefaultAsync<UserCredentials>(
            "SELECT Id, Username, PasswordHash, Role, OfficeId, Language, Active, SecurityStamp FROM Users WHERE Username = @Username",
            new { Username = query.Username.Trim() }, cancellationToken);
        // A password longer than any a user may set is wrong without hashing megabytes of it.
        var password = query.Password ?? "";
        var passwordOk = password.Length <= Passwords.MaximumLength && Passwords.Verify(credentials?.PasswordHash ?? DecoyHash, password);
        if (credentials is null || !passwordOk || !credentials.Active)
        {
            await throttle.RecordFailureAsync(query.Username, query.ClientAddress, cancellationToken);
            throw new UnauthenticatedException("Unknown username or wrong password.");
        }
        await throttle.RecordSuccessAsync(credentials.Username, cancellationToken);
        var user = (await db.QuerySingleOrDefaultAsync<User>($"SELECT {User.Columns} FROM Users WHERE Id = @Id", new { credentials.Id }, cancellationToken))!;
        return new SignedInUser(user, credentials.SecurityStamp);
    }
}
