using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Scoring;

/// <summary>The parent office lets a subordinate record into a locked period until a date: the parent's focal point grants it.</summary>
public sealed record GrantLockExceptionCommand : ICommand<LockExceptionRecord>
{
    public long OfficeId { get; init; }
    public string? FiscalYear { get; init; }

    /// <summary>Null: the annual items of the year.</summary>
    public int? Quarter { get; init; }
    public DateOnly? OpenUntil { get; init; }
    public string? Reason { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => 
    [
        // The parent office grants it (the root of the tree, for itself); its audit row names the parent.
        AccessDemand.WriteOfficeOf(new OfficeLookup("SELECT COALESCE(ParentId, Id) FROM Offices WHERE Id = @Id", OfficeId, $"Office {OfficeId} does not exist.")),
        AccessDemand.Read(OfficeId),
    ];
}

public sealed record LockExceptionRecord(long Id, long OfficeId, string FiscalYear, int? Quarter, DateOnly OpenUntil, string Reason, string GrantedBy) : IIdentifiedResult;

public sealed class GrantLockExceptionValidator : AbstractValidator<GrantLockExceptionCommand>
{
    public GrantLockExceptionValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.FiscalYear).FiscalYearName(calendar);
        RuleFor(c => c.Quarter).InclusiveBetween(1, 4).WithMessage("A quarter is 1, 2, 3 or 4 (leave it out for the annual items).");
        RuleFor(c => c.OpenUntil).NotNull().WithMessage("The last day the period stays open is required.")
            .Must(d => d is null || d >= calendar.Today).WithMessage("The exception must run until today or later.");
        RuleFor(c => c.Reason).Text("The reason", 2000);
    }
}

public sealed class GrantLockExceptionHandler(DbSession db, CurrentUser user, TimeProvider clock) : IRequestHandler<GrantLockExceptionCommand, LockExceptionRecord>
{
    public async Task<LockExceptionRecord> Handle(GrantLockExceptionCommand command, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync(
            "INSERT INTO LockExceptions (OfficeId, FiscalYear, Quarter, OpenUntil, Reason, GrantedBy, GrantedAtUtc) VALUES (@OfficeId, @FiscalYear, @Quarter, @OpenUntil, @Reason, @Username, @Now)",
            new { command.OfficeId, command.FiscalYear, Quarter = command.Quarter ?? 0, command.OpenUntil, Reason = command.Reason!.Trim(), user.Username, Now = clock.GetUtcNow().UtcDateTime },
            cancellationToken);
        return new LockExceptionRecord(id, command.OfficeId, command.FiscalYear!, command.Quarter, command.OpenUntil!.Value, command.Reason!.Trim(), user.Username);
    }
}
