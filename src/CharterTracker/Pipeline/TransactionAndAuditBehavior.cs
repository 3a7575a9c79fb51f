using CharterTracker.Access;
using CharterTracker.Data;
using MediatR;

namespace CharterTracker.Pipeline;

/// <summary>
/// A command runs in one transaction, and its audit row is written in that same transaction, so a change and
/// its audit row land together or not at all. A command that fails leaves nothing but an audit row saying so,
/// written after the rollback. This behaviour is the outermost, so it sees every outcome (a refusal or a validation
/// error included); the transaction itself begins innermost (<see cref="CommandTransactionBehavior{TRequest,TResponse}"/>),
/// after the access check and validation, so that the write lock is held only while the command writes.
/// </summary>
public sealed class TransactionAndAuditBehavior<TRequest, TResponse>(
    DbSession db, AuditLog audit, CurrentUser user, AccessPolicy access, ILogger<TransactionAndAuditBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IAccessControlled command || !Commands.Is<TRequest>())
        {
            return await next();
        }

        access.StartCommand();
        using var span = Spans.Start("command");
        try
        {
            return await next();
        }
        catch (Exception exception)
        {
            await db.RollbackAsync();
            var entry = AuditEntry.For(command, user);
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
    }
}
