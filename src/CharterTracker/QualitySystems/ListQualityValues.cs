using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>The office's quality values of a fiscal year, withdrawn ones included (marked), by indicator and quarter.</summary>
public sealed record ListQualityValuesQuery(long OfficeId, string? FiscalYear) : IQuery<IReadOnlyList<QualityValue>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListQualityValuesValidator : AbstractValidator<ListQualityValuesQuery>
{
    public ListQualityValuesValidator(FiscalCalendar calendar) => RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
}

public sealed class ListQualityValuesHandler(DbSession db) : IRequestHandler<ListQualityValuesQuery, IReadOnlyList<QualityValue>>
{
    public async Task<IReadOnlyList<QualityValue>> Handle(ListQualityValuesQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<QualityValue>(
            QualityValueStore.Table.Select + " WHERE OfficeId = @OfficeId AND FiscalYear = @FiscalYear ORDER BY IndicatorId, Quarter, Id", query, cancellationToken);
}
