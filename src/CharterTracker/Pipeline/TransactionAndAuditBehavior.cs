using CharterTracker.Access;
using CharterTracker.Data;
using MediatR;

namespace CharterTracker.Pipeline;

/// <summary>
/// A command runs in one transaction, and its audit row is written in that same transaction, so a change and
/// its audit row land together or not at all. A command that fails leaves nothing but an audit row saying so,
/// written after the rollback.
/// </summary>
public sealed class TransactionAndAuditBehavior<TRequest, TResponse>(
    DbSession db, AuditLog audit, CurrentUser user, AccessPolicy access, IEnumerable<IBeforeCommit> beforeCommit, ILogger<TransactionAndAuditBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IAccessControlled command || !IsCommand)
        {
            return await next();
        }

        var entry = AuditEntry.For(command, user);
        access.StartCommand();
        using var span = Spans.Start("command");
        using (Spans.Start("begin")) await db.BeginAsync(cancellationToken);
        TResponse response;
        try
        {
            response = await next();
            using (Spans.Start("before-commit"))
            {
                foreach (var hook in beforeCommit) await hook.BeforeCommitAsync(cancellationToken);
            }
            using (Spans.Start("audit"))
            {
                await audit.WriteAsync(db, entry with { Outcome = AuditOutcome.Succeeded, EntityId = IdOf(response), OfficeId = entry.OfficeId ?? access.FirstOfficeChecked }, cancellationToken);
            }
            using (Spans.Start("commit")) await db.CommitAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            await db.RollbackAsync();
            var outcome = exception is RejectedRequestException or ProblemException { Status: < 500 } ? AuditOutcome.Rejected : AuditOutcome.Failed;
            try
            {
                await audit.WriteAsync(db, entry with { Outcome = outcome, Detail = exception.Message, OfficeId = entry.OfficeId ?? access.FirstOfficeChecked }, CancellationToken.None);
            }
            catch (Exception auditFailure)
            {
                // The original error is what the caller must see; a failed audit of a failure is logged, not thrown.
                logger.LogError(auditFailure, "Could not audit the failed command {Command}", typeof(TRequest).Name);
            }
            throw;
        }
        return response;
    }

    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    private static long? IdOf(TResponse response) => response switch
    {
        long id => id,
        IIdentifiedResult identified => identified.Id,
        _ => null,
    };
}
