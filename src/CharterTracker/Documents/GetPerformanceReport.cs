using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Meetings;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;
using FluentValidation;
using MediatR;

namespace CharterTracker.Documents;

/// <param name="Quarter">The quarter of a quarterly report; null for the annual report.</param>
public sealed record GetPerformanceReportQuery(long OfficeId, string? FiscalYear, int? Quarter, string? Language) : IQuery<PerformanceReport>
{
    /// <summary>The quarterly report was asked for: its quarter is required.</summary>
    public bool Quarterly { get; init; }

    /// <summary>The issuing block's particulars the caller gave (all optional).</summary>
    public ReportIssue Issue { get; init; } = new(null, null, null, null, null);

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetPerformanceReportValidator : AbstractValidator<GetPerformanceReportQuery>
{
    public GetPerformanceReportValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).OptionalFiscalYearName(calendar);
        RuleFor(q => q.Quarter).OptionalQuarterNumber();
        When(q => q.Quarterly, () => RuleFor(q => q.Quarter).QuarterNumber());
        RuleFor(q => q.Issue.IssuingOffice).Text("issuingOffice", 200, required: false, whatBn: "জারিকারী দপ্তর").OverridePropertyName("issuingOffice");
        RuleFor(q => q.Issue.MemoNumber).Text("memoNumber", 100, required: false, whatBn: "স্মারক নম্বর").OverridePropertyName("memoNumber");
        RuleFor(q => q.Issue.SignatoryName).Text("signatoryName", 200, required: false, whatBn: "স্বাক্ষরকারীর নাম").OverridePropertyName("signatoryName");
        RuleFor(q => q.Issue.SignatoryDesignation).Text("signatoryDesignation", 200, required: false, whatBn: "স্বাক্ষরকারীর পদবি").OverridePropertyName("signatoryDesignation");
    }
}

public sealed class GetPerformanceReportHandler(IMediator mediator, DbSession db, ActionPlanStore plans, FiscalCalendar calendar)
    : IRequestHandler<GetPerformanceReportQuery, PerformanceReport>
{
    private sealed class Named
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
        public long? ScoreHundredths { get; init; }
    }

    private sealed class ItemRow
    {
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string Code { get; init; } = "";
        public string IndicatorCode { get; init; } = "";
        public int Quarter { get; init; }
        public DateOnly DueOn { get; init; }
        public DateOnly? RecordedOn { get; init; }
    }

    private sealed class FollowUpRow
    {
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string Action { get; init; } = "";
        public DateOnly DueOn { get; init; }
    }

    /// <summary>The office's subtree (no internal branches) on the period's first day.</summary>
    private const string Subtree = """
        WITH tree (Id) AS (
            SELECT o.Id FROM Offices o WHERE o.Id = @OfficeId
            UNION ALL
            SELECT p.OfficeId FROM tree t
            JOIN OfficePlacements p ON p.ParentId = t.Id AND p.ValidFrom <= @Day AND (p.ValidUntil IS NULL OR p.ValidUntil > @Day)
            JOIN Offices c ON c.Id = p.OfficeId AND c.ActiveFrom <= @Day AND (c.ActiveUntil IS NULL OR c.ActiveUntil > @Day)
        )
        """;

    public async Task<PerformanceReport> Handle(GetPerformanceReportQuery query, CancellationToken cancellationToken)
    {
        var text = DocumentText.For(query.Language);
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var plan = await plans.GetAsync(year.Name, cancellationToken);
        var day = query.Quarter is { } q ? year.Quarter(q).Start : year.Start;
        var today = calendar.Today;

        var office = await mediator.Send(new Offices.GetOfficeQuery(query.OfficeId), cancellationToken);
        var ministry = await mediator.Send(new GetMinistryOfQuery(query.OfficeId, text.Language), cancellationToken);
        var scorecard = await mediator.Send(new GetScorecardQuery(query.OfficeId, year.Name, query.Quarter), cancellationToken);
        // A quarter's report shows no quarter after its own: its statuses and its trend stop there.
        var quarters = new List<Scorecard>();
        var rollups = new List<Rollup>();
        foreach (var number in Enumerable.Range(1, query.Quarter ?? 4))
        {
            quarters.Add(await mediator.Send(new GetScorecardQuery(query.OfficeId, year.Name, number), cancellationToken));
            rollups.Add(await mediator.Send(new GetRollupQuery(query.OfficeId, year.Name, number), cancellationToken));
        }
        var rollup = await mediator.Send(new GetRollupQuery(query.OfficeId, year.Name, query.Quarter), cancellationToken);

        var parameters = new
        {
            query.OfficeId, Day = day, year.Name, Quarter = query.Quarter ?? 0, All = query.Quarter is null ? 1 : 0, Today = today,
            SoFar = PeriodPhases.SoFar(plan, year, query.Quarter ?? 0, today),
        };
        var scored = await db.QueryAsync<Named>(Subtree + $"""
            SELECT o.Id, o.Code, o.NameBn, o.NameEn, {PeriodPhases.ScoreColumn} AS ScoreHundredths FROM tree t JOIN Offices o ON o.Id = t.Id
            JOIN OfficeScores s ON s.OfficeId = o.Id AND s.FiscalYear = @Name AND s.Quarter = @Quarter
            WHERE o.Kind <> 'Branch'
            """, parameters, cancellationToken);
        var items = await db.QueryAsync<ItemRow>(Subtree + """
            SELECT o.NameBn, o.NameEn, o.Code, i.IndicatorCode, i.Quarter, i.DueOn, i.RecordedOn FROM tree t JOIN Offices o ON o.Id = t.Id
            JOIN ExpectedItems i ON i.OfficeId = o.Id AND i.FiscalYear = @Name AND (@All = 1 OR i.Quarter = @Quarter)
            WHERE (i.RecordedOn IS NOT NULL AND i.RecordedOn > i.DueOn) OR (i.RecordedOn IS NULL AND i.DueOn < @Today)
            ORDER BY o.Code, i.DueOn, i.IndicatorCode
            """, parameters, cancellationToken);
        var followUps = await db.QueryAsync<FollowUpRow>(Subtree + """
            SELECT o.NameBn, o.NameEn, f.Action, f.DueOn FROM tree t JOIN Meetings m ON m.OfficeId = t.Id AND m.WithdrawnAtUtc IS NULL
            JOIN FollowUps f ON f.MeetingId = m.Id AND f.Status = 'Open' JOIN Offices o ON o.Id = f.OwnerOfficeId
            ORDER BY f.DueOn
            """, parameters, cancellationToken);

        string Name(string bn, string en) => text.Bengali ? bn : en;
        return new PerformanceReport
        {
            Text = text,
            OfficeName = text.Bengali ? office.NameBn : office.NameEn,
            Ministry = ministry,
            Plan = plan,
            Year = year,
            Quarter = query.Quarter,
            Scorecard = scorecard,
            Quarters = quarters,
            Rollup = rollup,
            QuarterRollups = rollups,
            Ranking = Rank(scored.Where(s => s.ScoreHundredths is not null).Select(s => (s.Id, s.Code, Name: Name(s.NameBn, s.NameEn), Score: s.ScoreHundredths!.Value / 100m))),
            NotYetScored = scored.Where(s => s.ScoreHundredths is null).OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => Name(s.NameBn, s.NameEn)).ToList(),
            // Grouped by office (in the order of their codes), each with its subtotals.
            MissedAndLate = items.GroupBy(i => i.Code).Select(g => new ReportOfficeLapses(Name(g.First().NameBn, g.First().NameEn),
                g.Select(i => new ReportItem(Name(i.NameBn, i.NameEn), i.IndicatorCode, i.Quarter == 0 ? null : i.Quarter, i.DueOn, i.RecordedOn,
                    i.RecordedOn is null ? ItemStatus.Missed : ItemStatus.Late)).ToList())).ToList(),
            Issue = query.Issue with { IssuingOffice = string.IsNullOrWhiteSpace(query.Issue.IssuingOffice) ? (text.Bengali ? office.NameBn : office.NameEn) : query.Issue.IssuingOffice.Trim() },
            OpenFollowUps = followUps.Select(f => new ReportFollowUp(Name(f.NameBn, f.NameEn), f.Action, f.DueOn, f.DueOn < today ? FollowUpStatus.Overdue : FollowUpStatus.Open)).ToList(),
            AsOf = today,
        };
    }

    /// <summary>Highest score first; equal scores share a rank and the next rank skips (1, 2, 2, 4).</summary>
    public static IReadOnlyList<RankedOffice> Rank(IEnumerable<(long Id, string Code, string Name, decimal Score)> offices)
    {
        var ordered = offices.OrderByDescending(o => o.Score).ThenBy(o => o.Code, StringComparer.Ordinal).ToList();
        var ranked = new List<RankedOffice>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedOffice(rank, ordered[i].Id, ordered[i].Code, ordered[i].Name, ordered[i].Score));
        }
        return ranked;
    }
}
