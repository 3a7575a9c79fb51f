using CharterTracker.Data;
using MediatR;

namespace CharterTracker.Access;

/// <summary>
/// docs/api.md: on first start against an empty database, user <c>admin</c> (SystemAdmin, no office) is created with
/// <c>Charter:BootstrapAdminPassword</c>. Never afterwards: the password is not a standing credential.
/// </summary>
public sealed class BootstrapAdmin(IMediator mediator, DbSession db)
{
    public const string Username = "admin";

    public async Task<bool> CreateIfNoUsersAsync(string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password)) return false;
        if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Users", null, cancellationToken) > 0) return false;
        await mediator.Send(new RegisterUserCommand
        {
            Username = Username,
            Password = password,
            DisplayName = "System administrator",
            Role = Role.SystemAdmin,
            Language = "en",
        }, cancellationToken);
        return true;
    }
}
