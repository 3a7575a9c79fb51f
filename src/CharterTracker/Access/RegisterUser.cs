using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Access;

/// <summary>Creates a user bound to an office; the role acts on that office's subtree.</summary>
public sealed record RegisterUserCommand : ICommand<User>
{
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? DisplayName { get; init; }
    public Role? Role { get; init; }
    public long? OfficeId { get; init; }
    public string? Email { get; init; }

    /// <summary><c>bn</c> (default) or <c>en</c>: the language of the web pages and notifications.</summary>
    public string? Language { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class RegisterUserValidator : AbstractValidator<RegisterUserCommand>
{
    public RegisterUserValidator()
    {
        RuleFor(c => c.Username)
            .Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 100 && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_' or '@'))
            .WithMessage(_ => Say.Text("ব্যবহারকারীর নাম ১–১০০টি ইংরেজি অক্ষর, অঙ্ক, '.', '-', '_' বা '@'।", "A username is 1–100 letters, digits, '.', '-', '_' or '@'."));
        RuleFor(c => c.Password).Password();
        RuleFor(c => c.DisplayName).DisplayName();
        RuleFor(c => c.Role).UserRole();
        RuleFor(c => c.OfficeId).UserOffice(c => c.Role);
        RuleFor(c => c.Email).Email().When(c => !string.IsNullOrEmpty(c.Email));
        RuleFor(c => c.Language).Language();
    }
}

public sealed class RegisterUserHandler(DbSession db, TimeProvider clock) : IRequestHandler<RegisterUserCommand, User>
{
    public async Task<User> Handle(RegisterUserCommand command, CancellationToken cancellationToken)
    {
        var username = command.Username!.Trim();
        await UserRules.EnsureOfficeExistsAsync(db, command.OfficeId, cancellationToken);
        if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Users WHERE Username = @username", new { username }, cancellationToken) > 0)
        {
            throw new ConflictException(Say.Text($"'{username}' নামটি অন্য ব্যবহারকারীর।", $"The username '{username}' is taken."), "username");
        }
        var id = await db.InsertAsync(
            "INSERT INTO Users (Username, PasswordHash, DisplayName, Role, OfficeId, Email, Language, Active, CreatedAtUtc, SecurityStamp) VALUES (@username, @Hash, @DisplayName, @Role, @OfficeId, @Email, @Language, 1, @Now, @Stamp)",
            new
            {
                username,
                Hash = Passwords.Hash(command.Password!),
                DisplayName = command.DisplayName!.Trim(),
                Role = command.Role!.Value.ToString(),
                command.OfficeId,
                command.Email,
                Language = command.Language ?? "bn",
                Now = clock.GetUtcNow().UtcDateTime,
                Stamp = Authentication.NewSecurityStamp(),
            }, cancellationToken);
        return (await db.QuerySingleOrDefaultAsync<User>($"SELECT {User.Columns} FROM Users WHERE Id = @id", new { id }, cancellationToken))!;
    }
}
