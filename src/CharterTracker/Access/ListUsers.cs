using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Access;

/// <summary>
/// Every user, in username order (a deployment has thousands, not millions), or those of an office, of a role, or
/// whose username, display name or email contains <see cref="Search"/>.
/// </summary>
public sealed record ListUsersQuery(long? OfficeId = null, Role? Role = null, string? Search = null) : IQuery<IReadOnlyList<User>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersValidator()
    {
        RuleFor(q => q.Search).MaximumLength(Offices.ListOfficesValidator.SearchMaxLength)
            .WithMessage(_ => Say.Text("খোঁজার লেখা সর্বোচ্চ ২০০ অক্ষর।", "A search is at most 200 characters."));
    }
}

public sealed class ListUsersHandler(DbSession db) : IRequestHandler<ListUsersQuery, IReadOnlyList<User>>
{
    public async Task<IReadOnlyList<User>> Handle(ListUsersQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<User>(
            $"""
            SELECT {User.Columns} FROM Users
            WHERE (@OfficeId IS NULL OR OfficeId = @OfficeId) AND (@Role IS NULL OR Role = @Role)
              AND (@Search IS NULL OR Username LIKE @Search OR DisplayName LIKE @Search OR Email LIKE @Search)
            ORDER BY Username
            """,
            new
            {
                query.OfficeId,
                Role = query.Role?.ToString(),
                Search = string.IsNullOrWhiteSpace(query.Search) ? null : "%" + query.Search.Trim() + "%",
            }, cancellationToken);
}
