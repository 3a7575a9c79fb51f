using CharterTracker.Calendar;
using FluentValidation;

namespace CharterTracker.Pipeline;

/// <summary>
/// Field rules many requests share, with their messages in both languages (<see cref="Say"/>): a fiscal year as the
/// API writes it, a quarter, a text of bounded length. A request's validator applies them; its handler then reads
/// the fiscal year through <see cref="FiscalCalendar.Year"/>.
/// </summary>
public static class FieldRules
{
    /// <summary>A fiscal year that must be given: a missing one is "required", a malformed one shows how it is written.</summary>
    public static IRuleBuilderOptions<T, string?> FiscalYearName<T>(this IRuleBuilder<T, string?> rule, FiscalCalendar calendar) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name))
            .WithMessage(_ => Say.Text($"অর্থবছর দিতে হবে, যেমন \"{calendar.YearOf(calendar.Today).Name}\"।", $"The fiscal year is required, e.g. \"{calendar.YearOf(calendar.Today).Name}\"."))
            .Must(name => string.IsNullOrWhiteSpace(name) || calendar.TryParseYear(name, out _))
            .WithMessage(_ => YearFormat(calendar));

    /// <summary>A fiscal year a read may leave out (the handler then reads the running year, <see cref="FiscalCalendar.YearOrRunning"/>), but when given is well formed.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalFiscalYearName<T>(this IRuleBuilder<T, string?> rule, FiscalCalendar calendar) =>
        rule.Must(name => string.IsNullOrWhiteSpace(name) || calendar.TryParseYear(name, out _))
            .WithMessage(_ => YearFormat(calendar));

    private static string YearFormat(FiscalCalendar calendar) =>
        Say.Text($"অর্থবছর লিখুন এভাবে: \"{calendar.YearOf(calendar.Today).Name}\"।", $"A fiscal year is written like \"{calendar.YearOf(calendar.Today).Name}\".");

    public static IRuleBuilderOptions<T, int?> QuarterNumber<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().WithMessage(_ => Say.Text("ত্রৈমাসিক (১–৪) দিতে হবে।", "The quarter (1–4) is required."))
            .InclusiveBetween(1, 4).WithMessage(_ => Say.Text("ত্রৈমাসিক ১, ২, ৩ বা ৪।", "A quarter is 1, 2, 3 or 4."));

    /// <summary>A quarter that may be left out (the whole year), but when given is 1 to 4.</summary>
    public static IRuleBuilderOptions<T, int?> OptionalQuarterNumber<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, 4).WithMessage(_ => Say.Text("ত্রৈমাসিক ১, ২, ৩ বা ৪।", "A quarter is 1, 2, 3 or 4."));

    /// <summary>A text field: required unless told, at most <paramref name="max"/> characters; <paramref name="whatBn"/> names it in Bengali.</summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, string what, int max, bool required = true, string? whatBn = null) =>
        rule.Must(text => !required || !string.IsNullOrWhiteSpace(text))
            .WithMessage(_ => Say.Text(whatBn is null ? "এটি পূরণ করতে হবে।" : $"{whatBn} দিতে হবে।", $"{what} is required."))
            .MaximumLength(max)
            .WithMessage(_ => Say.Text(whatBn is null ? $"সর্বোচ্চ {BengaliDigits.ToBengali(max)} অক্ষর।" : $"{whatBn} সর্বোচ্চ {BengaliDigits.ToBengali(max)} অক্ষরের।",
                $"{what} is at most {max} characters."));
}
