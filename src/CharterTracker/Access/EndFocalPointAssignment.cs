using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Access;

/// <summary>
/// Ends a focal point assignment from <see cref="ValidUntil"/> (exclusive: the first day the officer no longer acts
/// for the office). The assignment is kept, so who was responsible for a past quarter stays known.
/// </summary>
public sealed record EndFocalPointAssignmentCommand : ICommand<FocalPointAssignment>
{
    public long OfficeId { get; init; }
    public long AssignmentId { get; init; }
    public DateOnly? ValidUntil { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly, AccessDemand.Read(OfficeId)];
}

public sealed class EndFocalPointAssignmentValidator : AbstractValidator<EndFocalPointAssignmentCommand>
{
    public EndFocalPointAssignmentValidator() =>
        RuleFor(c => c.ValidUntil).NotNull().WithMessage(_ => Say.Text("দায়িত্ব শেষের তারিখ দিতে হবে।", "The day the assignment ends is required."));
}

public sealed class EndFocalPointAssignmentHandler(DbSession db) : IRequestHandler<EndFocalPointAssignmentCommand, FocalPointAssignment>
{
    public async Task<FocalPointAssignment> Handle(EndFocalPointAssignmentCommand command, CancellationToken cancellationToken)
    {
        var assignment = await db.QuerySingleOrDefaultAsync<FocalPointAssignment>(
                FocalPointAssignment.Select + " WHERE a.Id = @AssignmentId AND a.OfficeId = @OfficeId", new { command.AssignmentId, command.OfficeId }, cancellationToken)
            ?? throw new NotFoundException(Say.Text("এই দায়িত্বটি এই দপ্তরের নয়।", $"Office {command.OfficeId} has no focal point assignment {command.AssignmentId}."));
        var until = command.ValidUntil!.Value;
        if (until <= assignment.ValidFrom)
        {
            throw new RequestValidationException("validUntil", Say.Text(
                $"দায়িত্ব শুরু {Day(assignment.ValidFrom)}; শেষের তারিখ তার পরে হতে হবে।", $"The assignment starts on {assignment.ValidFrom:yyyy-MM-dd}; it must end after that."));
        }
        if (assignment.ValidUntil is { } ended && ended <= until)
        {
            throw new ConflictException(Say.Text($"দায়িত্বটি {Day(ended)} থেকে ইতোমধ্যে শেষ।", $"The assignment already ends on {ended:yyyy-MM-dd}."), "validUntil");
        }
        await db.ExecuteAsync("UPDATE FocalPointAssignments SET ValidUntil = @until WHERE Id = @Id", new { until, assignment.Id }, cancellationToken);
        return assignment with { ValidUntil = until };
    }

    private static string Day(DateOnly date) => BengaliDigits.ToBengali(date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture));
}
