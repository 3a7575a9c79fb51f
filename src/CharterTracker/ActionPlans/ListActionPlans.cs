using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.ActionPlans;

public sealed record ListActionPlansQuery : IQuery<IReadOnlyList<string>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class ListActionPlansHandler(ActionPlanStore plans) : IRequestHandler<ListActionPlansQuery, IReadOnlyList<string>>
{
    public Task<IReadOnlyList<string>> Handle(ListActionPlansQuery query, CancellationToken cancellationToken) => plans.FiscalYearsAsync(cancellationToken);
}
