using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;

namespace CharterTracker.Activities;

/// <summary>Field rules every record shares: the period it counts for, and dates that must lie in it.</summary>
internal static class ActivityRules
{
    public static IRuleBuilderOptions<T, string?> FiscalYearName<T>(this IRuleBuilder<T, string?> rule, FiscalCalendar calendar) =>
        rule.Must(name => calendar.TryParseYear(name, out _))
            .WithMessage(_ => Say.Text($"অর্থবছর লিখুন এভাবে: \"{calendar.YearOf(calendar.Today).Name}\"।", $"A fiscal year is written like \"{calendar.YearOf(calendar.Today).Name}\"."));

    public static IRuleBuilderOptions<T, int?> QuarterNumber<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().WithMessage(_ => Say.Text("ত্রৈমাসিক (১–৪) দিতে হবে।", "The quarter (1–4) is required."))
            .InclusiveBetween(1, 4).WithMessage(_ => Say.Text("ত্রৈমাসিক ১, ২, ৩ বা ৪।", "A quarter is 1, 2, 3 or 4."));

    /// <summary>A quarter that may be left out (the whole year), but when given is 1 to 4.</summary>
    public static IRuleBuilderOptions<T, int?> OptionalQuarterNumber<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, 4).WithMessage(_ => Say.Text("ত্রৈমাসিক ১, ২, ৩ বা ৪।", "A quarter is 1, 2, 3 or 4."));

    /// <summary>A date the activity happened on must lie inside the quarter it counts for, and not in the future.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> InQuarter<T>(this IRuleBuilder<T, DateOnly?> rule, FiscalCalendar calendar,
        Func<T, string?> fiscalYear, Func<T, int?> quarter, string what) =>
        rule.NotNull().WithMessage(_ => Say.Text("তারিখ দিতে হবে।", $"The date {what} is required."))
            .Must((command, date) => date is null || !calendar.TryParseYear(fiscalYear(command), out var year) || quarter(command) is not (>= 1 and <= 4)
                                     || year.Quarter(quarter(command)!.Value).Contains(date.Value))
            .WithMessage((command, date) => calendar.TryParseYear(fiscalYear(command), out var year) && quarter(command) is >= 1 and <= 4
                ? OutsideQuarter(date!.Value, year.Quarter(quarter(command)!.Value))
                : Say.Text("তারিখটি যে ত্রৈমাসিকের জন্য লিপিবদ্ধ, তার মধ্যে হতে হবে।", "The date must lie inside the quarter the record counts for."))
            .Must(date => date is null || date.Value <= calendar.Today)
            .WithMessage(_ => Say.Text($"তারিখ ভবিষ্যতের হতে পারে না (আজ {Bengali(calendar.Today)})।", $"The date {what} cannot be in the future (today is {calendar.Today:yyyy-MM-dd})."));

    private static string OutsideQuarter(DateOnly date, FiscalQuarter quarter) => Say.Text(
        $"{Bengali(date)} তারিখটি এই ত্রৈমাসিকের ({Bengali(quarter.Start)} থেকে {Bengali(quarter.End)}) বাইরে।",
        $"{date:yyyy-MM-dd} is outside {quarter} ({quarter.Start:yyyy-MM-dd} to {quarter.End:yyyy-MM-dd}).");

    internal static string Bengali(DateOnly date) => BengaliDigits.ToBengali(date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The version of the record the editor read, required for every edit and withdrawal: without it the last writer
    /// would silently win over a change the editor never saw.
    /// </summary>
    public static IRuleBuilderOptions<T, int?> RecordVersion<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().WithMessage(_ => Say.Text("আপনি রেকর্ডের যে সংস্করণ পড়েছেন, তার নম্বর (version) দিতে হবে।",
                "The version of the record you read is required, so that your change cannot overwrite one you have not seen."))
            .GreaterThanOrEqualTo(1).WithMessage(_ => Say.Text("সংস্করণ ১ বা তার বেশি।", "A version is 1 or more."));

    /// <summary>A text field: required unless told, at most <paramref name="max"/> characters; <paramref name="whatBn"/> names it in Bengali.</summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, string what, int max, bool required = true, string? whatBn = null) =>
        rule.Must(text => !required || !string.IsNullOrWhiteSpace(text))
            .WithMessage(_ => Say.Text(whatBn is null ? "এটি পূরণ করতে হবে।" : $"{whatBn} দিতে হবে।", $"{what} is required."))
            .MaximumLength(max)
            .WithMessage(_ => Say.Text(whatBn is null ? $"সর্বোচ্চ {BengaliDigits.ToBengali(max)} অক্ষর।" : $"{whatBn} সর্বোচ্চ {BengaliDigits.ToBengali(max)} অক্ষরের।",
                $"{what} is at most {max} characters."));
}
