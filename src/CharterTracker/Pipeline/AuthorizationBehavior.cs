using CharterTracker.Access;
using CharterTracker.Data;
using MediatR;

namespace CharterTracker.Pipeline;

/// <summary>Checks the request's access demands against the caller before anything else looks at the request.</summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(AccessPolicy policy)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IAccessControlled controlled)
        {
            using (Spans.Start("access")) await policy.DemandAsync(controlled.AccessDemands(), cancellationToken);
        }
        else
        {
            throw new InvalidOperationException($"{typeof(TRequest).Name} does not declare its access demands.");
        }
        return await next();
    }
}
