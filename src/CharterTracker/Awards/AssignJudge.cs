using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// Makes a user a judge of the cycle. Any active user may judge, from any office (an outside judge is often the fairest);
/// the conflict rule is applied per nomination when they score. Not after judging has closed.
/// </summary>
public sealed record AssignJudgeCommand : ICommand<AwardJudge>
{
    public long CycleId { get; init; }
    public long? UserId { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AwardLookups.ReadOrganiser(CycleId)];
}

public sealed class AssignJudgeValidator : AbstractValidator<AssignJudgeCommand>
{
    public AssignJudgeValidator() =>
        RuleFor(c => c.UserId).NotNull().WithMessage(_ => Say.Text("বিচারক (ব্যবহারকারী) বেছে নিন।", "The judge's user id (userId) is required."));
}

public sealed class AssignJudgeHandler(DbSession db, AwardStore store, AwardAccess awards, CurrentUser user, TimeProvider clock)
    : IRequestHandler<AssignJudgeCommand, AwardJudge>
{
    public async Task<AwardJudge> Handle(AssignJudgeCommand command, CancellationToken cancellationToken)
    {
        var cycle = await store.CycleAsync(command.CycleId, cancellationToken);
        await awards.EnsureOrganiserAsync(cycle, cancellationToken);
        var judge = await db.QuerySingleOrDefaultAsync<AwardJudge>(
            "SELECT Id AS UserId, DisplayName, OfficeId FROM Users WHERE Id = @UserId AND Active = 1", command, cancellationToken)
            ?? throw new RequestValidationException("userId", Say.Text($"সক্রিয় কোনো ব্যবহারকারীর আইডি {BengaliDigits.ToBengali(command.UserId!.Value)} নয়।",
                $"No active user has id {command.UserId}."));
        if (cycle.Stage == AwardStage.Closed)
        {
            throw new ConflictException(Say.Text("মূল্যায়ন শেষ হয়ে গেছে: নতুন বিচারক যোগ করা যায় না।", "Judging has closed: no judges can be added."));
        }
        if (cycle.Judges.Any(j => j.UserId == judge.UserId))
        {
            throw new ConflictException(Say.Text($"{judge.DisplayName} ইতিমধ্যে এই চক্রের বিচারক।", $"{judge.DisplayName} is already a judge of this cycle."), "userId");
        }
        await db.ExecuteAsync("INSERT INTO AwardJudges (CycleId, UserId, AssignedBy, AssignedAtUtc) VALUES (@CycleId, @UserId, @Username, @now)",
            new { command.CycleId, judge.UserId, user.Username, now = clock.GetUtcNow().UtcDateTime }, cancellationToken);
        return judge;
    }
}
