using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Deadlines;

public enum EmailStatus
{
    /// <summary>The user had no email address: the notification is in-app only.</summary>
    InAppOnly,

    /// <summary>Waiting to be emailed (also while email delivery is not configured).</summary>
    Queued,
    Sent,
    Failed,
}

/// <summary>
/// The signed-in user's notifications, newest first. The outbox rows are the list: every digest is written once, for
/// the user, and email is only one way of delivering it, so there is no second table to keep in step.
/// </summary>
public sealed record ListMyNotificationsQuery(int? Limit) : IQuery<IReadOnlyList<NotificationView>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed record NotificationView
{
    public long Id { get; init; }
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public EmailStatus EmailStatus { get; init; }
    public DateTime? EmailedAt { get; init; }
}

public sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotificationsQuery>
{
    public ListMyNotificationsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 200).When(q => q.Limit is not null);
}

public sealed class ListMyNotificationsHandler(DbSession db, CurrentUser user) : IRequestHandler<ListMyNotificationsQuery, IReadOnlyList<NotificationView>>
{
    private sealed class Row
    {
        public long Id { get; init; }
        public string Subject { get; init; } = "";
        public string Body { get; init; } = "";
        public DateTime CreatedAtUtc { get; init; }
        public string? Email { get; init; }
        public DateTime? SentAtUtc { get; init; }
        public bool FailedPermanently { get; init; }
    }

    private static readonly SqlText Sql = SqlText.Build(dialect => $"""
        SELECT Id, Subject, Body, CreatedAtUtc, Email, SentAtUtc, FailedPermanently FROM Outbox WHERE UserId = @UserId
        ORDER BY Id DESC {DialectSql.First(dialect)}
        """);

    public async Task<IReadOnlyList<NotificationView>> Handle(ListMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } userId) return [];
        var rows = await db.QueryAsync<Row>(Sql, new { UserId = userId, Take = query.Limit ?? 50 }, cancellationToken);
        return rows.Select(row => new NotificationView
        {
            Id = row.Id,
            Subject = row.Subject,
            Body = row.Body,
            CreatedAt = row.CreatedAtUtc,
            EmailedAt = row.SentAtUtc,
            EmailStatus = row.Email is null ? EmailStatus.InAppOnly
                : row.SentAtUtc is not null ? EmailStatus.Sent
                : row.FailedPermanently ? EmailStatus.Failed
                : EmailStatus.Queued,
        }).ToList();
    }
}
