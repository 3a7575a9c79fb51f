using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.SpotChecks;

/// <summary>
/// What the dashboard shows of spot checks for an office and a quarter: the findings by checked office (from every
/// spot check drawn in the office's subtree for that quarter), and how many monitoring reports the office itself
/// issued for the fiscal year — at least two are due; a finished year with fewer is flagged.
/// </summary>
public sealed record GetSpotCheckFindingsQuery(long OfficeId, string FiscalYear, int Quarter) : IQuery<SpotCheckFindings>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed record SpotCheckFindings
{
    /// <summary>Monitoring reports due from a committee's office each fiscal year (Cabinet Division practice).</summary>
    public const int ReportsDuePerYear = 2;

    public IReadOnlyList<OfficeFindings> ByOffice { get; init; } = [];
    public int ReportsIssued { get; init; }
    public bool YearEnded { get; init; }

    /// <summary>The year is over and fewer than two reports were issued for it.</summary>
    public bool Flagged => YearEnded && ReportsIssued < ReportsDuePerYear;
}

public sealed record OfficeFindings
{
    public long OfficeId { get; init; }
    public string OfficeNameBn { get; init; } = "";
    public string OfficeNameEn { get; init; } = "";
    public int Sampled { get; init; }
    public int Checked { get; init; }
    public int WithinTimeLimit { get; init; }
    public int FeeAsPublished { get; init; }
    public int DocumentsAsPublished { get; init; }
}

public sealed class GetSpotCheckFindingsValidator : AbstractValidator<GetSpotCheckFindingsQuery>
{
    public GetSpotCheckFindingsValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
        RuleFor(q => (int?)q.Quarter).QuarterNumber().OverridePropertyName("quarter");
    }
}

public sealed class GetSpotCheckFindingsHandler(DbSession db, SpotCheckStore store, FiscalCalendar calendar) : IRequestHandler<GetSpotCheckFindingsQuery, SpotCheckFindings>
{
    public async Task<SpotCheckFindings> Handle(GetSpotCheckFindingsQuery query, CancellationToken cancellationToken)
    {
        var path = await store.PathOfAsync(query.OfficeId, cancellationToken);
        var byOffice = await db.QueryAsync<OfficeFindings>(
            """
            SELECT i.OfficeId, o.NameBn AS OfficeNameBn, o.NameEn AS OfficeNameEn, COUNT(*) AS Sampled,
                   SUM(CASE WHEN i.CheckedOn IS NULL THEN 0 ELSE 1 END) AS Checked,
                   SUM(CASE WHEN i.WithinTimeLimit = 1 THEN 1 ELSE 0 END) AS WithinTimeLimit,
                   SUM(CASE WHEN i.FeeAsPublished = 1 THEN 1 ELSE 0 END) AS FeeAsPublished,
                   SUM(CASE WHEN i.DocumentsAsPublished = 1 THEN 1 ELSE 0 END) AS DocumentsAsPublished
            FROM SpotChecks c
            JOIN Offices m ON m.Id = c.OfficeId
            JOIN SpotCheckItems i ON i.SpotCheckId = c.Id
            JOIN Offices o ON o.Id = i.OfficeId
            WHERE m.Path LIKE @prefix AND c.FiscalYear = @FiscalYear AND c.Quarter = @Quarter
            GROUP BY i.OfficeId, o.NameBn, o.NameEn
            ORDER BY o.NameBn
            """, new { prefix = path + "%", query.FiscalYear, query.Quarter }, cancellationToken);
        var issued = await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM SpotChecks WHERE OfficeId = @OfficeId AND FiscalYear = @FiscalYear AND IssuedOn IS NOT NULL", query, cancellationToken);
        return new SpotCheckFindings { ByOffice = byOffice, ReportsIssued = issued, YearEnded = calendar.Today > calendar.Year(query.FiscalYear).End };
    }
}
