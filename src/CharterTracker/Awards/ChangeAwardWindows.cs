using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// Moves a cycle's windows: nominations extended or closed early, judging extended or closed. Once judging has closed
/// the results are out, and the windows no longer move (409): reopening would change published ranks.
/// </summary>
public sealed record ChangeAwardWindowsCommand : ICommand<AwardCycle>
{
    public long Id { get; init; }
    public DateOnly? NominationsCloseOn { get; init; }
    public DateOnly? JudgingClosesOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AwardLookups.ReadOrganiser(Id)];
}

public sealed class ChangeAwardWindowsValidator : AbstractValidator<ChangeAwardWindowsCommand>
{
    public ChangeAwardWindowsValidator()
    {
        RuleFor(c => c.NominationsCloseOn).NotNull().WithMessage(_ => Say.Text("মনোনয়নের শেষ তারিখ দিন।", "The last day of nominations is required."));
        RuleFor(c => c.JudgingClosesOn).NotNull().WithMessage(_ => Say.Text("মূল্যায়নের শেষ তারিখ দিন।", "The last day of judging is required."))
            .Must((c, day) => day is null || c.NominationsCloseOn is null || day > c.NominationsCloseOn)
            .WithMessage(_ => Say.Text("মূল্যায়ন শেষ হবে মনোনয়ন শেষ হওয়ার পরে।", "Judging closes after nominations close."));
    }
}

public sealed class ChangeAwardWindowsHandler(DbSession db, AwardStore store, AwardAccess awards) : IRequestHandler<ChangeAwardWindowsCommand, AwardCycle>
{
    public async Task<AwardCycle> Handle(ChangeAwardWindowsCommand command, CancellationToken cancellationToken)
    {
        var cycle = await store.CycleAsync(command.Id, cancellationToken);
        await awards.EnsureOrganiserAsync(cycle, cancellationToken);
        if (cycle.Stage == AwardStage.Closed)
        {
            throw new ConflictException(Say.Text(
                $"মূল্যায়ন {BengaliDigits.Date(cycle.JudgingClosesOn)} তারিখে শেষ হয়েছে, ফলাফল প্রকাশিত: সময়সীমা আর বদলানো যায় না।",
                $"Judging closed on {cycle.JudgingClosesOn:yyyy-MM-dd} and the results are out: the windows no longer change."));
        }
        await db.ExecuteAsync("UPDATE AwardCycles SET NominationsCloseOn = @NominationsCloseOn, JudgingClosesOn = @JudgingClosesOn WHERE Id = @Id", command, cancellationToken);
        return await store.CycleAsync(command.Id, cancellationToken);
    }
}
