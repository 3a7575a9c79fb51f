using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Scoring;

/// <summary>
/// The monitoring committee replaces an indicator's computed score, with a remark. The override is audited and the
/// scorecard shows it beside the computed value; the newest override of an item applies.
/// </summary>
public sealed record OverrideScoreCommand : ICommand<ScoreOverrideRecord>
{
    public long OfficeId { get; init; }
    public string? FiscalYear { get; init; }

    /// <summary>Null: the annual score of the indicator.</summary>
    public int? Quarter { get; init; }
    public string? IndicatorCode { get; init; }
    public decimal? Score { get; init; }
    public string? Remark { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Oversee(OfficeId)];
}

public sealed record ScoreOverrideRecord(long Id, long OfficeId, string FiscalYear, int? Quarter, string IndicatorCode, decimal Score, string Remark, string OverriddenBy) : IIdentifiedResult;

public sealed class OverrideScoreValidator : AbstractValidator<OverrideScoreCommand>
{
    public OverrideScoreValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.FiscalYear).FiscalYearName(calendar);
        RuleFor(c => c.Quarter).InclusiveBetween(1, 4).WithMessage("A quarter is 1, 2, 3 or 4 (leave it out for the annual score).");
        RuleFor(c => c.IndicatorCode).NotEmpty().WithMessage("The indicator code (like 1.1.1) is required.");
        RuleFor(c => c.Score).NotNull().WithMessage("The score is required.").GreaterThanOrEqualTo(0).WithMessage("A score cannot be negative.");
        RuleFor(c => c.Remark).Text("The remark explaining the override", 2000);
    }
}

public sealed class OverrideScoreHandler(DbSession db, ActionPlanStore plans, ChangedPeriods changed, CurrentUser user, TimeProvider clock)
    : IRequestHandler<OverrideScoreCommand, ScoreOverrideRecord>
{
    public async Task<ScoreOverrideRecord> Handle(OverrideScoreCommand command, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(command.FiscalYear!, cancellationToken);
        var indicator = plan.Indicators.FirstOrDefault(i => i.Code == command.IndicatorCode)
            ?? throw new RequestValidationException("indicatorCode", $"The {plan.FiscalYear} plan has no indicator {command.IndicatorCode}.");
        if (command.Quarter is not null && indicator.Frequency == IndicatorFrequency.Annual)
        {
            throw new RequestValidationException("quarter", $"Indicator {indicator.Code} is annual: override its score for the year (no quarter).");
        }
        if (command.Score > indicator.Weight)
        {
            throw new RequestValidationException("score", $"Indicator {indicator.Code} weighs {indicator.Weight}: its score is at most that.");
        }
        var id = await db.InsertAsync(
            "INSERT INTO ScoreOverrides (OfficeId, FiscalYear, Quarter, IndicatorCode, ScoreHundredths, Remark, OverriddenBy, OverriddenAtUtc) VALUES (@OfficeId, @FiscalYear, @Quarter, @IndicatorCode, @Hundredths, @Remark, @Username, @Now)",
            new
            {
                command.OfficeId, command.FiscalYear, Quarter = command.Quarter ?? 0, command.IndicatorCode,
                Hundredths = (int)Math.Round(command.Score!.Value * 100), Remark = command.Remark!.Trim(), user.Username, Now = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken);
        changed.Office(command.OfficeId, command.FiscalYear!);
        return new ScoreOverrideRecord(id, command.OfficeId, command.FiscalYear!, command.Quarter, command.IndicatorCode!, ScoringEngine.Round(command.Score!.Value), command.Remark!.Trim(), user.Username);
    }
}
