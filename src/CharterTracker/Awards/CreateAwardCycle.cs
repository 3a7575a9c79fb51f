using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// Opens an award cycle for the organising office's subtree: its categories, its weighted criteria and its two
/// windows. Weights are relative (a criterion counts its weight over the sum of weights), so 40/30/30 and 4/3/3 judge
/// alike and an organiser need not make them add up to 100.
/// </summary>
public sealed record CreateAwardCycleCommand : ICommand<AwardCycle>
{
    public string? Name { get; init; }
    public string? FiscalYear { get; init; }

    /// <summary>The organising office.</summary>
    public long? OfficeId { get; init; }

    public IReadOnlyList<CategoryInput?>? Categories { get; init; }
    public IReadOnlyList<CriterionInput?>? Criteria { get; init; }
    public DateOnly? NominationsCloseOn { get; init; }
    public DateOnly? JudgingClosesOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [OfficeId is { } office ? AccessDemand.Oversee(office) : AccessDemand.SignedIn];

    public sealed record CategoryInput(string? Code, string? NameBn, string? NameEn, string? NameTh = null);

    public sealed record CriterionInput(string? Code, string? NameBn, string? NameEn, decimal? Weight);
}

public sealed partial class CreateAwardCycleValidator : AbstractValidator<CreateAwardCycleCommand>
{
    public CreateAwardCycleValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.Name).Text("The name", 300, whatBn: "নাম");
        RuleFor(c => c.FiscalYear).FiscalYearName(calendar);
        RuleFor(c => c.OfficeId).NotNull().WithMessage(_ => Say.Text("আয়োজক দপ্তর বেছে নিন।", "The organising office (officeId) is required."));
        RuleFor(c => c.Categories).Must(list => list is { Count: > 0 and <= 20 })
            .WithMessage(_ => Say.Text("অন্তত একটি (সর্বোচ্চ ২০টি) পুরস্কারের ধরন দিন।", "Give one to 20 categories."));
        RuleFor(c => c.Criteria).Must(list => list is { Count: > 0 and <= 20 })
            .WithMessage(_ => Say.Text("অন্তত একটি (সর্বোচ্চ ২০টি) মূল্যায়নের মানদণ্ড দিন।", "Give one to 20 criteria."));
        RuleForEach(c => c.Categories).NotNull().WithMessage(_ => Say.Text("খালি সারি দেওয়া যাবে না।", "An empty entry (null) is not allowed."))
            .ChildRules(category =>
            {
                category.RuleFor(x => x!.Code).Must(IsCode).WithMessage(_ => CodeMessage);
                category.RuleFor(x => x!.NameBn).Text("The Bengali name", 300, whatBn: "বাংলা নাম");
                category.RuleFor(x => x!.NameEn).Text("The English name", 300, whatBn: "ইংরেজি নাম");
                category.RuleFor(x => x!.NameTh).Text("The Thai name", 300, required: false, whatBn: "থাই নাম");
            });
        RuleForEach(c => c.Criteria).NotNull().WithMessage(_ => Say.Text("খালি সারি দেওয়া যাবে না।", "An empty entry (null) is not allowed."))
            .ChildRules(criterion =>
            {
                criterion.RuleFor(x => x!.Code).Must(IsCode).WithMessage(_ => CodeMessage);
                criterion.RuleFor(x => x!.NameBn).Text("The Bengali name", 300, whatBn: "বাংলা নাম");
                criterion.RuleFor(x => x!.NameEn).Text("The English name", 300, whatBn: "ইংরেজি নাম");
                criterion.RuleFor(x => x!.Weight)
                    .Must(weight => weight is > 0 and <= 1000 && decimal.Round(weight.Value, 2) == weight.Value)
                    .WithMessage(_ => Say.Text("ওজন ০-এর বেশি, সর্বোচ্চ ১০০০, দশমিকের পর সর্বোচ্চ দুই অঙ্ক।", "A weight is more than 0 and at most 1000, with at most two decimals."));
            });
        RuleFor(c => c.Categories).Must(Distinct<CreateAwardCycleCommand.CategoryInput>(c => c?.Code)).When(c => c.Categories is not null)
            .WithMessage(_ => Say.Text("একই কোড দুটি ধরনে দেওয়া হয়েছে।", "Two categories have the same code."));
        RuleFor(c => c.Criteria).Must(Distinct<CreateAwardCycleCommand.CriterionInput>(c => c?.Code)).When(c => c.Criteria is not null)
            .WithMessage(_ => Say.Text("একই কোড দুটি মানদণ্ডে দেওয়া হয়েছে।", "Two criteria have the same code."));
        RuleFor(c => c.NominationsCloseOn).NotNull().WithMessage(_ => Say.Text("মনোনয়নের শেষ তারিখ দিন।", "The last day of nominations is required."))
            .Must(day => day is null || day >= calendar.Today)
            .WithMessage(_ => Say.Text("মনোনয়নের শেষ তারিখ অতীতে হতে পারে না।", "The last day of nominations cannot be in the past."));
        RuleFor(c => c.JudgingClosesOn).NotNull().WithMessage(_ => Say.Text("মূল্যায়নের শেষ তারিখ দিন।", "The last day of judging is required."))
            .Must((c, day) => day is null || c.NominationsCloseOn is null || day > c.NominationsCloseOn)
            .WithMessage(_ => Say.Text("মূল্যায়ন শেষ হবে মনোনয়ন শেষ হওয়ার পরে।", "Judging closes after nominations close."));
    }

    internal static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    internal static string CodeMessage => Say.Text("কোড ১–৪০ অক্ষরের: ইংরেজি অক্ষর, অঙ্ক, '-' বা '_'।", "A code is 1–40 characters: letters, digits, '-' or '_'.");

    private static Func<IReadOnlyList<T?>?, bool> Distinct<T>(Func<T?, string?> key) =>
        list => list is null || list.Where(x => x is not null).Select(key).Where(k => k is not null)
            .GroupBy(k => k!, StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex CodePattern();
}

public sealed class CreateAwardCycleHandler(DbSession db, AwardStore store, CurrentUser user, TimeProvider clock)
    : IRequestHandler<CreateAwardCycleCommand, AwardCycle>
{
    public async Task<AwardCycle> Handle(CreateAwardCycleCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = await db.InsertAsync(
            """
            INSERT INTO AwardCycles (Name, FiscalYear, OrganiserOfficeId, NominationsCloseOn, JudgingClosesOn, CreatedBy, CreatedAtUtc)
            VALUES (@Name, @FiscalYear, @OfficeId, @NominationsCloseOn, @JudgingClosesOn, @Username, @now)
            """,
            new { Name = command.Name!.Trim(), command.FiscalYear, command.OfficeId, command.NominationsCloseOn, command.JudgingClosesOn, user.Username, now },
            cancellationToken);
        foreach (var (category, position) in command.Categories!.Select((c, i) => (c!, i)))
        {
            await db.ExecuteAsync(
                "INSERT INTO AwardCategories (CycleId, Code, Position, NameBn, NameEn, NameTh) VALUES (@id, @Code, @position, @NameBn, @NameEn, @NameTh)",
                new { id, category.Code, position, NameBn = category.NameBn!.Trim(), NameEn = category.NameEn!.Trim(), NameTh = category.NameTh?.Trim() is { Length: > 0 } th ? th : null },
                cancellationToken);
        }
        foreach (var (criterion, position) in command.Criteria!.Select((c, i) => (c!, i)))
        {
            await db.ExecuteAsync(
                "INSERT INTO AwardCriteria (CycleId, Code, Position, NameBn, NameEn, WeightHundredths) VALUES (@id, @Code, @position, @NameBn, @NameEn, @weight)",
                new { id, criterion.Code, position, NameBn = criterion.NameBn!.Trim(), NameEn = criterion.NameEn!.Trim(), weight = (long)(criterion.Weight!.Value * 100) },
                cancellationToken);
        }
        return await store.CycleAsync(id, cancellationToken);
    }
}
