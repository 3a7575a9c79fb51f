using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>Gives an office new names; the old ones stay in its history.</summary>
public sealed record RenameOfficeCommand : ICommand<Office>
{
    public long OfficeId { get; init; }
    public string? NameBn { get; init; }
    public string? NameEn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class RenameOfficeValidator : AbstractValidator<RenameOfficeCommand>
{
    public RenameOfficeValidator()
    {
        RuleFor(c => c.NameBn).OfficeName(bengali: true);
        RuleFor(c => c.NameEn).OfficeName(bengali: false);
    }
}

public sealed class RenameOfficeHandler(DbSession db, OfficeStore offices, FiscalCalendar calendar) : IRequestHandler<RenameOfficeCommand, Office>
{
    public async Task<Office> Handle(RenameOfficeCommand command, CancellationToken cancellationToken)
    {
        var before = await offices.GetAsync(command.OfficeId, cancellationToken);
        var nameBn = command.NameBn!.Trim();
        var nameEn = command.NameEn!.Trim();
        await db.ExecuteAsync(
            "UPDATE Offices SET NameBn = @nameBn, NameEn = @nameEn, Version = Version + 1 WHERE Id = @OfficeId",
            new { nameBn, nameEn, command.OfficeId }, cancellationToken);
        await offices.RecordChangeAsync(command.OfficeId, "Renamed", calendar.Today,
            new { before.NameBn, before.NameEn }, new { nameBn, nameEn }, cancellationToken);
        return (await offices.GetAsync(command.OfficeId, cancellationToken)).ToOffice(calendar.Today);
    }
}
