using CharterTracker.Access;
using CharterTracker.Data;
using MediatR;

namespace CharterTracker.Pipeline;

/// <summary>
/// The innermost behaviour of a command: begins its transaction (SQLite's write lock), runs the handler, the
/// before-commit hooks (the read models) and writes the audit row of its success, then commits. A failure propagates
/// to <see cref="TransactionAndAuditBehavior{TRequest,TResponse}"/>, which rolls back and audits it.
/// </summary>
public sealed class CommandTransactionBehavior<TRequest, TResponse>(
    DbSession db, AuditLog audit, CurrentUser user, AccessPolicy access, IEnumerable<IBeforeCommit> beforeCommit)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IAccessControlled command || !Commands.Is<TRequest>())
        {
            return await next();
        }

        var entry = AuditEntry.For(command, user);
        using (Spans.Start("begin")) await db.BeginAsync(cancellationToken);
        var response = await next();
        using (Spans.Start("before-commit"))
        {
            foreach (var hook in beforeCommit) await hook.BeforeCommitAsync(cancellationToken);
        }
        using (Spans.Start("audit"))
        {
            await audit.WriteAsync(db, entry with { Outcome = AuditOutcome.Succeeded, EntityId = Commands.IdOf(response), OfficeId = entry.OfficeId ?? access.FirstOfficeChecked }, cancellationToken);
        }
        using (Spans.Start("commit")) await db.CommitAsync(cancellationToken);
        return response;
    }
}

/// <summary>What the command behaviours ask of a request and its response.</summary>
internal static class Commands
{
    public static bool Is<TRequest>() => CommandType<TRequest>.Is;

    public static long? IdOf(object? response) => response switch
    {
        long id => id,
        IIdentifiedResult identified => identified.Id,
        _ => null,
    };

    private static class CommandType<TRequest>
    {
        public static readonly bool Is = typeof(TRequest).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));
    }
}
