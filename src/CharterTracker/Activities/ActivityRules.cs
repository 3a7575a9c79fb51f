using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;

namespace CharterTracker.Activities;

/// <summary>Field rules every record shares: dates that must lie in the period it counts for, the version an edit read.</summary>
internal static class ActivityRules
{
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
            .WithMessage(_ => Say.Text($"তারিখ ভবিষ্যতের হতে পারে না (আজ {BengaliDigits.Date(calendar.Today)})।", $"The date {what} cannot be in the future (today is {calendar.Today:yyyy-MM-dd})."));

    private static string OutsideQuarter(DateOnly date, FiscalQuarter quarter) => Say.Text(
        $"{BengaliDigits.Date(date)} তারিখটি এই ত্রৈমাসিকের ({BengaliDigits.Date(quarter.Start)} থেকে {BengaliDigits.Date(quarter.End)}) বাইরে।",
        $"{date:yyyy-MM-dd} is outside {quarter} ({quarter.Start:yyyy-MM-dd} to {quarter.End:yyyy-MM-dd}).");

    /// <summary>
    /// The version of the record the editor read, required for every edit and withdrawal: without it the last writer
    /// would silently win over a change the editor never saw.
    /// </summary>
    public static IRuleBuilderOptions<T, int?> RecordVersion<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().WithMessage(_ => Say.Text("আপনি রেকর্ডের যে সংস্করণ পড়েছেন, তার নম্বর (version) দিতে হবে।",
                "The version of the record you read is required, so that your change cannot overwrite one you have not seen."))
            .GreaterThanOrEqualTo(1).WithMessage(_ => Say.Text("সংস্করণ ১ বা তার বেশি।", "A version is 1 or more."));
}
