using System.Security.Cryptography;
using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.SpotChecks;

/// <summary>
/// The committee draws a quarter's sample of services at random from the latest published charters of its office's
/// subtree (docs/rules.md, "Spot checks"). The seed is drawn here, not chosen by the caller, and stored with the
/// charter versions read, so that anyone can repeat the draw (<see cref="VerifySpotCheckDrawQuery"/>).
/// </summary>
public sealed record DrawSpotCheckCommand : ICommand<SpotCheck>
{
    public long OfficeId { get; init; }
    public string? FiscalYear { get; init; }
    public int? Quarter { get; init; }
    public int? SampleSize { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Oversee(OfficeId)];
}

public sealed class DrawSpotCheckValidator : AbstractValidator<DrawSpotCheckCommand>
{
    /// <summary>Cabinet Division practice is about ten a quarter; a hundred is more than a committee visits.</summary>
    public const int MaxSampleSize = 100;

    public DrawSpotCheckValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.FiscalYear).FiscalYearName(calendar);
        RuleFor(c => c.Quarter).QuarterNumber();
        RuleFor(c => c.SampleSize).NotNull().WithMessage(_ => Say.Text("কয়টি সেবা যাচাই হবে, তা দিতে হবে।", "The sample size is required."))
            .InclusiveBetween(1, MaxSampleSize).WithMessage(_ => Say.Text($"১ থেকে {BengaliDigits.ToBengali(MaxSampleSize)}টি সেবা।", $"The sample size is 1 to {MaxSampleSize}."));
        RuleFor(c => c.Quarter)
            .Must((c, quarter) => !calendar.TryParseYear(c.FiscalYear, out var year) || quarter is not (>= 1 and <= 4) || year.Quarter(quarter.Value).Start <= calendar.Today)
            .WithMessage(_ => Say.Text("যে ত্রৈমাসিক এখনো শুরু হয়নি, তার নমুনা নেওয়া যায় না।", "A quarter that has not begun cannot be spot-checked."));
    }
}

public sealed class DrawSpotCheckHandler(DbSession db, SpotCheckStore store, FiscalCalendar calendar, CurrentUser user, TimeProvider clock)
    : IRequestHandler<DrawSpotCheckCommand, SpotCheck>
{
    public async Task<SpotCheck> Handle(DrawSpotCheckCommand command, CancellationToken cancellationToken)
    {
        var path = await store.PathOfAsync(command.OfficeId, cancellationToken);
        var today = calendar.Today;
        var population = await store.PopulationAsync(path, today, cancellationToken);
        if (population.Count == 0)
        {
            throw new ConflictException(Say.Text("এই দপ্তরের আওতায় কোনো প্রকাশিত সিটিজেন চার্টারে সেবা নেই: নমুনা নেওয়ার মতো কিছু নেই।",
                "No office of this subtree has published a charter with services: there is nothing to draw from."));
        }
        var seed = (long)RandomNumberGenerator.GetInt32(int.MaxValue);
        var sample = SpotCheckSampler.Draw(seed, population, command.SampleSize!.Value);
        var id = await db.InsertAsync(
            """
            INSERT INTO SpotChecks (OfficeId, FiscalYear, Quarter, SampleSize, Seed, Population, DrawnOn, DrawnBy, DrawnAtUtc)
            VALUES (@OfficeId, @FiscalYear, @Quarter, @SampleSize, @seed, @population, @today, @Who, @Now)
            """,
            new
            {
                command.OfficeId, FiscalYear = calendar.Year(command.FiscalYear).Name, command.Quarter, command.SampleSize, seed, population = population.Count,
                today, Who = user.Username, Now = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken);
        foreach (var version in population.Select(s => s.CharterVersionId).Distinct())
        {
            await db.ExecuteAsync("INSERT INTO SpotCheckCharters (SpotCheckId, CharterVersionId) VALUES (@id, @version)", new { id, version }, cancellationToken);
        }
        for (var i = 0; i < sample.Count; i++)
        {
            await db.ExecuteAsync(
                """
                INSERT INTO SpotCheckItems (SpotCheckId, Position, OfficeId, CharterVersionId, ServiceId, HasEvidence)
                VALUES (@id, @position, @OfficeId, @CharterVersionId, @ServiceId, 0)
                """, new { id, position = i + 1, sample[i].OfficeId, sample[i].CharterVersionId, sample[i].ServiceId }, cancellationToken);
        }
        return await store.GetAsync(id, cancellationToken);
    }
}
