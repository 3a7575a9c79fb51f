using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Scoring;

public sealed record ScoreBand(string Band, int Offices);

public sealed record Rollup
{
    public long OfficeId { get; init; }
    public string FiscalYear { get; init; } = "";
    public int? Quarter { get; init; }
    public int Offices { get; init; }
    public int Expected { get; init; }
    public int Done { get; init; }
    public int Late { get; init; }
    public int Missed { get; init; }
    public int Pending { get; init; }

    /// <summary>
    /// Mean of the offices' annual score, or of their quarter score when a quarter is asked for. While a quarter is not
    /// due (<see cref="Phase"/> Running) each office's score is over its items recorded so far, and offices with none
    /// recorded are left out (<see cref="ScoredOffices"/>); before it begins there is no score (0, shown as "not yet due").
    /// </summary>
    public decimal AverageScore { get; init; }

    /// <summary>The offices the average is over.</summary>
    public int ScoredOffices { get; init; }

    /// <summary>Whether the period has begun and whether its due date has passed, on the day asked.</summary>
    public PeriodPhase Phase { get; init; } = PeriodPhase.Due;

    /// <summary>The quarter's due date (null for the year).</summary>
    public DateOnly? DueOn { get; init; }
    public IReadOnlyList<ScoreBand> Distribution { get; init; } = [];
}

/// <summary>
/// Totals over an office's whole subtree (the office included) as the tree stood in the period, read from the
/// read model that every write keeps current. Done/Late/Missed/Pending are judged against today.
/// </summary>
public sealed record GetRollupQuery(long OfficeId, string? FiscalYear, int? Quarter) : IQuery<Rollup>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetRollupValidator : AbstractValidator<GetRollupQuery>
{
    public GetRollupValidator(FiscalCalendar calendar)
    {
        RuleFor(q => q.FiscalYear).OptionalFiscalYearName(calendar);
        RuleFor(q => q.Quarter).OptionalQuarterNumber();
    }
}

public sealed class GetRollupHandler(DbSession db, FiscalCalendar calendar, ActionPlanStore plans) : IRequestHandler<GetRollupQuery, Rollup>
{
    /// <summary>
    /// The subtree on each of the period's first days (one for a quarter, four for the year), excluding internal
    /// branches. The statements read it with CROSS JOIN: SQLite keeps that join order, so the (small) subtree drives
    /// the (large) read model through its key instead of the year's items being scanned.
    /// </summary>
    private const string Subtree = """
        WITH days (Day) AS (SELECT @Day1 UNION SELECT @Day2 UNION SELECT @Day3 UNION SELECT @Day4),
        tree (Id, Day) AS (
            SELECT o.Id, d.Day FROM Offices o CROSS JOIN days d
            WHERE o.Id = @OfficeId AND o.ActiveFrom <= d.Day AND (o.ActiveUntil IS NULL OR o.ActiveUntil > d.Day)
            UNION ALL
            SELECT p.OfficeId, t.Day FROM tree t
            JOIN OfficePlacements p ON p.ParentId = t.Id AND p.ValidFrom <= t.Day AND (p.ValidUntil IS NULL OR p.ValidUntil > t.Day)
            JOIN Offices c ON c.Id = p.OfficeId AND c.ActiveFrom <= t.Day AND (c.ActiveUntil IS NULL OR c.ActiveUntil > t.Day)
        ),
        subtree (Id) AS (SELECT DISTINCT t.Id FROM tree t JOIN Offices o ON o.Id = t.Id WHERE o.Kind <> 'Branch')
        """;

    private sealed class Counts
    {
        public int Expected { get; init; }
        public int Done { get; init; }
        public int Late { get; init; }
        public int Missed { get; init; }
        public int Pending { get; init; }
    }

    public async Task<Rollup> Handle(GetRollupQuery query, CancellationToken cancellationToken)
    {
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var plan = await plans.FindAsync(year.Name, cancellationToken);
        var phase = PeriodPhases.Of(plan, year, query.Quarter, calendar.Today);
        var days = query.Quarter is { } q ? Enumerable.Repeat(year.Quarter(q).Start, 4).ToArray() : year.Quarters.Select(x => x.Start).ToArray();
        var parameters = new
        {
            query.OfficeId, Day1 = days[0], Day2 = days[1], Day3 = days[2], Day4 = days[3], year.Name,
            Quarter = query.Quarter ?? 0, AllQuarters = query.Quarter is null ? 1 : 0, calendar.Today,
            SoFar = PeriodPhases.SoFar(plan, year, query.Quarter ?? 0, calendar.Today),
        };
        var counts = await db.QuerySingleOrDefaultAsync<Counts>(Subtree + """
            SELECT
                COUNT(i.OfficeId) AS Expected,
                COALESCE(SUM(CASE WHEN i.RecordedOn IS NOT NULL AND i.RecordedOn <= i.DueOn THEN 1 ELSE 0 END), 0) AS Done,
                COALESCE(SUM(CASE WHEN i.RecordedOn IS NOT NULL AND i.RecordedOn > i.DueOn THEN 1 ELSE 0 END), 0) AS Late,
                COALESCE(SUM(CASE WHEN i.RecordedOn IS NULL AND i.DueOn < @Today THEN 1 ELSE 0 END), 0) AS Missed,
                COALESCE(SUM(CASE WHEN i.RecordedOn IS NULL AND i.DueOn >= @Today THEN 1 ELSE 0 END), 0) AS Pending
            FROM subtree o CROSS JOIN ExpectedItems i
            WHERE i.OfficeId = o.Id AND i.FiscalYear = @Name AND (@AllQuarters = 1 OR i.Quarter = @Quarter)
            """, parameters, cancellationToken) ?? new Counts();
        var offices = await db.ExecuteScalarAsync<int>(Subtree + " SELECT COUNT(*) FROM subtree", parameters, cancellationToken);
        var scores = phase == PeriodPhase.NotStarted ? [] : await db.QueryAsync<int>(Subtree + $"""
            SELECT {PeriodPhases.ScoreColumn} FROM subtree o CROSS JOIN OfficeScores s
            WHERE s.OfficeId = o.Id AND s.FiscalYear = @Name AND s.Quarter = @Quarter AND {PeriodPhases.ScoreColumn} IS NOT NULL
            """, parameters, cancellationToken);
        return new Rollup
        {
            OfficeId = query.OfficeId,
            FiscalYear = year.Name,
            Quarter = query.Quarter,
            Offices = offices,
            Expected = counts.Expected,
            Done = counts.Done,
            Late = counts.Late,
            Missed = counts.Missed,
            Pending = counts.Pending,
            AverageScore = scores.Count == 0 ? 0 : ScoringEngine.Round(scores.Average(s => s / 100m)),
            ScoredOffices = scores.Count,
            Phase = phase,
            DueOn = query.Quarter is { } due ? ScoringEngine.QuarterDue(plan, year, due) : null,
            Distribution = Distribution(Bands.Select(band => scores.Count(s => s / 100m >= band.From && s / 100m < band.To)).ToArray()),
        };
    }

    /// <summary>How many offices fall in each band, best band first.</summary>
    internal static IReadOnlyList<ScoreBand> Distribution(IReadOnlyList<int> counts) => Bands.Select((band, i) => new ScoreBand(band.Name, counts[i])).ToList();

    private static readonly (string Name, decimal From, decimal To)[] Bands =
    [
        ("90-100", 90, 101), ("80-89", 80, 90), ("70-79", 70, 80), ("60-69", 60, 70), ("0-59", 0, 60),
    ];
}
