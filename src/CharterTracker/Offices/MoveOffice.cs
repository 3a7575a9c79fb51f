using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>
/// Hangs an office (with its whole subtree) under another parent from <see cref="EffectiveOn"/>. The placement
/// it leaves is kept, so quarters that began before the move still see the tree as it was.
/// </summary>
public sealed record MoveOfficeCommand : ICommand<Office>
{
    public long OfficeId { get; init; }
    public long? NewParentId { get; init; }
    public DateOnly? EffectiveOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() =>
        [AccessDemand.Write(OfficeId), NewParentId is { } parent ? AccessDemand.Write(parent) : AccessDemand.SystemAdminOnly];
}

public sealed class MoveOfficeValidator : AbstractValidator<MoveOfficeCommand>
{
    public MoveOfficeValidator()
    {
        RuleFor(c => c.NewParentId).NotNull().WithMessage(_ => Say.Text("নতুন উর্ধ্বতন দপ্তর দিতে হবে।", "The new parent office is required."));
        RuleFor(c => c.EffectiveOn).NotNull().WithMessage(_ => Say.Text("স্থানান্তর কার্যকরের তারিখ দিতে হবে।", "The date the move takes effect is required."));
        RuleFor(c => c.NewParentId).NotEqual(c => c.OfficeId).WithMessage(_ => Say.Text("কোনো দপ্তর নিজের উর্ধ্বতন হতে পারে না।", "An office cannot be its own parent."));
    }
}

public sealed class MoveOfficeHandler(DbSession db, OfficeStore offices, FiscalCalendar calendar) : IRequestHandler<MoveOfficeCommand, Office>
{
    public async Task<Office> Handle(MoveOfficeCommand command, CancellationToken cancellationToken)
    {
        var effectiveOn = command.EffectiveOn!.Value;
        offices.EnsureNotBackDated(effectiveOn, "effectiveOn");
        var office = await offices.GetAsync(command.OfficeId, cancellationToken);
        var parent = await offices.GetAsync(command.NewParentId!.Value, cancellationToken);

        if (parent.Path.StartsWith(office.Path, StringComparison.Ordinal))
        {
            throw new RequestValidationException("newParentId", Say.Text(
                $"{parent.NameBn} এই দপ্তরেরই অধীনে: স্থানান্তরে চক্র তৈরি হবে।", $"Office {parent.Id} is inside the subtree of office {office.Id}: the move would make a cycle."));
        }
        if (parent.Id == office.ParentId)
        {
            throw new RequestValidationException("newParentId", Say.Text($"দপ্তরটি ইতোমধ্যে {parent.NameBn}-এর অধীনে।", $"Office {office.Id} is already under office {parent.Id}."));
        }
        if (!office.ExistsOn(effectiveOn))
        {
            throw new RequestValidationException("effectiveOn", Say.Text($"দপ্তরটি {OfficeRules.Day(effectiveOn)} তারিখে চালু নেই।", $"Office {office.Id} does not exist on {effectiveOn:yyyy-MM-dd}."));
        }
        if (!parent.ExistsOn(effectiveOn))
        {
            throw new RequestValidationException("newParentId", Say.Text($"{parent.NameBn} {OfficeRules.Day(effectiveOn)} তারিখে চালু নেই।", $"Office {parent.Id} does not exist on {effectiveOn:yyyy-MM-dd}."));
        }
        var current = await db.QuerySingleOrDefaultAsync<DateOnly>(
            "SELECT MAX(ValidFrom) FROM OfficePlacements WHERE OfficeId = @Id", new { office.Id }, cancellationToken);
        if (effectiveOn <= current)
        {
            throw new ConflictException(Say.Text(
                $"দপ্তরটির সর্বশেষ অবস্থান {OfficeRules.Day(current)} থেকে; স্থানান্তর তার পরের তারিখে কার্যকর হতে হবে।",
                $"Office {office.Id} was last placed on {current:yyyy-MM-dd}; a move must take effect after that."), "effectiveOn");
        }

        await db.ExecuteAsync(
            "UPDATE OfficePlacements SET ValidUntil = @effectiveOn WHERE OfficeId = @Id AND ValidUntil IS NULL",
            new { effectiveOn, office.Id }, cancellationToken);
        await db.ExecuteAsync(
            "INSERT INTO OfficePlacements (OfficeId, ParentId, ValidFrom) VALUES (@Id, @ParentId, @effectiveOn)",
            new { office.Id, ParentId = parent.Id, effectiveOn }, cancellationToken);

        // The materialised paths of the office and every descendant follow the latest placement.
        var newPath = parent.Path + office.Id + "/";
        await db.ExecuteAsync(RewritePaths, new
        {
            OldPath = office.Path,
            OldPathPrefix = office.Path + "%",
            NewPath = newPath,
            DepthChange = parent.Depth + 1 - office.Depth,
        }, cancellationToken);
        await db.ExecuteAsync(
            "UPDATE Offices SET ParentId = @ParentId, Version = Version + 1 WHERE Id = @Id",
            new { ParentId = parent.Id, office.Id }, cancellationToken);

        await offices.MarkSubtreeMovedAsync(newPath, effectiveOn, cancellationToken);
        await offices.RecordChangeAsync(office.Id, "Moved", effectiveOn,
            new { parentId = office.ParentId }, new { parentId = parent.Id }, cancellationToken);
        return (await offices.GetAsync(office.Id, cancellationToken)).ToOffice(calendar.Today);
    }

    private static readonly SqlText RewritePaths = new(
        Sqlite: "UPDATE Offices SET Path = @NewPath || substr(Path, length(@OldPath) + 1), Depth = Depth + @DepthChange WHERE Path LIKE @OldPathPrefix",
        SqlServer: "UPDATE Offices SET Path = @NewPath + SUBSTRING(Path, LEN(@OldPath) + 1, 800), Depth = Depth + @DepthChange WHERE Path LIKE @OldPathPrefix");
}
