using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Meetings;

/// <summary>A follow-up still open, with the meeting that decided it and the office that owns it.</summary>
public sealed record OpenFollowUp
{
    public long Id { get; init; }
    public long MeetingId { get; init; }
    public long MeetingOfficeId { get; init; }
    public string MeetingOfficeNameBn { get; init; } = "";
    public string MeetingOfficeNameEn { get; init; } = "";
    public string? MeetingTitle { get; init; }
    public DateOnly MeetingHeldOn { get; init; }
    public int AgendaItem { get; init; }
    public string Action { get; init; } = "";
    public long OwnerOfficeId { get; init; }
    public string OwnerNameBn { get; init; } = "";
    public string OwnerNameEn { get; init; } = "";
    public DateOnly DueOn { get; init; }

    /// <summary>Open, or Overdue once its due date has passed.</summary>
    public FollowUpStatus Status { get; init; }
}

/// <summary>
/// The follow-ups not yet done that were decided at meetings organised anywhere in the office's subtree (as it stands
/// today), soonest due first.
/// </summary>
public sealed record ListSubtreeFollowUpsQuery(long OfficeId) : IQuery<PageOf<OpenFollowUp>>, IPagedQuery
{
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListSubtreeFollowUpsValidator : AbstractValidator<ListSubtreeFollowUpsQuery>
{
    public ListSubtreeFollowUpsValidator() => this.ValidatePaging();
}

public sealed class ListSubtreeFollowUpsHandler(DbSession db, FiscalCalendar calendar) : IRequestHandler<ListSubtreeFollowUpsQuery, PageOf<OpenFollowUp>>
{
    /// <summary>
    /// From the open follow-ups (indexed by status and due date) to their meeting's office: with CROSS JOIN SQLite keeps
    /// that order, so a page of a large subtree stops after its first rows.
    /// </summary>
    private const string From = """
        FROM FollowUps f CROSS JOIN Meetings m CROSS JOIN Offices mo CROSS JOIN Offices ow
        WHERE f.Status = 'Open' AND m.Id = f.MeetingId AND m.WithdrawnAtUtc IS NULL AND mo.Id = m.OfficeId AND mo.Path LIKE @Prefix AND ow.Id = f.OwnerOfficeId
        """;

    private static string PageSql(string limit) => $"""
        SELECT f.Id, f.MeetingId, m.OfficeId AS MeetingOfficeId, mo.NameBn AS MeetingOfficeNameBn, mo.NameEn AS MeetingOfficeNameEn,
               m.Title AS MeetingTitle, m.HeldOn AS MeetingHeldOn, f.AgendaSeq AS AgendaItem, f.Action, f.OwnerOfficeId,
               ow.NameBn AS OwnerNameBn, ow.NameEn AS OwnerNameEn, f.DueOn
        {From}
        ORDER BY f.DueOn, f.Id
        {limit}
        """;

    public async Task<PageOf<OpenFollowUp>> Handle(ListSubtreeFollowUpsQuery query, CancellationToken cancellationToken)
    {
        var prefix = await db.ExecuteScalarAsync<string>("SELECT Path FROM Offices WHERE Id = @OfficeId", query, cancellationToken) + "%";
        var parameters = new { Prefix = prefix, Skip = query.Skip(), Take = query.PageSize };
        var total = await db.ExecuteScalarAsync<int>("SELECT COUNT(*) " + From, parameters, cancellationToken);
        var rows = await db.QueryAsync<OpenFollowUp>(SqlText.Build(dialect => PageSql(query.Limit(dialect))), parameters, cancellationToken);
        var today = calendar.Today;
        return new PageOf<OpenFollowUp>(rows.Select(r => r with { Status = r.DueOn < today ? FollowUpStatus.Overdue : FollowUpStatus.Open }).ToList(),
            query.Page, query.PageSize, total);
    }
}
