using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>Adds an office to the tree, under <see cref="ParentId"/> or as a root.</summary>
public sealed record RegisterOfficeCommand : ICommand<Office>
{
    public string? Code { get; init; }
    public string? NameBn { get; init; }
    public string? NameEn { get; init; }
    public OfficeKind? Kind { get; init; }
    public long? ParentId { get; init; }

    /// <summary>Default: today.</summary>
    public DateOnly? ActiveFrom { get; init; }

    /// <summary>Under a parent: a focal point of the parent's subtree. A new root: a system administrator.</summary>
    public IEnumerable<AccessDemand> AccessDemands() =>
        [ParentId is { } parentId ? AccessDemand.Write(parentId) : AccessDemand.SystemAdminOnly];
}

public sealed class RegisterOfficeValidator : AbstractValidator<RegisterOfficeCommand>
{
    public RegisterOfficeValidator()
    {
        RuleFor(c => c.Code).OfficeCode();
        RuleFor(c => c.NameBn).OfficeName(bengali: true);
        RuleFor(c => c.NameEn).OfficeName(bengali: false);
        RuleFor(c => c.Kind).NotNull().WithMessage(_ => OfficeRules.KindMessage(null));
    }
}

public sealed class RegisterOfficeHandler(OfficeStore offices, FiscalCalendar calendar) : IRequestHandler<RegisterOfficeCommand, Office>
{
    public async Task<Office> Handle(RegisterOfficeCommand command, CancellationToken cancellationToken)
    {
        var activeFrom = command.ActiveFrom ?? calendar.Today;
        offices.EnsureNotBackDated(activeFrom, "activeFrom");

        OfficeRow? parent = null;
        if (command.ParentId is { } parentId)
        {
            parent = await offices.GetAsync(parentId, cancellationToken);
            if (!parent.ExistsOn(activeFrom))
            {
                throw new RequestValidationException("parentId", Say.Text(
                    $"উর্ধ্বতন দপ্তরটি {OfficeRules.Day(activeFrom)} তারিখে চালু নেই।", $"Office {parentId} does not exist on {activeFrom:yyyy-MM-dd}."));
            }
        }
        var code = command.Code!.Trim();
        if (await offices.FindByCodeAsync(code, cancellationToken) is not null)
        {
            throw new ConflictException(OfficeRules.CodeTaken(code), "code");
        }

        var row = await offices.InsertAsync(code, command.NameBn!.Trim(), command.NameEn!.Trim(), command.Kind!.Value, parent, activeFrom, cancellationToken);
        return row.ToOffice(calendar.Today);
    }
}
