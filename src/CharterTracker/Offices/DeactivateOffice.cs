using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>
/// Closes an office from <see cref="EffectiveOn"/>. Offices are never deleted once anything refers to them;
/// past quarters keep counting a deactivated office for the time it existed.
/// </summary>
public sealed record DeactivateOfficeCommand : ICommand<Office>
{
    public long OfficeId { get; init; }
    public DateOnly? EffectiveOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class DeactivateOfficeValidator : AbstractValidator<DeactivateOfficeCommand>
{
    public DeactivateOfficeValidator()
    {
        RuleFor(c => c.EffectiveOn).NotNull().WithMessage(_ => Say.Text("দপ্তর বন্ধের তারিখ দিতে হবে।", "The date the office closes is required."));
    }
}

public sealed class DeactivateOfficeHandler(DbSession db, OfficeStore offices, FiscalCalendar calendar) : IRequestHandler<DeactivateOfficeCommand, Office>
{
    public async Task<Office> Handle(DeactivateOfficeCommand command, CancellationToken cancellationToken)
    {
        var effectiveOn = command.EffectiveOn!.Value;
        offices.EnsureNotBackDated(effectiveOn, "effectiveOn");
        var office = await offices.GetAsync(command.OfficeId, cancellationToken);
        if (office.ActiveUntil is { } closed)
        {
            throw new ConflictException(Say.Text($"দপ্তরটি {OfficeRules.Day(closed)} থেকে ইতোমধ্যে নিষ্ক্রিয়।", $"Office {office.Id} is already deactivated from {closed:yyyy-MM-dd}."), "effectiveOn");
        }
        if (effectiveOn <= office.ActiveFrom)
        {
            throw new RequestValidationException("effectiveOn", Say.Text(
                $"দপ্তরটি {OfficeRules.Day(office.ActiveFrom)} থেকে চালু; বন্ধের তারিখ তার পরে হতে হবে।", $"Office {office.Id} only exists from {office.ActiveFrom:yyyy-MM-dd}."));
        }
        var openChildren = await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM Offices WHERE ParentId = @Id AND (ActiveUntil IS NULL OR ActiveUntil > @effectiveOn)",
            new { office.Id, effectiveOn }, cancellationToken);
        if (openChildren > 0)
        {
            throw new ConflictException(Say.Text(
                $"{OfficeRules.Day(effectiveOn)} তারিখে দপ্তরটির অধীনে {BengaliDigits.ToBengali(openChildren)}টি সক্রিয় দপ্তর আছে: আগে সেগুলো স্থানান্তর বা নিষ্ক্রিয় করুন।",
                $"Office {office.Id} still has {openChildren} active subordinate office(s) on {effectiveOn:yyyy-MM-dd}: move or deactivate them first."), "effectiveOn");
        }

        await db.ExecuteAsync("UPDATE Offices SET ActiveUntil = @effectiveOn, Version = Version + 1 WHERE Id = @Id", new { effectiveOn, office.Id }, cancellationToken);
        await db.ExecuteAsync(
            "UPDATE OfficePlacements SET ValidUntil = @effectiveOn WHERE OfficeId = @Id AND ValidUntil IS NULL", new { effectiveOn, office.Id }, cancellationToken);
        await offices.RecordChangeAsync(office.Id, "Deactivated", effectiveOn, null, new { activeUntil = effectiveOn }, cancellationToken);
        return (await offices.GetAsync(office.Id, cancellationToken)).ToOffice(calendar.Today);
    }
}
