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
/// Totals over an office's whole subtree (the office included) as the tree stood in the period, read from the read
/// model's period rows that every write keeps current (<see cref="OfficePeriods"/>): a quarter over the tree of its
/// first day; the year's items each over the tree of their quarter's first day. Done/Late/Missed/Pending are judged
/// against today.
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
    public async Task<Rollup> Handle(GetRollupQuery query, CancellationToken cancellationToken)
    {
        var year = await plans.YearOrRunningAsync(calendar, query.FiscalYear, cancellationToken);
        var plan = await plans.FindAsync(year.Name, cancellationToken);
        var phase = PeriodPhases.Of(plan, year, query.Quarter, calendar.Today);
        // A quarter is its rows. The year is the items of quarters 1–4, each over the tree of its first day, and of the
        // year's own rows (quarter 0: the annual indicators); its offices and scores are the year's rows.
        var periods = await OfficePeriods.TotalsAsync(db, plan, year, query.OfficeId, query.Quarter is { } q ? [q] : [0, 1, 2, 3, 4], calendar.Today, cancellationToken);
        return Of(query.OfficeId, year, plan, query.Quarter, phase, periods, periods.Single(p => p.Quarter == (query.Quarter ?? 0)));
    }

    /// <summary>The roll-up of a period from its totals: the items of <paramref name="items"/>, the offices and scores of <paramref name="offices"/>.</summary>
    internal static Rollup Of(long officeId, FiscalYear year, ActionPlan? plan, int? quarter, PeriodPhase phase, IReadOnlyList<PeriodTotals> items, PeriodTotals offices)
    {
        // Before a period begins there is no score (the year's rows are written with the plan).
        var scored = phase == PeriodPhase.NotStarted ? 0 : offices.Scored;
        return new Rollup
        {
            OfficeId = officeId,
            FiscalYear = year.Name,
            Quarter = quarter,
            Offices = offices.Offices,
            Expected = items.Sum(p => p.Expected),
            Done = items.Sum(p => p.Done),
            Late = items.Sum(p => p.Late),
            Missed = items.Sum(p => p.Missed),
            Pending = items.Sum(p => p.Unrecorded - p.Missed),
            AverageScore = scored == 0 ? 0 : ScoringEngine.Round(offices.ScoreSum / 100m / scored),
            ScoredOffices = scored,
            Phase = phase,
            DueOn = quarter is { } due ? ScoringEngine.QuarterDue(plan, year, due) : null,
            Distribution = Distribution(scored == 0 ? [0, 0, 0, 0, 0] : offices.Bands),
        };
    }

    /// <summary>How many offices fall in each band, best band first (the bands of <see cref="PeriodTotals.Bands"/>).</summary>
    internal static IReadOnlyList<ScoreBand> Distribution(IReadOnlyList<int> counts) => Bands.Select((band, i) => new ScoreBand(band, counts[i])).ToList();

    private static readonly string[] Bands = ["90-100", "80-89", "70-79", "60-69", "0-59"];
}
