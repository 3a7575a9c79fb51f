using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// The cycles the caller may see (organised in their line, or judged by them), newest first; optionally of one fiscal
/// year. A deployment runs a handful of cycles a year, so the list is filtered here rather than paged.
/// </summary>
public sealed record ListAwardCyclesQuery(string? FiscalYear = null) : IQuery<IReadOnlyList<AwardCycleSummary>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed record AwardCycleSummary
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string FiscalYear { get; init; } = "";
    public long OfficeId { get; init; }
    public string OfficeNameBn { get; init; } = "";
    public string OfficeNameEn { get; init; } = "";
    public DateOnly NominationsCloseOn { get; init; }
    public DateOnly JudgingClosesOn { get; init; }
    public AwardStage Stage { get; init; }

    /// <summary>The caller is one of its judges.</summary>
    public bool Judging { get; init; }

    /// <summary>The caller organises it (its committee or an administrator).</summary>
    public bool Organising { get; init; }
}

public sealed class ListAwardCyclesHandler(DbSession db, AwardStore store, AwardAccess awards, CurrentUser user)
    : IRequestHandler<ListAwardCyclesQuery, IReadOnlyList<AwardCycleSummary>>
{
    public async Task<IReadOnlyList<AwardCycleSummary>> Handle(ListAwardCyclesQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<AwardCycleSummary>(
            """
            SELECT c.Id, c.Name, c.FiscalYear, c.OrganiserOfficeId AS OfficeId, o.NameBn AS OfficeNameBn, o.NameEn AS OfficeNameEn,
                   c.NominationsCloseOn, c.JudgingClosesOn,
                   CASE WHEN EXISTS (SELECT 1 FROM AwardJudges j WHERE j.CycleId = c.Id AND j.UserId = @UserId) THEN 1 ELSE 0 END AS Judging
            FROM AwardCycles c JOIN Offices o ON o.Id = c.OrganiserOfficeId
            WHERE @FiscalYear IS NULL OR c.FiscalYear = @FiscalYear
            ORDER BY c.JudgingClosesOn DESC, c.Id DESC
            """, new { UserId = user.UserId ?? -1, query.FiscalYear }, cancellationToken);
        var visible = new List<AwardCycleSummary>();
        foreach (var row in rows)
        {
            if (!row.Judging && !await awards.CanSeeAsync(row.Id, row.OfficeId, cancellationToken)) continue;
            var organising = await awards.IsOrganiserAsync(new AwardCycle { Id = row.Id, OfficeId = row.OfficeId }, cancellationToken);
            visible.Add(row with { Stage = store.StageOf(row.NominationsCloseOn, row.JudgingClosesOn), Organising = organising });
        }
        return visible;
    }
}
