using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Access;

/// <summary>
/// Gives a user a new password (SystemAdmin), for a user who forgot theirs or whose password may be known to others.
/// The old password stops working at once, and so does every token and cookie the user holds (a new security stamp):
/// whoever knew the old password is signed out too. The audit row keeps the command with the password written as "***".
/// </summary>
public sealed record ResetUserPasswordCommand : ICommand<User>
{
    public long UserId { get; init; }
    public string? Password { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class ResetUserPasswordValidator : AbstractValidator<ResetUserPasswordCommand>
{
    public ResetUserPasswordValidator() => RuleFor(c => c.Password).Password();
}

public sealed class ResetUserPasswordHandler(DbSession db) : IRequestHandler<ResetUserPasswordCommand, User>
{
    public async Task<User> Handle(ResetUserPasswordCommand command, CancellationToken cancellationToken)
    {
        var changed = await db.ExecuteAsync("UPDATE Users SET PasswordHash = @Hash, SecurityStamp = @Stamp WHERE Id = @UserId",
            new { Hash = Passwords.Hash(command.Password!), Stamp = Authentication.NewSecurityStamp(), command.UserId }, cancellationToken);
        if (changed == 0) throw new NotFoundException(Say.Text($"{BengaliDigits.ToBengali(command.UserId)} নম্বর ব্যবহারকারী নেই।", $"User {command.UserId} does not exist."));
        return (await db.QuerySingleOrDefaultAsync<User>($"SELECT {User.Columns} FROM Users WHERE Id = @UserId", new { command.UserId }, cancellationToken))!;
    }
}
