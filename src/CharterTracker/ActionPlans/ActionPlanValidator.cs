using CharterTracker.Calendar;
using FluentValidation;

namespace CharterTracker.ActionPlans;

/// <summary>
/// A plan must add up: for an office with subordinates and for one without, the indicators that apply in each area
/// weigh exactly the area's weight, and the areas the plan total; targets get better from 60 % to 100 %;
/// alternatives pair an indicator for offices with subordinates with one for offices without.
/// </summary>
public sealed class ActionPlanValidator : AbstractValidator<ActionPlan>
{
    public ActionPlanValidator(FiscalCalendar calendar)
    {
        RuleFor(p => p.FiscalYear).Must(name => calendar.TryParseYear(name, out _)).WithMessage("A fiscal year is written like \"2024-25\".");
        RuleFor(p => p.Total).GreaterThan(0);
        RuleFor(p => p.QuarterlyDueDays).InclusiveBetween(0, 90);
        RuleFor(p => p.AnnualDueDays).InclusiveBetween(0, 180);
        RuleFor(p => p.LockDays).InclusiveBetween(0, 365);
        RuleFor(p => p.Areas).Must(areas => areas.Count > 0).WithMessage("A plan has at least one area.");
        RuleFor(p => p).Must(p => p.Areas.Sum(a => a.Weight) == p.Total)
            .WithName("areas").OverridePropertyName("areas")
            .WithMessage(p => $"The areas weigh {p.Areas.Sum(a => a.Weight)} together; the plan total is {p.Total}.");
        RuleFor(p => p).Custom((plan, context) =>
        {
            var codes = plan.Indicators.Select(i => i.Code).ToList();
            foreach (var duplicate in codes.GroupBy(c => c).Where(g => g.Count() > 1))
            {
                context.AddFailure("areas", $"Indicator code {duplicate.Key} appears {duplicate.Count()} times.");
            }
            for (var a = 0; a < plan.Areas.Count; a++)
            {
                var area = plan.Areas[a];
                foreach (var hasSubordinates in new[] { true, false })
                {
                    var weight = area.Indicators.Where(i => i.OfficeId is null && i.AppliesTo(hasSubordinates, 0)).Sum(i => i.Weight);
                    if (weight != area.Weight)
                    {
                        context.AddFailure($"areas[{a}].indicators",
                            $"For an office {(hasSubordinates ? "with" : "without")} subordinates the indicators of area {area.Code} weigh {weight}, not the area's {area.Weight}.");
                    }
                }
                for (var i = 0; i < area.Indicators.Count; i++)
                {
                    var indicator = area.Indicators[i];
                    var field = $"areas[{a}].indicators[{i}]";
                    if (string.IsNullOrWhiteSpace(indicator.Code)) context.AddFailure(field + ".code", "The code is required.");
                    if (indicator.Weight <= 0) context.AddFailure(field + ".weight", "The weight is positive.");
                    if (indicator.Targets.At100 is null) context.AddFailure(field + ".targets", "The 100 % target is required.");
                    var defined = indicator.Targets.Defined().Select(level => level.Target).ToList();
                    if (defined.Any(t => (indicator.Unit == IndicatorUnit.Date) != (t.Date is not null)))
                    {
                        context.AddFailure(field + ".targets", indicator.Unit == IndicatorUnit.Date ? "A date indicator's targets are dates." : "Targets are numbers.");
                    }
                    else if (!Monotone(indicator.Unit, defined))
                    {
                        context.AddFailure(field + ".targets", indicator.Unit == IndicatorUnit.Date
                            ? "Date targets must get later from the 100 % level to the 60 % level."
                            : "Targets must get smaller from the 100 % level to the 60 % level.");
                    }
                    if (indicator.QuarterTargets.Count is not (0 or 4)) context.AddFailure(field + ".quarterTargets", "Give all four quarter targets, or none.");
                    if (indicator.AlternativeOf is { } other)
                    {
                        var partner = plan.Indicators.FirstOrDefault(x => x.Code == other);
                        if (partner is null)
                        {
                            context.AddFailure(field + ".alternativeOf", $"No indicator {other} in the plan.");
                        }
                        else if (!((partner.Applicability == Applicability.WithSubordinates && indicator.Applicability == Applicability.WithoutSubordinates)
                                   || (partner.Applicability == Applicability.WithoutSubordinates && indicator.Applicability == Applicability.WithSubordinates)))
                        {
                            context.AddFailure(field + ".alternativeOf", $"An alternative pairs an indicator for offices with subordinates with one for offices without; {other} and {indicator.Code} do not.");
                        }
                    }
                }
            }
        });
    }

    private static bool Monotone(IndicatorUnit unit, List<Target> levels)
    {
        for (var i = 1; i < levels.Count; i++)
        {
            var better = levels[i - 1];
            var worse = levels[i];
            var ok = unit == IndicatorUnit.Date ? better.Date < worse.Date : better.Number > worse.Number;
            if (!ok) return false;
        }
        return true;
    }
}
