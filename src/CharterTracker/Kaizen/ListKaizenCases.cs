using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Kaizen;

/// <summary>
/// An office's cases of a fiscal year, or its whole subtree's (the tree as it stands today), newest first, with their
/// teams and measures; withdrawn cases are included, marked. A page at a time, like the other lists.
/// </summary>
public sealed record ListKaizenCasesQuery(long OfficeId, string? FiscalYear, bool Subtree = false) : IQuery<PageOf<KaizenCase>>, IPagedQuery
{
    public KaizenStatus? Status { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListKaizenCasesValidator : AbstractValidator<ListKaizenCasesQuery>
{
    public ListKaizenCasesValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
        this.ValidatePaging();
    }
}

public sealed class ListKaizenCasesHandler(DbSession db) : IRequestHandler<ListKaizenCasesQuery, PageOf<KaizenCase>>
{
    public async Task<PageOf<KaizenCase>> Handle(ListKaizenCasesQuery query, CancellationToken cancellationToken)
    {
        var where = (query.Subtree ? " WHERE OfficeId IN (SELECT Id FROM Offices WHERE Path LIKE @Prefix)" : " WHERE OfficeId = @OfficeId")
                    + " AND FiscalYear = @FiscalYear AND (@Status IS NULL OR Status = @Status)";
        var prefix = query.Subtree ? await db.ExecuteScalarAsync<string>("SELECT Path FROM Offices WHERE Id = @OfficeId", query, cancellationToken) + "%" : null;
        var parameters = new { query.OfficeId, query.FiscalYear, Status = query.Status?.ToString(), Prefix = prefix, Skip = query.Skip(), Take = query.PageSize };
        var total = await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM KaizenCases" + where, parameters, cancellationToken);
        var rows = await db.QueryAsync<KaizenCase>(
            SqlText.Build(dialect => KaizenStore.Table.Select + where + " ORDER BY CreatedAtUtc DESC, Id DESC " + query.Limit(dialect)), parameters, cancellationToken);
        return new PageOf<KaizenCase>(await KaizenStore.WithPartsAsync(db, rows, cancellationToken), query.Page, query.PageSize, total);
    }
}
