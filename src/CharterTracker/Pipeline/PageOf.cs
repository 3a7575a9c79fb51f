using FluentValidation;

namespace CharterTracker.Pipeline;

/// <summary>
/// One page of a list that can be long at national scale (a ministry's 25,000 offices): the rows asked for and how
/// many there are in all. <see cref="PageSize"/> 0 asks for every row (exports).
/// </summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => PageSize == 0 || Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>The paging parameters of a list query.</summary>
public interface IPagedQuery
{
    int Page { get; }

    /// <summary>Rows per page; 0 for all of them.</summary>
    int PageSize { get; }
}

public static class Paging
{
    /// <summary>The clause that ends an ordered statement with the query's page (nothing when it asks for every row).</summary>
    public static string Limit(this IPagedQuery query, Data.Dialect dialect) => query.PageSize == 0 ? "" : Data.DialectSql.Page(dialect);

    public static int Skip(this IPagedQuery query) => query.PageSize == 0 ? 0 : (query.Page - 1) * query.PageSize;

    public static void ValidatePaging<T>(this AbstractValidator<T> validator) where T : IPagedQuery
    {
        validator.RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Pages are numbered from 1.");
        validator.RuleFor(q => q.PageSize).InclusiveBetween(0, 500).WithMessage("A page holds 1 to 500 rows (0 for all).");
    }
}
