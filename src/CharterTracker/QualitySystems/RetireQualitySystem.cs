using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>
/// The office stops running a quality system from a day on. It stays listed with its indicators and values; it is
/// scored in the periods it was in force on some day of.
/// </summary>
public sealed record RetireQualitySystemCommand : ICommand<QualitySystem>
{
    public long Id { get; init; }
    public DateOnly? RetiredOn { get; init; }
    public string? Reason { get; init; }
    public int? Version { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.WriteOfficeOf(QualitySystemStore.OfficeOf(Id))];
}

public sealed class RetireQualitySystemValidator : AbstractValidator<RetireQualitySystemCommand>
{
    public RetireQualitySystemValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.RetiredOn).NotNull().WithMessage(_ => Say.Text("যে তারিখ থেকে ব্যবস্থাটি বন্ধ, তা দিতে হবে।", "The day it was retired is required."))
            .Must(date => date is null || date <= calendar.Today)
            .WithMessage(_ => Say.Text("তারিখ ভবিষ্যতের হতে পারে না।", "The day it was retired cannot be in the future."));
        RuleFor(c => c.Reason).Text("The reason", 1000, required: false, whatBn: "কারণ");
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class RetireQualitySystemHandler(DbSession db, TimeProvider clock) : IRequestHandler<RetireQualitySystemCommand, QualitySystem>
{
    public async Task<QualitySystem> Handle(RetireQualitySystemCommand command, CancellationToken cancellationToken)
    {
        var system = await QualitySystemStore.GetAsync(db, command.Id, cancellationToken);
        if (system.RetiredOn is not null)
        {
            throw new ConflictException(Say.Text("ব্যবস্থাটি আগেই বন্ধ হয়েছে।", $"Quality system {command.Id} was retired on {system.RetiredOn:yyyy-MM-dd}."));
        }
        if (system.Version != command.Version)
        {
            throw new ConflictException(Say.Text("আপনি খোলার পর অন্য কেউ এটি পরিবর্তন করেছেন।", $"Quality system {command.Id} is at version {system.Version}, not {command.Version}: reload it."), "version");
        }
        if (command.RetiredOn < system.AdoptedOn)
        {
            throw new RequestValidationException("retiredOn", Say.Text("গ্রহণের তারিখের আগে বন্ধ করা যায় না।", $"It was adopted on {system.AdoptedOn:yyyy-MM-dd}: it cannot be retired before."));
        }
        await db.ExecuteAsync(
            "UPDATE QualitySystemAdoptions SET RetiredOn = @RetiredOn, RetiredReason = @Reason, Version = Version + 1, UpdatedAtUtc = @now WHERE Id = @Id",
            new { command.RetiredOn, Reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim(), now = clock.GetUtcNow().UtcDateTime, command.Id }, cancellationToken);
        return await QualitySystemStore.GetAsync(db, command.Id, cancellationToken);
    }
}
