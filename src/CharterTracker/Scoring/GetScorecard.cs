using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Scoring;

/// <summary>
/// An office's scorecard: with a quarter, the quarter score (0–100) over the quarterly indicators and that quarter's
/// statuses; without, the annual score, the plan score out of the plan total and its APA conversion. Every indicator of
/// the plan is listed, the variant that does not apply with <c>applicable: false</c>; each says which records counted.
/// </summary>
public sealed record GetScorecardQuery(long OfficeId, string? FiscalYear, int? Quarter) : IQuery<Scorecard>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetScorecardValidator : AbstractValidator<GetScorecardQuery>
{
    public GetScorecardValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).OptionalFiscalYearName(calendar);
        RuleFor(q => q.Quarter).OptionalQuarterNumber();
    }
}

public sealed class GetScorecardHandler(ActionPlanStore plans, ScoringData data, FiscalCalendar calendar) : IRequestHandler<GetScorecardQuery, Scorecard>
{
    public async Task<Scorecard> Handle(GetScorecardQuery query, CancellationToken cancellationToken)
    {
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var plan = await plans.GetAsync(year.Name, cancellationToken);
        var office = (await data.LoadAsync(year, [query.OfficeId], cancellationToken))[query.OfficeId];
        return query.Quarter is { } quarter
            ? ScoringEngine.Quarter(plan, office, quarter, calendar.Today)
            : ScoringEngine.Annual(plan, office, calendar.Today);
    }
}
