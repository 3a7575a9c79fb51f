using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;
using FluentValidation;
using MediatR;

namespace CharterTracker.Monitoring;

/// <summary>
/// The roll-up of an office's subtree for each quarter of a year, each quarter over the tree as it stood on its
/// first day: the same figures as <see cref="GetRollupQuery"/> with that quarter, read from the read model's period
/// rows in one statement, for the dashboard's trend charts and headline.
/// </summary>
public sealed record GetRollupTrendQuery(long OfficeId, string? FiscalYear) : IQuery<IReadOnlyList<Rollup>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetRollupTrendValidator : AbstractValidator<GetRollupTrendQuery>
{
    public GetRollupTrendValidator(FiscalCalendar calendar) => RuleFor(q => q.FiscalYear).OptionalFiscalYearName(calendar);
}

public sealed class GetRollupTrendHandler(DbSession db, FiscalCalendar calendar, ActionPlanStore plans) : IRequestHandler<GetRollupTrendQuery, IReadOnlyList<Rollup>>
{
    public async Task<IReadOnlyList<Rollup>> Handle(GetRollupTrendQuery query, CancellationToken cancellationToken)
    {
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var plan = await plans.FindAsync(year.Name, cancellationToken);
        var rows = await OfficePeriods.TotalsAsync(db, plan, year, query.OfficeId, [1, 2, 3, 4], calendar.Today, cancellationToken);
        return rows.OrderBy(r => r.Quarter)
            .Select(r => GetRollupHandler.Of(query.OfficeId, year, plan, r.Quarter, PeriodPhases.Of(plan, year, r.Quarter, calendar.Today), [r], r))
            .ToList();
    }
}
