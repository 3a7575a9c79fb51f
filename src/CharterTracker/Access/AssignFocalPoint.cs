using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Access;

/// <summary>
/// Names a focal point officer for an office for a period. The officer's user also writes for that office's
/// subtree while the assignment is valid; reminders (scheduled jobs) go to the office's current focal points.
/// </summary>
public sealed record AssignFocalPointCommand : ICommand<FocalPointAssignment>
{
    public long OfficeId { get; init; }
    public long? UserId { get; init; }
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Exclusive; null while the assignment runs.</summary>
    public DateOnly? ValidUntil { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly, AccessDemand.Read(OfficeId)];
}

public sealed record FocalPointAssignment : IIdentifiedResult
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public long UserId { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }

    public const string Select = """
        SELECT a.Id, a.OfficeId, a.UserId, u.Username, u.DisplayName, a.ValidFrom, a.ValidUntil
        FROM FocalPointAssignments a JOIN Users u ON u.Id = a.UserId
        """;
}

public sealed class AssignFocalPointValidator : AbstractValidator<AssignFocalPointCommand>
{
    public AssignFocalPointValidator()
    {
        RuleFor(c => c.UserId).NotNull().WithMessage(_ => Say.Text("ব্যবহারকারী দিতে হবে।", "The user is required."));
        RuleFor(c => c.ValidFrom).NotNull().WithMessage(_ => Say.Text("দায়িত্বের প্রথম দিন দিতে হবে।", "The first day of the assignment is required."));
        RuleFor(c => c.ValidUntil).GreaterThan(c => c.ValidFrom).When(c => c.ValidUntil is not null && c.ValidFrom is not null)
            .WithMessage(_ => Say.Text("দায়িত্ব শুরুর পরে শেষ হতে হবে।", "The assignment must end after it starts."));
    }
}

public sealed class AssignFocalPointHandler(DbSession db, TimeProvider clock) : IRequestHandler<AssignFocalPointCommand, FocalPointAssignment>
{
    public async Task<FocalPointAssignment> Handle(AssignFocalPointCommand command, CancellationToken cancellationToken)
    {
        var role = await db.QuerySingleOrDefaultAsync<string>("SELECT Role FROM Users WHERE Id = @UserId", new { command.UserId }, cancellationToken)
            ?? throw new RequestValidationException("userId", Say.Text("এই ব্যবহারকারী নেই।", $"User {command.UserId} does not exist."));
        if (role != nameof(Role.FocalPoint))
        {
            throw new RequestValidationException("userId", Say.Text(
                "এই ব্যবহারকারী ফোকাল পয়েন্ট নন; কেবল ফোকাল পয়েন্টকে দপ্তরের দায়িত্ব দেওয়া যায়।", $"User {command.UserId} is a {role}; only a FocalPoint can be assigned to an office."));
        }
        var overlapping = await db.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM FocalPointAssignments
            WHERE UserId = @UserId AND OfficeId = @OfficeId
              AND (ValidUntil IS NULL OR ValidUntil > @ValidFrom) AND (@ValidUntil IS NULL OR ValidFrom < @ValidUntil)
            """, new { command.UserId, command.OfficeId, command.ValidFrom, command.ValidUntil }, cancellationToken);
        if (overlapping > 0)
        {
            throw new ConflictException(Say.Text(
                "এই সময়ের কিছু অংশে ব্যবহারকারী ইতোমধ্যে এই দপ্তরের দায়িত্বে আছেন।", $"User {command.UserId} is already assigned to office {command.OfficeId} for part of that period."), "validFrom");
        }
        var id = await db.InsertAsync(
            "INSERT INTO FocalPointAssignments (UserId, OfficeId, ValidFrom, ValidUntil, CreatedAtUtc) VALUES (@UserId, @OfficeId, @ValidFrom, @ValidUntil, @Now)",
            new { command.UserId, command.OfficeId, command.ValidFrom, command.ValidUntil, Now = clock.GetUtcNow().UtcDateTime }, cancellationToken);
        return (await db.QuerySingleOrDefaultAsync<FocalPointAssignment>(FocalPointAssignment.Select + " WHERE a.Id = @id", new { id }, cancellationToken))!;
    }
}
