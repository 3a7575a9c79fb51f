using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Scoring;

public sealed record Deadline(string IndicatorCode, int? Quarter, DateOnly DueOn, ItemStatus Status, DateOnly? RecordedOn);

/// <summary>One row per expected item of the office's year: quarterly items per quarter, annual items once (quarter null).</summary>
public sealed record ListDeadlinesQuery(long OfficeId, string? FiscalYear) : IQuery<IReadOnlyList<Deadline>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListDeadlinesValidator : AbstractValidator<ListDeadlinesQuery>
{
    public ListDeadlinesValidator(FiscalCalendar calendar) => RuleFor(q => q.FiscalYear).OptionalFiscalYearName(calendar);
}

public sealed class ListDeadlinesHandler(ActionPlanStore plans, ScoringData data, FiscalCalendar calendar) : IRequestHandler<ListDeadlinesQuery, IReadOnlyList<Deadline>>
{
    public async Task<IReadOnlyList<Deadline>> Handle(ListDeadlinesQuery query, CancellationToken cancellationToken)
    {
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var plan = await plans.GetAsync(year.Name, cancellationToken);
        var office = (await data.LoadAsync(year, [query.OfficeId], cancellationToken))[query.OfficeId];
        return ScoringEngine.Items(plan, office, calendar.Today)
            .Select(i => new Deadline(i.Item.Code, i.Quarter == 0 ? null : i.Quarter, i.Item.DueOn!.Value, i.Item.Status, i.Item.RecordedOn))
            .OrderBy(d => d.DueOn).ThenBy(d => d.IndicatorCode, StringComparer.Ordinal)
            .ToList();
    }
}
