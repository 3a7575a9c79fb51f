using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>Withdraws a nomination while nominations are open (a focal point of the nominated office's subtree). It is kept, marked, and no longer judged.</summary>
public sealed record WithdrawNominationCommand(long Id) : ICommand<AwardNomination>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AwardLookups.WriteNominated(Id)];
}

public sealed class WithdrawNominationHandler(DbSession db, AwardStore store, CurrentUser user, TimeProvider clock)
    : IRequestHandler<WithdrawNominationCommand, AwardNomination>
{
    public async Task<AwardNomination> Handle(WithdrawNominationCommand command, CancellationToken cancellationToken)
    {
        var nomination = await store.NominationAsync(command.Id, cancellationToken);
        if (nomination.Withdrawn)
        {
            throw new ConflictException(Say.Text("মনোনয়নটি আগেই প্রত্যাহার করা হয়েছে।", $"Nomination {command.Id} was already withdrawn."));
        }
        NominateServiceHandler.EnsureOpen(await store.CycleAsync(nomination.CycleId, cancellationToken));
        await db.ExecuteAsync("UPDATE AwardNominations SET WithdrawnBy = @Username, WithdrawnAtUtc = @now WHERE Id = @Id",
            new { user.Username, now = clock.GetUtcNow().UtcDateTime, command.Id }, cancellationToken);
        return await store.NominationAsync(command.Id, cancellationToken);
    }
}
