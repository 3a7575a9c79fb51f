using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Meetings;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.SpotChecks;

/// <summary>
/// The committee issues the monitoring report of a spot check to the Cabinet Division, under a memo number and date:
/// from then on it counts as one of the year's monitoring reports (at least two a year) and its findings are fixed.
/// Every sampled service must have its finding first.
/// </summary>
public sealed record IssueSpotCheckReportCommand : ICommand<SpotCheck>
{
    public long Id { get; init; }
    public string? MemoNumber { get; init; }
    public DateOnly? IssuedOn { get; init; }

    /// <summary>What the committee adds to the findings (printed under them).</summary>
    public string? Notes { get; init; }

    /// <summary>Who signs the report: the committee's convenor or member-secretary.</summary>
    public string? SignatoryName { get; init; }
    public string? SignatoryDesignation { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.OverseeOfficeOf(SpotCheckStore.OfficeOf(Id))];
}

public sealed class IssueSpotCheckReportValidator : AbstractValidator<IssueSpotCheckReportCommand>
{
    public IssueSpotCheckReportValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.MemoNumber).Text("The memo number", 60, whatBn: "স্মারক নম্বর")
            .Must(memo => string.IsNullOrWhiteSpace(memo) || Meetings.MemoNumber.TryParse(memo, out _, out _))
            .WithMessage(c => Meetings.MemoNumber.TryParse(c.MemoNumber, out _, out var error) ? "" : Say.Text("স্মারক নম্বরটি সঠিক নয়: " + error, error));
        RuleFor(c => c.IssuedOn).NotNull().WithMessage(_ => Say.Text("জারির তারিখ দিতে হবে।", "The day of issue is required."))
            .Must(date => date is null || date <= calendar.Today).WithMessage(_ => Say.Text("জারির তারিখ ভবিষ্যতের হতে পারে না।", "The day of issue cannot be in the future."));
        RuleFor(c => c.Notes).Text("The notes", 4000, required: false, whatBn: "মন্তব্য");
        RuleFor(c => c.SignatoryName).Text("The signatory's name", 200, whatBn: "স্বাক্ষরকারীর নাম");
        RuleFor(c => c.SignatoryDesignation).Text("The signatory's designation", 200, whatBn: "স্বাক্ষরকারীর পদবি");
    }
}

public sealed class IssueSpotCheckReportHandler(DbSession db, SpotCheckStore store, CurrentUser user, TimeProvider clock)
    : IRequestHandler<IssueSpotCheckReportCommand, SpotCheck>
{
    public async Task<SpotCheck> Handle(IssueSpotCheckReportCommand command, CancellationToken cancellationToken)
    {
        var check = await store.GetAsync(command.Id, cancellationToken);
        if (check.IssuedOn is { } issued)
        {
            throw new ConflictException(Say.Text($"প্রতিবেদনটি {BengaliDigits.Date(issued)} তারিখে আগেই জারি হয়েছে।", $"The report was already issued on {issued:yyyy-MM-dd}."));
        }
        if (check.Checked < check.Items.Count)
        {
            throw new ConflictException(Say.Text($"{BengaliDigits.ToBengali((check.Items.Count - check.Checked).ToString())}টি সেবার ফলাফল এখনো লেখা হয়নি।",
                $"{check.Items.Count - check.Checked} of {check.Items.Count} sampled services have no finding yet."));
        }
        if (command.IssuedOn < check.Items.Max(i => i.CheckedOn))
        {
            throw new RequestValidationException("issuedOn", Say.Text("শেষ যাচাইয়ের আগে প্রতিবেদন জারি হতে পারে না।", "The report cannot be issued before the last check."));
        }
        await db.ExecuteAsync(
            """
            UPDATE SpotChecks SET MemoNumber = @memo, IssuedOn = @IssuedOn, Notes = @notes, SignatoryName = @name, SignatoryDesignation = @designation,
                IssuedBy = @Who, IssuedAtUtc = @Now
            WHERE Id = @Id
            """,
            new
            {
                command.Id, memo = Meetings.MemoNumber.Parse(command.MemoNumber!).Latin, command.IssuedOn,
                notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim(),
                name = command.SignatoryName!.Trim(), designation = command.SignatoryDesignation!.Trim(), Who = user.Username, Now = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken);
        return await store.GetAsync(command.Id, cancellationToken);
    }
}
