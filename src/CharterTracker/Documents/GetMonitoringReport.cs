using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using CharterTracker.SpotChecks;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>The monitoring report of a spot check for printing, in Bengali (default) or English.</summary>
public sealed record GetMonitoringReportQuery(long SpotCheckId, string? Language) : IQuery<MonitoringReport>
{
    public IEnumerable<AccessDemand> AccessDemands() =>
        [AccessDemand.ReadOfficeOf(SpotCheckStore.OfficeOf(SpotCheckId))];
}

public sealed class GetMonitoringReportHandler(IMediator mediator, DbSession db, Calendar.FiscalCalendar calendar) : IRequestHandler<GetMonitoringReportQuery, MonitoringReport>
{
    public async Task<MonitoringReport> Handle(GetMonitoringReportQuery query, CancellationToken cancellationToken)
    {
        var text = DocumentText.For(query.Language);
        var check = await mediator.Send(new GetSpotCheckQuery(query.SpotCheckId), cancellationToken);
        var office = await db.QuerySingleOrDefaultAsync<(string NameBn, string NameEn)>("SELECT NameBn, NameEn FROM Offices WHERE Id = @OfficeId", check, cancellationToken);
        var offices = await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(DISTINCT v.OfficeId) FROM SpotCheckCharters c JOIN CharterVersions v ON v.Id = c.CharterVersionId WHERE c.SpotCheckId = @Id", check, cancellationToken);
        var quarter = calendar.Year(check.FiscalYear).Quarter(check.Quarter);
        var byOffice = check.Items.GroupBy(i => i.OfficeId).Select(g => new OfficeFindings
        {
            OfficeId = g.Key, OfficeNameBn = g.First().OfficeNameBn, OfficeNameEn = g.First().OfficeNameEn, Sampled = g.Count(),
            Checked = g.Count(i => i.CheckedOn is not null), WithinTimeLimit = g.Count(i => i.WithinTimeLimit == true),
            FeeAsPublished = g.Count(i => i.FeeAsPublished == true), DocumentsAsPublished = g.Count(i => i.DocumentsAsPublished == true),
        }).OrderBy(o => o.OfficeNameBn, StringComparer.Ordinal).ToList();
        return new MonitoringReport
        {
            Text = text,
            Words = new MonitoringReportWords(text.Bengali),
            Check = check with { MemoNumber = check.MemoNumber is null ? null : text.Digits(check.MemoNumber) },
            Ministry = await mediator.Send(new GetMinistryOfQuery(check.OfficeId, text.Language), cancellationToken),
            CommitteeOffice = text.Bengali ? office.NameBn : office.NameEn,
            OfficesDrawnFrom = offices,
            PeriodStart = quarter.Start,
            PeriodEnd = quarter.End,
            ByOffice = byOffice,
        };
    }
}
