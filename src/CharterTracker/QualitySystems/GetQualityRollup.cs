using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>
/// Quality systems over an office's subtree (today's tree, the office included), a view apart from the plan's
/// roll-up: per system, the offices that had it in force in the period and the mean of their scores; and each
/// office's score per system. Offices' own systems are counted together.
/// </summary>
public sealed record GetQualityRollupQuery(long OfficeId, string? FiscalYear, int? Quarter) : IQuery<QualityRollup>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed record QualityRollup(long OfficeId, string FiscalYear, int? Quarter, IReadOnlyList<QualityRollupSystem> Systems, IReadOnlyList<QualityRollupOffice> Offices);

public sealed record QualityRollupSystem
{
    public string SystemCode { get; init; } = "";
    public QualityStandard Standard { get; init; }
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";

    /// <summary>Offices that had the system in force on some day of the period.</summary>
    public int Offices { get; init; }

    /// <summary>Of those, the ones with a score (an indicator scored in the period).</summary>
    public int Scored { get; init; }

    /// <summary>The mean of the scored offices' scores; null when none is scored.</summary>
    public decimal? AverageScore { get; init; }
}

public sealed record QualityRollupOffice
{
    public long OfficeId { get; init; }
    public string Code { get; init; } = "";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";
    public long QualitySystemId { get; init; }
    public string SystemCode { get; init; } = "";
    public string SystemNameBn { get; init; } = "";
    public string SystemNameEn { get; init; } = "";
    public bool Scored { get; init; }
    public decimal Score { get; init; }
}

public sealed class GetQualityRollupValidator : AbstractValidator<GetQualityRollupQuery>
{
    public GetQualityRollupValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
        RuleFor(q => q.Quarter).OptionalQuarterNumber();
    }
}

public sealed class GetQualityRollupHandler(DbSession db, QualityScoring scoring, FiscalCalendar calendar) : IRequestHandler<GetQualityRollupQuery, QualityRollup>
{
    private sealed class OfficeRow
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
    }

    public async Task<QualityRollup> Handle(GetQualityRollupQuery query, CancellationToken cancellationToken)
    {
        var year = calendar.Year(query.FiscalYear);
        var path = await db.QuerySingleOrDefaultAsync<string>("SELECT Path FROM Offices WHERE Id = @OfficeId", query, cancellationToken)
            ?? throw new NotFoundException($"Office {query.OfficeId} does not exist.");
        // Only the offices that ever adopted a system are scored: a ministry's subtree is mostly offices without one.
        var offices = (await db.QueryAsync<OfficeRow>(
                """
                SELECT o.Id, o.Code, o.NameBn, o.NameEn FROM Offices o
                WHERE o.Path LIKE @prefix AND EXISTS (SELECT 1 FROM QualitySystemAdoptions a WHERE a.OfficeId = o.Id)
                """, new { prefix = path + "%" }, cancellationToken))
            .ToDictionary(o => o.Id);
        var scores = await scoring.ScoreAsync(year, query.Quarter, offices.Keys.ToList(), calendar.Today, cancellationToken);

        var order = QualitySystemCatalog.Systems.Select(s => s.Code).Append(QualitySystemCatalog.Own).ToList();
        var systems = scores.GroupBy(s => s.Standard == QualityStandard.Own ? QualitySystemCatalog.Own : s.SystemCode)
            .OrderBy(g => order.IndexOf(g.Key))
            .Select(g =>
            {
                var named = QualitySystemCatalog.Find(g.Key) ?? QualitySystemCatalog.OwnSystems;
                var scored = g.Where(s => s.Scored).ToList();
                return new QualityRollupSystem
                {
                    SystemCode = named.Code, Standard = named.Standard, NameBn = named.NameBn, NameEn = named.NameEn,
                    Offices = g.Select(s => s.OfficeId).Distinct().Count(),
                    Scored = scored.Select(s => s.OfficeId).Distinct().Count(),
                    AverageScore = scored.Count == 0 ? null : Scoring.ScoringEngine.Round(scored.Average(s => s.Score)),
                };
            }).ToList();
        var rows = scores.Select(s => new QualityRollupOffice
            {
                OfficeId = s.OfficeId, Code = offices[s.OfficeId].Code, NameBn = offices[s.OfficeId].NameBn, NameEn = offices[s.OfficeId].NameEn,
                QualitySystemId = s.QualitySystemId, SystemCode = s.SystemCode, SystemNameBn = s.NameBn, SystemNameEn = s.NameEn, Scored = s.Scored, Score = s.Score,
            })
            .OrderBy(r => order.IndexOf(r.SystemCode) is var i && i < 0 ? int.MaxValue : i).ThenByDescending(r => r.Score).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return new QualityRollup(query.OfficeId, year.Name, query.Quarter, systems, rows);
    }
}
