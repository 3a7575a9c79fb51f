using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>
/// An office adopts a quality system from a day on: ISO 9001, one of the P.S.O. core systems, or one of its own
/// (<c>systemCode: "OWN"</c> with its name). A built-in system is adopted once at a time.
/// </summary>
public sealed record AdoptQualitySystemCommand : ICommand<QualitySystem>
{
    public long OfficeId { get; init; }
    public string? SystemCode { get; init; }

    /// <summary>An own system's names (Bengali required, English optional); ignored for a built-in system.</summary>
    public string? NameBn { get; init; }
    public string? NameEn { get; init; }
    public DateOnly? AdoptedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class AdoptQualitySystemValidator : AbstractValidator<AdoptQualitySystemCommand>
{
    public AdoptQualitySystemValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.SystemCode).Must(QualitySystemCatalog.IsKnown)
            .WithMessage(_ => Say.Text("ব্যবস্থা বেছে নিন: ISO9001, PSO-01 … PSO-10, অথবা নিজস্ব (OWN)।",
                $"The system is one of {string.Join(", ", QualitySystemCatalog.Systems.Select(s => s.Code))}, or OWN for the office's own."));
        RuleFor(c => c.NameBn).Text("The Bengali name of the office's own system", 300, whatBn: "নিজস্ব ব্যবস্থার বাংলা নাম").When(c => c.SystemCode == QualitySystemCatalog.Own);
        RuleFor(c => c.NameEn).Text("The English name", 300, required: false, whatBn: "ইংরেজি নাম");
        RuleFor(c => c.AdoptedOn).NotNull().WithMessage(_ => Say.Text("গ্রহণের তারিখ দিতে হবে।", "The day it was adopted is required."))
            .Must(date => date is null || date <= calendar.Today)
            .WithMessage(_ => Say.Text("গ্রহণের তারিখ ভবিষ্যতের হতে পারে না।", "The day it was adopted cannot be in the future."));
    }
}

public sealed class AdoptQualitySystemHandler(DbSession db, CurrentUser user, TimeProvider clock) : IRequestHandler<AdoptQualitySystemCommand, QualitySystem>
{
    public async Task<QualitySystem> Handle(AdoptQualitySystemCommand command, CancellationToken cancellationToken)
    {
        var own = command.SystemCode == QualitySystemCatalog.Own;
        if (!own)
        {
            var current = await db.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM QualitySystemAdoptions WHERE OfficeId = @OfficeId AND SystemCode = @SystemCode AND RetiredOn IS NULL", command, cancellationToken);
            if (current > 0)
            {
                throw new ConflictException(Say.Text("দপ্তরটি এই ব্যবস্থা আগেই গ্রহণ করেছে।", $"Office {command.OfficeId} has already adopted {command.SystemCode}; retire it first to adopt it again."), "systemCode");
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var id = await db.InsertAsync(
            """
            INSERT INTO QualitySystemAdoptions (OfficeId, SystemCode, NameBn, NameEn, AdoptedOn, Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc)
            VALUES (@OfficeId, @SystemCode, @NameBn, @NameEn, @AdoptedOn, 1, @Who, @now, @now)
            """,
            new
            {
                command.OfficeId, command.SystemCode, command.AdoptedOn,
                NameBn = own ? command.NameBn!.Trim() : null,
                NameEn = own && !string.IsNullOrWhiteSpace(command.NameEn) ? command.NameEn.Trim() : null,
                Who = user.Username, now,
            }, cancellationToken);
        return await QualitySystemStore.GetAsync(db, id, cancellationToken);
    }
}
