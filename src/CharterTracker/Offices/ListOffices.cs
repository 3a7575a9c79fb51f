using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>The offices the caller may see, filtered by code or name, a page at a time, in code order.</summary>
public sealed record ListOfficesQuery : IQuery<PageOf<Office>>, IPagedQuery
{
    /// <summary>Part of a code or of either name.</summary>
    public string? Search { get; init; }
    public OfficeKind? Kind { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class ListOfficesValidator : AbstractValidator<ListOfficesQuery>
{
    public ListOfficesValidator()
    {
        // Never every office at once (no PageSize 0): there is no export of this list.
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 500);
        // SQLite refuses a LIKE pattern over 50,000 bytes with an error: a search that long is a mistake, said so.
        RuleFor(q => q.Search).MaximumLength(SearchMaxLength).WithMessage(_ => Say.Text("খোঁজার লেখা সর্বোচ্চ ২০০ অক্ষর।", "A search is at most 200 characters."));
    }

    public const int SearchMaxLength = 200;
}

public sealed class ListOfficesHandler(DbSession db, AccessPolicy access, FiscalCalendar calendar) : IRequestHandler<ListOfficesQuery, PageOf<Office>>
{
    public async Task<PageOf<Office>> Handle(ListOfficesQuery query, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        var parameters = new Dapper.DynamicParameters();
        var readable = await ReadableOfficesAsync(parameters, cancellationToken);
        if (readable is not null) filters.Add(readable.Condition);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            filters.Add("(o.Code LIKE @Search OR o.NameEn LIKE @Search OR o.NameBn LIKE @Search)");
            parameters.Add("Search", "%" + query.Search.Trim() + "%");
        }
        if (query.Kind is { } kind)
        {
            filters.Add("o.Kind = @Kind");
            parameters.Add("Kind", kind.ToString());
        }
        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        parameters.Add("Skip", query.Skip());
        parameters.Add("Take", query.PageSize);

        var count = $"SELECT COUNT(*) FROM Offices o {where}";
        var total = await db.ExecuteScalarAsync<int>(OfficeTree.SubtreesToday.Within(readable, new SqlText(count, count)), parameters, cancellationToken);
        var page = SqlText.Build(dialect => $"SELECT {OfficeRow.Columns} FROM Offices o {where} ORDER BY o.Code {query.Limit(dialect)}");
        var rows = await db.QueryAsync<OfficeRow>(OfficeTree.SubtreesToday.Within(readable, page), parameters, cancellationToken);
        return new PageOf<Office>(rows.Select(row => row.ToOffice(calendar.Today)).ToList(), query.Page, query.PageSize, total);
    }

    /// <summary>
    /// The offices the caller may read, for lists filtered in SQL over <c>Offices o</c>: the same rule as a single
    /// office's check (<see cref="AccessPolicy"/>, the tree as it stands today), so that a list never shows an office
    /// the caller cannot open, nor hides one it can. Null when the caller sees everything.
    /// </summary>
    private async Task<OfficeTree.SubtreesToday?> ReadableOfficesAsync(Dapper.DynamicParameters parameters, CancellationToken cancellationToken)
    {
        if (access.SeesEverything) return null;
        var scope = await access.ScopeOfficesAsync(cancellationToken);
        var roots = scope.Count == 0 ? [] : await db.QueryAsync<(long, string)>("SELECT Id, Path FROM Offices WHERE Id IN @scope", new { scope }, cancellationToken);
        return OfficeTree.InSubtreesToday(roots, calendar.Today, parameters);
    }
}
