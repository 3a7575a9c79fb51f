using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Charters;

/// <summary>A version published in the quarter by an office of the subtree, with how much it changed from the one before.</summary>
public sealed record PublishedCharterChange
{
    public long OfficeId { get; init; }
    public string OfficeCode { get; init; } = "";
    public string OfficeNameBn { get; init; } = "";
    public string? OfficeNameEn { get; init; }
    public int Version { get; init; }
    public DateOnly PublishedOn { get; init; }
    public int Added { get; init; }
    public int Removed { get; init; }
    public int Changed { get; init; }

    /// <summary>Changes to vision, mission, grievance redress or expectations.</summary>
    public int OtherChanges { get; init; }
}

/// <summary>
/// The charter changes across an office's subtree (as the tree stands today) in a quarter: every version published
/// in it, newest first, with its counts against the version before it. At most <see cref="Limit"/> versions.
/// </summary>
public sealed record ListSubtreeCharterChangesQuery(long OfficeId, string? FiscalYear, int? Quarter) : IQuery<IReadOnlyList<PublishedCharterChange>>
{
    public const int Limit = 500;

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListSubtreeCharterChangesValidator : AbstractValidator<ListSubtreeCharterChangesQuery>
{
    public ListSubtreeCharterChangesValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
        RuleFor(q => q.Quarter).QuarterNumber();
    }
}

public sealed class ListSubtreeCharterChangesHandler(DbSession db, CharterStore charters, FiscalCalendar calendar)
    : IRequestHandler<ListSubtreeCharterChangesQuery, IReadOnlyList<PublishedCharterChange>>
{
    public async Task<IReadOnlyList<PublishedCharterChange>> Handle(ListSubtreeCharterChangesQuery query, CancellationToken cancellationToken)
    {
        var offices = (await db.QueryAsync<OfficeNode>(OfficeTree.SubtreeAsOfSql, new { query.OfficeId, AsOf = calendar.Today }, cancellationToken))
            .ToDictionary(o => o.Id);
        var published = await db.QueryAsync<PublishedRow>(SqlText.Build(dialect => $"""
            SELECT Id, OfficeId, Version, PublishedOn FROM CharterVersions
            WHERE Status = 'Published' AND FiscalYear = @FiscalYear AND Quarter = @Quarter
            ORDER BY PublishedOn DESC, Id DESC {DialectSql.First(dialect)}
            """), new { query.FiscalYear, query.Quarter, Take = ListSubtreeCharterChangesQuery.Limit * 4 }, cancellationToken);

        var rows = new List<PublishedCharterChange>();
        foreach (var version in published.Where(p => offices.ContainsKey(p.OfficeId)).Take(ListSubtreeCharterChangesQuery.Limit))
        {
            var changes = await charters.ChangesAsync(version.OfficeId, null, version.Version, cancellationToken);
            var office = offices[version.OfficeId];
            rows.Add(new PublishedCharterChange
            {
                OfficeId = office.Id, OfficeCode = office.Code, OfficeNameBn = office.NameBn, OfficeNameEn = office.NameEn,
                Version = version.Version, PublishedOn = version.PublishedOn,
                Added = changes.Added.Count, Removed = changes.Removed.Count, Changed = changes.ChangedServices, OtherChanges = changes.Charter.Count,
            });
        }
        return rows;
    }

    private sealed class PublishedRow
    {
        public long Id { get; init; }
        public long OfficeId { get; init; }
        public int Version { get; init; }
        public DateOnly PublishedOn { get; init; }
    }
}
