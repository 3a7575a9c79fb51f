using System.Globalization;
using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>
/// One level of the tree as it stands now (the latest placements): an office, the chain of its ancestors, and a page
/// of its direct children — deactivated and not-yet-open ones included — each with the number of its own children.
/// Without an office: the top-level offices. The national tree has tens of thousands of offices, so the
/// administrator's pages walk it a level at a time and never read it whole.
/// </summary>
public sealed record GetOfficeLevelQuery(long? OfficeId, int Page = 1, int PageSize = 100) : IQuery<OfficeLevel>, IPagedQuery
{
    /// <summary>The administrator's view of the whole tree (the ancestors may lie outside any other role's subtree).</summary>
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

/// <param name="Office">Null for the top level.</param>
/// <param name="Ancestors">From the top-level office down to the office's parent.</param>
/// <param name="Total">How many children the office has in all (the page shows some of them).</param>
public sealed record OfficeLevel(Office? Office, IReadOnlyList<Office> Ancestors, IReadOnlyList<OfficeTreeItem> Children, int Page, int PageSize, long Total);

public sealed record OfficeTreeItem(Office Office, long ChildCount);

public sealed class GetOfficeLevelValidator : AbstractValidator<GetOfficeLevelQuery>
{
    public GetOfficeLevelValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 500);
    }
}

public sealed class GetOfficeLevelHandler(DbSession db, OfficeStore offices, FiscalCalendar calendar) : IRequestHandler<GetOfficeLevelQuery, OfficeLevel>
{
    public async Task<OfficeLevel> Handle(GetOfficeLevelQuery query, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        OfficeRow? office = null;
        IReadOnlyList<OfficeRow> ancestors = [];
        if (query.OfficeId is { } id)
        {
            office = await offices.GetAsync(id, cancellationToken);
            // The materialised path names every ancestor: '/1/14/203/' → 1, 14.
            var ids = office.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => long.Parse(part, CultureInfo.InvariantCulture)).Where(ancestor => ancestor != id).ToList();
            if (ids.Count > 0)
            {
                ancestors = (await db.QueryAsync<OfficeRow>($"SELECT {OfficeRow.Columns} FROM Offices WHERE Id IN @ids", new { ids }, cancellationToken))
                    .OrderBy(row => row.Depth).ToList();
            }
        }

        var where = office is null ? "ParentId IS NULL" : "ParentId = @ParentId";
        var parameters = new { ParentId = office?.Id, Skip = query.Skip(), Take = query.PageSize };
        var total = await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM Offices WHERE {where}", parameters, cancellationToken);
        var children = await db.QueryAsync<OfficeRow>(
            SqlText.Build(dialect => $"SELECT {OfficeRow.Columns} FROM Offices WHERE {where} ORDER BY Code {query.Limit(dialect)}"), parameters, cancellationToken);
        var counts = new Dictionary<long, long>();
        if (children.Count > 0)
        {
            var ids = children.Select(child => child.Id).ToList();
            foreach (var (parentId, count) in await db.QueryAsync<(long, long)>(
                         "SELECT ParentId, COUNT(*) FROM Offices WHERE ParentId IN @ids GROUP BY ParentId", new { ids }, cancellationToken))
            {
                counts[parentId] = count;
            }
        }
        return new OfficeLevel(office?.ToOffice(today), ancestors.Select(row => row.ToOffice(today)).ToList(),
            children.Select(child => new OfficeTreeItem(child.ToOffice(today), counts.GetValueOrDefault(child.Id))).ToList(),
            query.Page, query.PageSize, total);
    }
}
