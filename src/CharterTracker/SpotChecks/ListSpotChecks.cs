using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.SpotChecks;

/// <summary>The spot checks of a fiscal year drawn by the office or any office of its subtree, newest first.</summary>
public sealed record ListSpotChecksQuery(long OfficeId, string? FiscalYear) : IQuery<IReadOnlyList<SpotCheckSummary>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed record SpotCheckSummary
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public string OfficeNameBn { get; init; } = "";
    public string OfficeNameEn { get; init; } = "";
    public string FiscalYear { get; init; } = "";
    public int Quarter { get; init; }
    public DateOnly DrawnOn { get; init; }
    public int Sampled { get; init; }
    public int Checked { get; init; }
    public int Compliant { get; init; }
    public string? MemoNumber { get; init; }
    public DateOnly? IssuedOn { get; init; }
}

public sealed class ListSpotChecksValidator : AbstractValidator<ListSpotChecksQuery>
{
    public ListSpotChecksValidator(FiscalCalendar calendar) => RuleFor(q => q.FiscalYear).FiscalYearName(calendar).When(q => q.FiscalYear is not null);
}

public sealed class ListSpotChecksHandler(DbSession db, SpotCheckStore store, FiscalCalendar calendar) : IRequestHandler<ListSpotChecksQuery, IReadOnlyList<SpotCheckSummary>>
{
    public async Task<IReadOnlyList<SpotCheckSummary>> Handle(ListSpotChecksQuery query, CancellationToken cancellationToken)
    {
        var path = await store.PathOfAsync(query.OfficeId, cancellationToken);
        var year = query.FiscalYear is null ? calendar.YearOf(calendar.Today).Name : calendar.Year(query.FiscalYear).Name;
        return await db.QueryAsync<SpotCheckSummary>(
            """
            SELECT c.Id, c.OfficeId, o.NameBn AS OfficeNameBn, o.NameEn AS OfficeNameEn, c.FiscalYear, c.Quarter, c.DrawnOn,
                   (SELECT COUNT(*) FROM SpotCheckItems i WHERE i.SpotCheckId = c.Id) AS Sampled,
                   (SELECT COUNT(*) FROM SpotCheckItems i WHERE i.SpotCheckId = c.Id AND i.CheckedOn IS NOT NULL) AS Checked,
                   (SELECT COUNT(*) FROM SpotCheckItems i WHERE i.SpotCheckId = c.Id AND i.WithinTimeLimit = 1 AND i.FeeAsPublished = 1 AND i.DocumentsAsPublished = 1) AS Compliant,
                   c.MemoNumber, c.IssuedOn
            FROM SpotChecks c JOIN Offices o ON o.Id = c.OfficeId
            WHERE o.Path LIKE @prefix AND c.FiscalYear = @year
            ORDER BY c.Quarter DESC, c.Id DESC
            """, new { prefix = path + "%", year }, cancellationToken);
    }
}
