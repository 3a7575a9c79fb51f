using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Auditing;

/// <summary>The newest audit rows: of one office (anyone who may read it), or of everything (SystemAdmin).</summary>
public sealed record ListAuditEntriesQuery(long? OfficeId = null, int Limit = 100) : IQuery<IReadOnlyList<AuditRecord>>
{
    public IEnumerable<AccessDemand> AccessDemands() =>
        [OfficeId is { } officeId ? AccessDemand.Read(officeId) : AccessDemand.SystemAdminOnly];
}

public sealed record AuditRecord
{
    public long Id { get; init; }
    public DateTime OccurredAtUtc { get; init; }
    public long? UserId { get; init; }
    public string Username { get; init; } = "";
    public string Action { get; init; } = "";
    public long? OfficeId { get; init; }
    public long? EntityId { get; init; }
    public AuditOutcome Outcome { get; init; }
    public string Payload { get; init; } = "";
    public string? Detail { get; init; }
}

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
}

public sealed class ListAuditEntriesHandler(DbSession db) : IRequestHandler<ListAuditEntriesQuery, IReadOnlyList<AuditRecord>>
{
    private static readonly SqlText Sql = new(
        Sqlite: "SELECT Id, OccurredAtUtc, UserId, Username, Action, OfficeId, EntityId, Outcome, Payload, Detail FROM AuditLog WHERE @OfficeId IS NULL OR OfficeId = @OfficeId ORDER BY Id DESC LIMIT @Limit",
        SqlServer: "SELECT TOP (@Limit) Id, OccurredAtUtc, UserId, Username, Action, OfficeId, EntityId, Outcome, Payload, Detail FROM AuditLog WHERE @OfficeId IS NULL OR OfficeId = @OfficeId ORDER BY Id DESC");

    public async Task<IReadOnlyList<AuditRecord>> Handle(ListAuditEntriesQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<AuditRecord>(Sql, new { query.OfficeId, query.Limit }, cancellationToken);
}
