using CharterTracker.Calendar;
using FluentValidation;

namespace CharterTracker.Activities;

/// <summary>Field rules every record shares: the period it counts for, and dates that must lie in it.</summary>
internal static class ActivityRules
{
    public static IRuleBuilderOptions<T, string?> FiscalYearName<T>(this IRuleBuilder<T, string?> rule, FiscalCalendar calendar) =>
        rule.Must(name => calendar.TryParseYear(name, out _))
            .WithMessage(_ => $"A fiscal year is written like \"{calendar.YearOf(calendar.Today).Name}\".");

    public static IRuleBuilderOptions<T, int?> QuarterNumber<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().WithMessage("The quarter (1–4) is required.")
            .InclusiveBetween(1, 4).WithMessage("A quarter is 1, 2, 3 or 4.");

    /// <summary>A date the activity happened on must lie inside the quarter it counts for, and not in the future.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> InQuarter<T>(this IRuleBuilder<T, DateOnly?> rule, FiscalCalendar calendar,
        Func<T, string?> fiscalYear, Func<T, int?> quarter, string what) =>
        rule.NotNull().WithMessage($"The date {what} is required.")
            .Must((command, date) => date is null || !calendar.TryParseYear(fiscalYear(command), out var year) || quarter(command) is not (>= 1 and <= 4)
                                     || year.Quarter(quarter(command)!.Value).Contains(date.Value))
            .WithMessage((command, date) => calendar.TryParseYear(fiscalYear(command), out var year) && quarter(command) is >= 1 and <= 4
                ? $"{date:yyyy-MM-dd} is outside {year.Quarter(quarter(command)!.Value)} ({year.Quarter(quarter(command)!.Value).Start:yyyy-MM-dd} to {year.Quarter(quarter(command)!.Value).End:yyyy-MM-dd})."
                : "The date must lie inside the quarter the record counts for.")
            .Must(date => date is null || date.Value <= calendar.Today)
            .WithMessage(_ => $"The date {what} cannot be in the future (today is {calendar.Today:yyyy-MM-dd}).");

    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, string what, int max, bool required = true) =>
        rule.Must(text => !required || !string.IsNullOrWhiteSpace(text)).WithMessage($"{what} is required.")
            .MaximumLength(max).WithMessage($"{what} is at most {max} characters.");
}
