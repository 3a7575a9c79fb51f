using CharterTracker.Pipeline;
using CharterTracker.Access;
using Hangfire;
using MediatR;

namespace CharterTracker.Deadlines;

// The jobs are thin: each sends one command, as the system user of the job's own scope (Hangfire activates the job in
// a DI scope of its own), judged as of the time a run was asked for, or now for a scheduled run. The command does the
// work, in its transaction, idempotently; Hangfire keeps the run and retries it (Scheduling/SchedulingRegistration.cs).
// DisableConcurrentExecution: a run waits (up to 10 minutes) for a run of the same job under way, on any node, behind a
// lock in the job storage; after that it fails and is retried.

[DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
public sealed class FlagMissedDeadlinesJob(IMediator mediator, CurrentUser user, TimeProvider clock) : ICharterJob
{
    public async Task<int> RunAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        user.ActAsSystem();
        return (await mediator.Send(new FlagMissedDeadlinesCommand { AsOf = asOf ?? clock.GetUtcNow() }, cancellationToken)).Processed;
    }
}

[DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
public sealed class SendRemindersJob(IMediator mediator, CurrentUser user, TimeProvider clock) : ICharterJob
{
    public async Task<int> RunAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        user.ActAsSystem();
        return (await mediator.Send(new SendRemindersCommand { AsOf = asOf ?? clock.GetUtcNow() }, cancellationToken)).Processed;
    }
}

[DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
public sealed class DeliverOutboxJob(IMediator mediator, CurrentUser user, TimeProvider clock) : ICharterJob
{
    public async Task<int> RunAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        user.ActAsSystem();
        return (await mediator.Send(new DeliverOutboxCommand { AsOf = asOf ?? clock.GetUtcNow() }, cancellationToken)).Processed;
    }
}
