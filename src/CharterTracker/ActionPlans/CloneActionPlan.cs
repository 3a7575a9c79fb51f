using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.ActionPlans;

/// <summary>Starts next year's plan from this year's.</summary>
public sealed record CloneActionPlanCommand : ICommand<ActionPlan>
{
    public string FiscalYear { get; init; } = "";
    public string? ToFiscalYear { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class CloneActionPlanValidator : AbstractValidator<CloneActionPlanCommand>
{
    public CloneActionPlanValidator(FiscalCalendar calendar) =>
        RuleFor(c => c.ToFiscalYear).Must(name => calendar.TryParseYear(name, out _)).WithMessage(_ => Say.Text("অর্থবছর লিখুন এভাবে: \"2025-26\"।", "A fiscal year is written like \"2025-26\"."));
}

public sealed class CloneActionPlanHandler(ActionPlanStore plans, CurrentUser user, ChangedPeriods changed) : IRequestHandler<CloneActionPlanCommand, ActionPlan>
{
    public async Task<ActionPlan> Handle(CloneActionPlanCommand command, CancellationToken cancellationToken)
    {
        var source = await plans.GetAsync(command.FiscalYear, cancellationToken);
        if (await plans.FindAsync(command.ToFiscalYear!, cancellationToken) is not null)
        {
            throw new ConflictException(Say.Text($"{BengaliDigits.ToBengali(command.ToFiscalYear!)} অর্থবছরের কর্মপরিকল্পনা ইতোমধ্যে আছে।", $"Fiscal year {command.ToFiscalYear} already has a plan."), "toFiscalYear");
        }
        var clone = source with
        {
            FiscalYear = command.ToFiscalYear!,
            NameBn = source.NameBn.Replace(BengaliDigits.ToBengali(source.FiscalYear), BengaliDigits.ToBengali(command.ToFiscalYear!), StringComparison.Ordinal),
            NameEn = source.NameEn.Replace(source.FiscalYear, command.ToFiscalYear!, StringComparison.Ordinal),
        };
        await plans.SaveAsync(clone, user.Username, cancellationToken);
        changed.Year(clone.FiscalYear);
        return clone;
    }
}
