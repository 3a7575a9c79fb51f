using CharterTracker.Access;
using CharterTracker.Scheduling;
using MediatR;
using Quartz;

namespace CharterTracker.Deadlines;

// The jobs are thin: each sends one command, as the system user of the job's own scope, judged as of the scheduled
// fire time (or the time a run was asked for). The command does the work, in its transaction, idempotently; the
// run is recorded and retried by JobRunMiddleware. Scheduled in Scheduling/JobSchedule.cs.

[DisallowConcurrentExecution]
public sealed class FlagMissedDeadlinesJob(IMediator mediator, CurrentUser user) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        user.ActAsSystem();
        context.Result = await mediator.Send(new FlagMissedDeadlinesCommand { AsOf = context.AsOfTime() }, cancellationToken);
    }
}

[DisallowConcurrentExecution]
public sealed class SendRemindersJob(IMediator mediator, CurrentUser user) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        user.ActAsSystem();
        context.Result = await mediator.Send(new SendRemindersCommand { AsOf = context.AsOfTime() }, cancellationToken);
    }
}

[DisallowConcurrentExecution]
public sealed class DeliverOutboxJob(IMediator mediator, CurrentUser user) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        user.ActAsSystem();
        context.Result = await mediator.Send(new DeliverOutboxCommand { AsOf = context.AsOfTime() }, cancellationToken);
    }
}
