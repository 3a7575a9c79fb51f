using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>
/// The office's quality scorecard, apart from the Cabinet Division plan's: each of its quality systems in force in the
/// period, scored by the plan's engine over the system's own indicators (with a quarter, the quarter score; without,
/// the annual score and the marks out of the system's total weight).
/// </summary>
public sealed record GetQualityScorecardQuery(long OfficeId, string? FiscalYear, int? Quarter) : IQuery<QualityScorecard>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed record QualityScorecard(long OfficeId, string FiscalYear, int? Quarter, IReadOnlyList<QualitySystemScore> Systems);

public sealed class GetQualityScorecardValidator : AbstractValidator<GetQualityScorecardQuery>
{
    public GetQualityScorecardValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
        RuleFor(q => q.Quarter).OptionalQuarterNumber();
    }
}

public sealed class GetQualityScorecardHandler(QualityScoring scoring, FiscalCalendar calendar) : IRequestHandler<GetQualityScorecardQuery, QualityScorecard>
{
    public async Task<QualityScorecard> Handle(GetQualityScorecardQuery query, CancellationToken cancellationToken)
    {
        var year = calendar.Year(query.FiscalYear);
        var systems = await scoring.ScoreAsync(year, query.Quarter, [query.OfficeId], calendar.Today, cancellationToken);
        return new QualityScorecard(query.OfficeId, year.Name, query.Quarter, systems);
    }
}
