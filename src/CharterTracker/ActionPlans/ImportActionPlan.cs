using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.ActionPlans;

/// <summary>
/// Creates a fiscal year's plan, or replaces it while the year has not started. Once a year is under way its plan
/// is what offices are scored against and no longer changes.
/// </summary>
public sealed record ImportActionPlanCommand : ICommand<ActionPlan>
{
    public string FiscalYear { get; init; } = "";
    public ActionPlan? Plan { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class ImportActionPlanValidator : AbstractValidator<ImportActionPlanCommand>
{
    public ImportActionPlanValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.Plan).NotNull().WithMessage(_ => Say.Text("কর্মপরিকল্পনা দিতে হবে।", "The plan (JSON body) is required.")).OverridePropertyName("body");
        RuleFor(c => c.Plan!).SetValidator(new ActionPlanValidator(calendar)).OverridePropertyName("").When(c => c.Plan is not null);
        RuleFor(c => c.Plan!.FiscalYear).Equal(c => c.FiscalYear).When(c => c.Plan is not null)
            .OverridePropertyName("fiscalYear").WithMessage(c => $"The plan is for {c.Plan!.FiscalYear}, not {c.FiscalYear} as the address says.");
    }
}

public sealed class ImportActionPlanHandler(ActionPlanStore plans, FiscalCalendar calendar, CurrentUser user, ChangedPeriods changed)
    : IRequestHandler<ImportActionPlanCommand, ActionPlan>
{
    public async Task<ActionPlan> Handle(ImportActionPlanCommand command, CancellationToken cancellationToken)
    {
        var year = calendar.Year(command.FiscalYear);
        if (await plans.FindAsync(command.FiscalYear, cancellationToken) is not null && calendar.Today >= year.Start)
        {
            throw new ConflictException(Say.Text(
                $"{BengaliDigits.ToBengali(year.Name)} অর্থবছর {BengaliDigits.ToBengali(year.Start.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture))} তারিখে শুরু হয়েছে: চলমান বা শেষ হওয়া বছরের কর্মপরিকল্পনা আর বদলানো যায় না, কারণ দপ্তরগুলো এর ভিত্তিতেই মূল্যায়িত হচ্ছে।",
                $"Fiscal year {year.Name} began on {year.Start:yyyy-MM-dd}: its plan can no longer be changed, because offices are being scored against it."));
        }
        await plans.SaveAsync(command.Plan!, user.Username, cancellationToken);
        changed.Year(command.FiscalYear);
        return command.Plan!;
    }
}
