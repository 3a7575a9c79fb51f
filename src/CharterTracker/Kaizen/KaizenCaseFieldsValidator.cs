using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;

namespace CharterTracker.Kaizen;

/// <summary>
/// What a case must hold: the story (title, problem, root cause, change), a team, and for an implemented case the day
/// it took effect (inside the fiscal year, not in the future) and at least one measure with its value after; an
/// abandoned case says why. Values are numbers of 0 or more, Bengali digits accepted.
/// </summary>
public sealed class KaizenCaseFieldsValidator : AbstractValidator<KaizenCaseFields>
{
    public const int MaxTeam = 30;
    public const int MaxMeasures = 20;

    public KaizenCaseFieldsValidator(FiscalCalendar calendar)
    {
        RuleFor(k => k.FiscalYear).FiscalYearName(calendar);
        RuleFor(k => k.Title).Text("The title", 300, whatBn: "শিরোনাম");
        RuleFor(k => k.Problem).Text("The problem", 4000, whatBn: "সমস্যা");
        RuleFor(k => k.RootCause).Text("The root cause", 4000, whatBn: "মূল কারণ");
        RuleFor(k => k.Change).Text("The change", 4000, whatBn: "পরিবর্তন/সমাধান");
        RuleFor(k => k.Status).NotNull()
            .WithMessage(_ => Say.Text("অবস্থা বেছে নিন: পরিকল্পিত, চলমান, বাস্তবায়িত বা বাতিল।", "The status is required: Planned, InProgress, Implemented or Abandoned."));

        RuleFor(k => k.ImplementedOn).NotNull()
            .WithMessage(_ => Say.Text("বাস্তবায়নের তারিখ দিতে হবে।", "An implemented case needs the day it was implemented (implementedOn)."))
            .When(k => k.Status == KaizenStatus.Implemented);
        RuleFor(k => k.ImplementedOn)
            .Must((k, date) => date is null || !calendar.TryParseYear(k.FiscalYear, out var year) || year.Contains(date.Value))
            .WithMessage(k => calendar.TryParseYear(k.FiscalYear, out var year)
                ? Say.Text($"{BengaliDigits.Date(k.ImplementedOn!.Value)} তারিখটি {BengaliDigits.ToBengali(year.Name)} অর্থবছরের ({BengaliDigits.Date(year.Start)} থেকে {BengaliDigits.Date(year.End)}) বাইরে।",
                    $"{k.ImplementedOn:yyyy-MM-dd} is outside fiscal year {year.Name} ({year.Start:yyyy-MM-dd} to {year.End:yyyy-MM-dd}).")
                : Say.Text("তারিখটি অর্থবছরের মধ্যে হতে হবে।", "The date must lie inside the fiscal year."))
            .Must(date => date is null || date <= calendar.Today)
            .WithMessage(_ => Say.Text($"বাস্তবায়নের তারিখ ভবিষ্যতের হতে পারে না (আজ {BengaliDigits.Date(calendar.Today)})।", $"The day it was implemented cannot be in the future (today is {calendar.Today:yyyy-MM-dd})."))
            .When(k => k.Status == KaizenStatus.Implemented);
        RuleFor(k => k.ImplementedOn).Null()
            .WithMessage(_ => Say.Text("কেবল বাস্তবায়িত কাইজেনের বাস্তবায়নের তারিখ থাকে।", "Only an implemented case has the day it was implemented: leave implementedOn out or set the status to Implemented."))
            .When(k => k.Status is not null and not KaizenStatus.Implemented);

        RuleFor(k => k.AbandonedReason).Text("The reason it was abandoned", 2000, whatBn: "বাতিলের কারণ").When(k => k.Status == KaizenStatus.Abandoned);
        RuleFor(k => k.AbandonedReason).Must(string.IsNullOrWhiteSpace)
            .WithMessage(_ => Say.Text("কেবল বাতিল কাইজেনের বাতিলের কারণ থাকে।", "Only an abandoned case has a reason it was abandoned."))
            .When(k => k.Status is not null and not KaizenStatus.Abandoned);

        RuleFor(k => k.Team).Must(team => team is { Count: > 0 })
            .WithMessage(_ => Say.Text("কাইজেন দলের অন্তত একজন সদস্যের নাম ও পদবি দিন।", "The team has at least one member (name and designation)."))
            .Must(team => team is null || team.Count <= MaxTeam)
            .WithMessage(_ => Say.Text($"দলে সর্বোচ্চ {BengaliDigits.ToBengali(MaxTeam)} জন।", $"A team has at most {MaxTeam} members."));
        RuleForEach(k => k.Team).NotNull().WithMessage(_ => Say.Text("খালি সারি দেওয়া যাবে না।", "An empty entry (null) is not allowed."));
        RuleForEach(k => k.Team).ChildRules(member =>
        {
            member.RuleFor(m => m!.Name).Text("The member's name", 200, whatBn: "সদস্যের নাম");
            member.RuleFor(m => m!.Designation).Text("The member's designation", 200, whatBn: "সদস্যের পদবি");
        });

        RuleFor(k => k.Measures).Must(measures => measures is { Count: > 0 })
            .WithMessage(_ => Say.Text("বাস্তবায়িত কাইজেনে অন্তত একটি পরিমাপ (আগে ও পরে) দিন: ধাপ, দিন, যাতায়াত বা খরচ।",
                "An implemented case shows at least one measure before and after (steps, days, visits, cost)."))
            .When(k => k.Status == KaizenStatus.Implemented);
        RuleFor(k => k.Measures).Must(measures => measures is null || measures.Count <= MaxMeasures)
            .WithMessage(_ => Say.Text($"সর্বোচ্চ {BengaliDigits.ToBengali(MaxMeasures)}টি পরিমাপ।", $"A case has at most {MaxMeasures} measures."));
        RuleForEach(k => k.Measures).NotNull().WithMessage(_ => Say.Text("খালি সারি দেওয়া যাবে না।", "An empty entry (null) is not allowed."));
        RuleForEach(k => k.Measures).ChildRules(measure =>
        {
            measure.RuleFor(m => m!.Name).Text("The measure's name", 200, whatBn: "পরিমাপের নাম");
            measure.RuleFor(m => m!.Unit).Text("The unit", 50, whatBn: "একক");
            measure.RuleFor(m => m!.Before).Must(text => !string.IsNullOrWhiteSpace(text))
                .WithMessage(_ => Say.Text("আগের মান দিতে হবে।", "The value before is required."))
                .Must(BeAValue).WithMessage(_ => NotAValue);
            measure.RuleFor(m => m!.After).Must(BeAValue).WithMessage(_ => NotAValue);
        });
        // The value after is what the change achieved: an implemented case has it for every measure.
        RuleForEach(k => k.Measures).ChildRules(measure =>
            measure.RuleFor(m => m!.After).Must(text => !string.IsNullOrWhiteSpace(text))
                .WithMessage(_ => Say.Text("বাস্তবায়িত কাইজেনে পরের মান দিতে হবে।", "An implemented case has the value after for every measure.")))
            .When(k => k.Status == KaizenStatus.Implemented);
    }

    private static bool BeAValue(string? text) => string.IsNullOrWhiteSpace(text) || KaizenMeasureFields.Parse(text) is >= 0 and < 1_000_000_000_000m;

    private static string NotAValue => Say.Text("০ বা তার বেশি একটি সংখ্যা লিখুন (যেমন ৭ বা ২.৫)।", "A value is a number of 0 or more (such as 7 or 2.5).");
}
