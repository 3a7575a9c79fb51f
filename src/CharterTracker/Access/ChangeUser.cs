using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Access;

/// <summary>
/// Changes a user's details, role, office, language and whether the account is active (SystemAdmin). The whole user
/// is given, as <c>GET /api/v1/users/{id}</c> shows it; the username and password stay (see
/// <see cref="ResetUserPasswordCommand"/>). Access follows at once: the role, office and active flag are read from the
/// database on every request, so the user's next request already has the new rights (or none); a change of role,
/// office or active flag also ends every token and cookie the user holds (a new security stamp), so the next sign-in
/// is a deliberate one under the new rights.
/// </summary>
public sealed record ChangeUserCommand : ICommand<User>
{
    public long UserId { get; init; }
    public string? DisplayName { get; init; }
    public string? Email { get; init; }
    public Role? Role { get; init; }
    public long? OfficeId { get; init; }
    public string? Language { get; init; }
    public bool? Active { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class ChangeUserValidator : AbstractValidator<ChangeUserCommand>
{
    public ChangeUserValidator()
    {
        RuleFor(c => c.DisplayName).DisplayName();
        RuleFor(c => c.Role).UserRole();
        RuleFor(c => c.OfficeId).UserOffice(c => c.Role);
        RuleFor(c => c.Email).Email().When(c => !string.IsNullOrEmpty(c.Email));
        RuleFor(c => c.Language).NotNull().WithMessage(_ => Say.Text("ভাষা দিতে হবে।", "The language ('bn' or 'en') is required.")).Language();
        RuleFor(c => c.Active).NotNull().WithMessage(_ => Say.Text("ব্যবহারকারী সক্রিয় কি না, তা দিতে হবে।", "Whether the user is active is required."));
    }
}

public sealed class ChangeUserHandler(DbSession db, FiscalCalendar calendar) : IRequestHandler<ChangeUserCommand, User>
{
    public async Task<User> Handle(ChangeUserCommand command, CancellationToken cancellationToken)
    {
        var before = await db.QuerySingleOrDefaultAsync<User>($"SELECT {User.Columns} FROM Users WHERE Id = @UserId", new { command.UserId }, cancellationToken)
            ?? throw new NotFoundException(Say.Text($"{BengaliDigits.ToBengali(command.UserId)} নম্বর ব্যবহারকারী নেই।", $"User {command.UserId} does not exist."));
        var role = command.Role!.Value;
        var active = command.Active!.Value;
        await UserRules.EnsureOfficeExistsAsync(db, command.OfficeId, cancellationToken);
        await LastAdministrators.EnsureOneRemainsAsync(db, before, role, active, cancellationToken);

        var officeId = role == Role.SystemAdmin ? null : command.OfficeId;
        var endSessions = role != before.Role || officeId != before.OfficeId || active != before.Active;
        await db.ExecuteAsync(
            """
            UPDATE Users SET DisplayName = @DisplayName, Email = @Email, Role = @Role, OfficeId = @OfficeId, Language = @Language, Active = @Active,
                             SecurityStamp = COALESCE(@NewStamp, SecurityStamp)
            WHERE Id = @UserId
            """,
            new
            {
                DisplayName = command.DisplayName!.Trim(),
                Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim(),
                Role = role.ToString(),
                // A system administrator acts on every office; one given anyway is kept only for a role that uses it.
                OfficeId = officeId,
                command.Language,
                Active = active,
                NewStamp = endSessions ? Authentication.NewSecurityStamp() : null,
                command.UserId,
            }, cancellationToken);

        // Assignments give a focal point its other offices; a user who is no longer one keeps none of them.
        if (role != Role.FocalPoint && before.Role == Role.FocalPoint)
        {
            await db.ExecuteAsync(
                """
                UPDATE FocalPointAssignments SET ValidUntil = CASE WHEN ValidFrom < @Today THEN @Today ELSE ValidFrom END
                WHERE UserId = @UserId AND (ValidUntil IS NULL OR ValidUntil > @Today)
                """, new { calendar.Today, command.UserId }, cancellationToken);
        }
        return (await db.QuerySingleOrDefaultAsync<User>($"SELECT {User.Columns} FROM Users WHERE Id = @UserId", new { command.UserId }, cancellationToken))!;
    }
}

/// <summary>A deployment always keeps one active system administrator: nobody else can create users or fix the tree.</summary>
internal static class LastAdministrators
{
    public static async Task EnsureOneRemainsAsync(DbSession db, User user, Role role, bool active, CancellationToken cancellationToken)
    {
        var wasAdmin = user.Role == Role.SystemAdmin && user.Active;
        var staysAdmin = role == Role.SystemAdmin && active;
        if (!wasAdmin || staysAdmin) return;
        var others = await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM Users WHERE Role = @Role AND Active = 1 AND Id <> @Id", new { Role = nameof(Role.SystemAdmin), user.Id }, cancellationToken);
        if (others == 0)
        {
            throw new ConflictException(Say.Text(
                    $"{user.Username} শেষ সক্রিয় সিস্টেম প্রশাসক: আগে অন্য কাউকে সিস্টেম প্রশাসক করুন, তারপর এঁর ভূমিকা বদলান বা নিষ্ক্রিয় করুন।",
                    $"{user.Username} is the last active system administrator: make another user a system administrator first, then change or deactivate this one."),
                role != Role.SystemAdmin ? "role" : "active");
        }
    }
}
