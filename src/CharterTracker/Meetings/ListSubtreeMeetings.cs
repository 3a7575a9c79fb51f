using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Meetings;

/// <summary>A meeting as a list across offices shows it: where, when, and how much of what it decided is still open.</summary>
public sealed record SubtreeMeeting
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public string OfficeNameBn { get; init; } = "";
    public string OfficeNameEn { get; init; } = "";
    public MeetingKind Kind { get; init; }
    public string? Title { get; init; }
    public DateOnly HeldOn { get; init; }
    public string? MemoNumber { get; init; }
    public bool HasEvidence { get; init; }
    public int AgendaItems { get; init; }
    public int OpenFollowUps { get; init; }
}

/// <summary>The meetings held in a quarter (or a whole year) by the offices of a subtree (as it stands today), newest first.</summary>
public sealed record ListSubtreeMeetingsQuery(long OfficeId, string? FiscalYear, int? Quarter) : IQuery<PageOf<SubtreeMeeting>>, IPagedQuery
{
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListSubtreeMeetingsValidator : AbstractValidator<ListSubtreeMeetingsQuery>
{
    public ListSubtreeMeetingsValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
        RuleFor(q => q.Quarter).OptionalQuarterNumber();
        this.ValidatePaging();
    }
}

public sealed class ListSubtreeMeetingsHandler(DbSession db, FiscalCalendar calendar) : IRequestHandler<ListSubtreeMeetingsQuery, PageOf<SubtreeMeeting>>
{
    private const string From = """
        FROM Offices o JOIN Meetings m ON m.OfficeId = o.Id
        WHERE o.Path LIKE @Prefix AND m.FiscalYear = @Name AND (@Quarter = 0 OR m.Quarter = @Quarter) AND m.WithdrawnAtUtc IS NULL
        """;

    /// <summary>
    /// The page is chosen first; only its meetings' agenda items and follow-ups are counted (SQL Server takes an ORDER BY
    /// in a derived table only with its OFFSET).
    /// </summary>
    private static string PageSql(string limit) => $"""
        SELECT p.*,
               (SELECT COUNT(*) FROM MeetingAgendaItems a WHERE a.MeetingId = p.Id) AS AgendaItems,
               (SELECT COUNT(*) FROM FollowUps f WHERE f.MeetingId = p.Id AND f.Status = 'Open') AS OpenFollowUps
        FROM (
            SELECT m.Id, m.OfficeId, o.NameBn AS OfficeNameBn, o.NameEn AS OfficeNameEn, m.Kind, m.Title, m.HeldOn, m.MemoNumber, m.HasEvidence
            {From}
            {(limit.Length == 0 ? "" : "ORDER BY m.HeldOn DESC, m.Id DESC " + limit)}
        ) p
        ORDER BY p.HeldOn DESC, p.Id DESC
        """;

    public async Task<PageOf<SubtreeMeeting>> Handle(ListSubtreeMeetingsQuery query, CancellationToken cancellationToken)
    {
        var year = calendar.Year(query.FiscalYear);
        var prefix = await db.ExecuteScalarAsync<string>("SELECT Path FROM Offices WHERE Id = @OfficeId", query, cancellationToken) + "%";
        var parameters = new { Prefix = prefix, year.Name, Quarter = query.Quarter ?? 0, Skip = query.Skip(), Take = query.PageSize };
        var total = await db.ExecuteScalarAsync<int>("SELECT COUNT(*) " + From, parameters, cancellationToken);
        var rows = await db.QueryAsync<SubtreeMeeting>(SqlText.Build(dialect => PageSql(query.Limit(dialect))), parameters, cancellationToken);
        return new PageOf<SubtreeMeeting>(rows, query.Page, query.PageSize, total);
    }
}
