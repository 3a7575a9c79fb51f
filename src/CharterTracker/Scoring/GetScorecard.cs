using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
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
        RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
        RuleFor(q => q.Quarter).OptionalQuarterNumber();
    }
}

public sealed class GetScorecardHandler(ActionPlanStore plans, ScoringData data, FiscalCalendar calendar) : IRequestHandler<GetScorecardQuery, Scorecard>
{
    public async Task<Scorecard> Handle(GetScorecardQuery query, CancellationToken cancellationToken)
    {
        calendar.TryParseYear(query.FiscalYear, out var year);
        var plan = await plans.GetAsync(year.Name, cancellationToken);
        var office = (await data.LoadAsync(year, [query.OfficeId], cancellationToken))[query.OfficeId];
        return query.Quarter is { } quarter
            ? ScoringEngine.Quarter(plan, office, quarter, calendar.Today)
            : ScoringEngine.Annual(plan, office, calendar.Today);
    }
}

public sealed record Deadline(string IndicatorCode, int? Quarter, DateOnly DueOn, ItemStatus Status, DateOnly? RecordedOn);

/// <summary>One row per expected item of the office's year: quarterly items per quarter, annual items once (quarter null).</summary>
public sealed record ListDeadlinesQuery(long OfficeId, string? FiscalYear) : IQuery<IReadOnlyList<Deadline>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListDeadlinesValidator : AbstractValidator<ListDeadlinesQuery>
{
    public ListDeadlinesValidator(FiscalCalendar calendar) => RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
}

public sealed class ListDeadlinesHandler(ActionPlanStore plans, ScoringData data, FiscalCalendar calendar) : IRequestHandler<ListDeadlinesQuery, IReadOnlyList<Deadline>>
{
    public async Task<IReadOnlyList<Deadline>> Handle(ListDeadlinesQuery query, CancellationToken cancellationToken)
    {
        calendar.TryParseYear(query.FiscalYear, out var year);
        var plan = await plans.GetAsync(year.Name, cancellationToken);
        var office = (await data.LoadAsync(year, [query.OfficeId], cancellationToken))[query.OfficeId];
        return ScoringEngine.Items(plan, office, calendar.Today)
            .Select(i => new Deadline(i.Item.Code, i.Quarter == 0 ? null : i.Quarter, i.Item.DueOn!.Value, i.Item.Status, i.Item.RecordedOn))
            .OrderBy(d => d.DueOn).ThenBy(d => d.IndicatorCode, StringComparer.Ordinal)
            .ToList();
    }
}

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
        RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
        RuleFor(q => q.Quarter).QuarterNumber();
    }
}

public sealed class GetChecklistHandler(ActionPlanStore plans, ScoringData data, FiscalCalendar calendar) : IRequestHandler<GetChecklistQuery, Checklist>
{
    public async Task<Checklist> Handle(GetChecklistQuery query, CancellationToken cancellationToken)
    {
        calendar.TryParseYear(query.FiscalYear, out var year);
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
