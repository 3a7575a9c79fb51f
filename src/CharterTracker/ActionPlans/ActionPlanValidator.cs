using CharterTracker.Calendar;
using CharterTracker.Pipeline;
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
        RuleFor(p => p.FiscalYear).Must(name => calendar.TryParseYear(name, out _)).WithMessage(_ => Say.Text("অর্থবছর লিখুন এভাবে: \"2024-25\"।", "A fiscal year is written like \"2024-25\"."));
        RuleFor(p => p.Total).GreaterThan(0).WithMessage(_ => Say.Text("মোট নম্বর শূন্যের বেশি হতে হবে।", "The plan total must be greater than 0."));
        RuleFor(p => p.QuarterlyDueDays).InclusiveBetween(0, 90).WithMessage(_ => Days(0, 90));
        RuleFor(p => p.AnnualDueDays).InclusiveBetween(0, 180).WithMessage(_ => Days(0, 180));
        RuleFor(p => p.LockDays).InclusiveBetween(0, 365).WithMessage(_ => Days(0, 365));
        RuleFor(p => p.Areas).Must(areas => areas is { Count: > 0 }).WithMessage(_ => Say.Text("পরিকল্পনায় অন্তত একটি ক্ষেত্র থাকতে হবে।", "A plan has at least one area."));
        RuleFor(p => p.Areas).Must(WellFormed).When(p => p.Areas is not null)
            .WithMessage(_ => Say.Text("প্রতিটি ক্ষেত্র, সূচক ও লক্ষ্যমাত্রার তালিকা দিতে হবে (null নয়)।", "Every area, indicator, target and quarter target list is given (none is null)."));
        // The sums and cross-checks below walk the whole plan: only a plan whose parts are all there.
        When(p => WellFormed(p.Areas), AddUp);
    }

    private static bool WellFormed(IReadOnlyList<PlanArea>? areas) =>
        areas is not null && areas.All(area => area?.Indicators is not null
                                               && area.Indicators.All(indicator => indicator is { Targets: not null, QuarterTargets: not null }));

    private void AddUp()
    {
        RuleFor(p => p).Must(p => p.Areas.Sum(a => a.Weight) == p.Total)
            .WithName("areas").OverridePropertyName("areas")
            .WithMessage(p => Say.Text($"ক্ষেত্রগুলোর মোট মান {N(p.Areas.Sum(a => a.Weight))}; পরিকল্পনার মোট নম্বর {N(p.Total)}।", $"The areas weigh {p.Areas.Sum(a => a.Weight)} together; the plan total is {p.Total}."));
        RuleFor(p => p).Custom((plan, context) =>
        {
            var codes = plan.Indicators.Select(i => i.Code).ToList();
            foreach (var duplicate in codes.GroupBy(c => c).Where(g => g.Count() > 1))
            {
                context.AddFailure("areas", Say.Text($"সূচক কোড {duplicate.Key} {N(duplicate.Count())} বার এসেছে।", $"Indicator code {duplicate.Key} appears {duplicate.Count()} times."));
            }
            for (var a = 0; a < plan.Areas.Count; a++)
            {
                var area = plan.Areas[a];
                foreach (var hasSubordinates in new[] { true, false })
                {
                    var weight = area.Indicators.Where(i => i.OfficeId is null && i.AppliesTo(hasSubordinates, 0)).Sum(i => i.Weight);
                    if (weight != area.Weight)
                    {
                        context.AddFailure($"areas[{a}].indicators", Say.Text(
                            $"{(hasSubordinates ? "আওতাধীন দপ্তর আছে এমন" : "আওতাধীন দপ্তর নেই এমন")} দপ্তরের জন্য ক্ষেত্র {N(area.Code)}-এর সূচকগুলোর মোট মান {N(weight)}, ক্ষেত্রের মান {N(area.Weight)} নয়।",
                            $"For an office {(hasSubordinates ? "with" : "without")} subordinates the indicators of area {area.Code} weigh {weight}, not the area's {area.Weight}."));
                    }
                }
                for (var i = 0; i < area.Indicators.Count; i++)
                {
                    var indicator = area.Indicators[i];
                    var field = $"areas[{a}].indicators[{i}]";
                    if (string.IsNullOrWhiteSpace(indicator.Code)) context.AddFailure(field + ".code", Say.Text("কোড দিতে হবে।", "The code is required."));
                    if (indicator.Weight <= 0) context.AddFailure(field + ".weight", Say.Text("মান শূন্যের বেশি হতে হবে।", "The weight is positive."));
                    if (indicator.Targets.At100 is null) context.AddFailure(field + ".targets", Say.Text("১০০% লক্ষ্যমাত্রা দিতে হবে।", "The 100 % target is required."));
                    var defined = indicator.Targets.Defined().Select(level => level.Target).ToList();
                    if (defined.Any(t => (indicator.Unit == IndicatorUnit.Date) != (t.Date is not null)))
                    {
                        context.AddFailure(field + ".targets", indicator.Unit == IndicatorUnit.Date
                            ? Say.Text("তারিখভিত্তিক সূচকের লক্ষ্যমাত্রা তারিখ।", "A date indicator's targets are dates.")
                            : Say.Text("লক্ষ্যমাত্রা সংখ্যা।", "Targets are numbers."));
                    }
                    else if (!Monotone(indicator.Unit, defined))
                    {
                        context.AddFailure(field + ".targets", indicator.Unit == IndicatorUnit.Date
                            ? Say.Text("লক্ষ্যমাত্রার তারিখ ১০০% থেকে ৬০% স্তরের দিকে ক্রমে পরের হতে হবে।", "Date targets must get later from the 100 % level to the 60 % level.")
                            : Say.Text("লক্ষ্যমাত্রা ১০০% থেকে ৬০% স্তরের দিকে ক্রমে কম হতে হবে।", "Targets must get smaller from the 100 % level to the 60 % level."));
                    }
                    if (indicator.QuarterTargets.Count is not (0 or 4)) context.AddFailure(field + ".quarterTargets", Say.Text("চার ত্রৈমাসিকেরই লক্ষ্যমাত্রা দিন, অথবা একটিও নয়।", "Give all four quarter targets, or none."));
                    if (indicator.DueDaysAfterPeriod is < 0 or > 180) context.AddFailure(field + ".dueDaysAfterPeriod", Days(0, 180));
                    if (indicator.AlternativeOf is { } other)
                    {
                        var partner = plan.Indicators.FirstOrDefault(x => x.Code == other);
                        if (partner is null)
                        {
                            context.AddFailure(field + ".alternativeOf", Say.Text($"পরিকল্পনায় {other} সূচক নেই।", $"No indicator {other} in the plan."));
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

    private static string N(object value) => Say.Bengali ? BengaliDigits.ToBengali(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "") : value.ToString() ?? "";

    private static string Days(int min, int max) => Say.Text(
        $"দিনের সংখ্যা {BengaliDigits.ToBengali(min)} থেকে {BengaliDigits.ToBengali(max)}-এর মধ্যে হতে হবে।", $"The number of days is between {min} and {max}.");

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
