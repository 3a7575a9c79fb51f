using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Scoring;

public sealed record ChecklistItem
{
    public string IndicatorCode { get; init; } = "";
    public string TextBn { get; init; } = "";
    public string TextEn { get; init; } = "";

    /// <summary>Null for an annual item (due once for the year).</summary>
    public int? Quarter { get; init; }
    public ActivityFeed FedBy { get; init; }
    public DateOnly DueOn { get; init; }
    public ItemStatus Status { get; init; }
    public DateOnly? RecordedOn { get; init; }
    public IReadOnlyList<string> Counted { get; init; } = [];
    public string? Missing { get; init; }
}

public sealed record Checklist(long OfficeId, string FiscalYear, int Quarter, bool HasSubordinates, IReadOnlyList<ChecklistItem> Items);

/// <summary>
/// A focal point's to-do list for an office and quarter: every expected item of the quarter, and the year's annual
/// items, with status, due date, what counted and what is missing.
/// </summary>
public sealed record GetChecklistQuery(long OfficeId, string? FiscalYear, int? Quarter) : IQuery<Checklist>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetChecklistValidator : AbstractValidator<GetChecklistQuery>
{
    public GetChecklistValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).OptionalFiscalYearName(calendar);
        RuleFor(q => q.Quarter).QuarterNumber();
    }
}

public sealed class GetChecklistHandler(ActionPlanStore plans, ScoringData data, FiscalCalendar calendar) : IRequestHandler<GetChecklistQuery, Checklist>
{
    public async Task<Checklist> Handle(GetChecklistQuery query, CancellationToken cancellationToken)
    {
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var plan = await plans.GetAsync(year.Name, cancellationToken);
        var office = (await data.LoadAsync(year, [query.OfficeId], cancellationToken))[query.OfficeId];
        var quarter = query.Quarter!.Value;
        var quarterCard = ScoringEngine.Quarter(plan, office, quarter, calendar.Today);
        var annualCard = ScoringEngine.Annual(plan, office, calendar.Today);
        var items = quarterCard.Indicators.Where(i => i.Applicable && i.Frequency == IndicatorFrequency.Quarterly).Select(i => Item(i, quarter))
            .Concat(quarterCard.Expected
                ? annualCard.Indicators.Where(i => i.Applicable && i.Frequency == IndicatorFrequency.Annual).Select(i => Item(i, null))
                : [])
            .ToList();
        return new Checklist(query.OfficeId, year.Name, quarter, quarterCard.HasSubordinates, items);
    }

    private static ChecklistItem Item(IndicatorScore indicator, int? quarter) => new()
    {
        IndicatorCode = indicator.Code, TextBn = indicator.TextBn, TextEn = indicator.TextEn, Quarter = quarter, FedBy = indicator.FedBy, DueOn = indicator.DueOn!.Value,
        Status = indicator.Status, RecordedOn = indicator.RecordedOn, Counted = indicator.Counted, Missing = indicator.Missing,
    };
}
