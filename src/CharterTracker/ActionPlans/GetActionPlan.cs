using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.ActionPlans;

/// <summary>A fiscal year's plan, as JSON that <see cref="ImportActionPlanCommand"/> takes back (export = this).</summary>
public sealed record GetActionPlanQuery(string FiscalYear) : IQuery<ActionPlan>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class GetActionPlanHandler(ActionPlanStore plans) : IRequestHandler<GetActionPlanQuery, ActionPlan>
{
    public Task<ActionPlan> Handle(GetActionPlanQuery query, CancellationToken cancellationToken) => plans.GetAsync(query.FiscalYear, cancellationToken);
}
