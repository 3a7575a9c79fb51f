using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;

namespace CharterTracker.Offices;

/// <summary>Field rules shared by registering one office and importing many; explained in the caller's language (<see cref="Say"/>).</summary>
internal static class OfficeRules
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 300;

    /// <summary>Codes are what people type and what CSV files join on: letters, digits, '.', '-', '_'.</summary>
    public static bool IsValidCode(string? code) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= CodeMaxLength
        && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    public static string CodeMessage() =>
        Say.Text("কোড ১–৫০টি ইংরেজি অক্ষর, অঙ্ক, '.', '-' বা '_' দিয়ে লিখুন।", "A code is 1–50 letters, digits, '.', '-' or '_'.");

    /// <summary>
    /// A code already in use. Codes are unique, so saying that one is taken cannot be avoided; naming the office that
    /// holds it (its id or name) would tell a focal point about offices outside its subtree.
    /// </summary>
    public static string CodeTaken(string code) => Say.Text($"'{code}' কোডটি ইতোমধ্যে ব্যবহৃত হয়েছে; অন্য একটি কোড দিন।", $"Code '{code}' is already taken; choose another.");

    public static string NameRequired(bool bengali) =>
        bengali ? Say.Text("বাংলা নাম দিতে হবে।", "The Bengali name is required.") : Say.Text("ইংরেজি নাম দিতে হবে।", "The English name is required.");

    public static string NameTooLong(bool bengali) => bengali
        ? Say.Text($"বাংলা নাম সর্বোচ্চ {BengaliDigits.ToBengali(NameMaxLength)} অক্ষর।", $"The Bengali name is at most {NameMaxLength} characters.")
        : Say.Text($"ইংরেজি নাম সর্বোচ্চ {BengaliDigits.ToBengali(NameMaxLength)} অক্ষর।", $"The English name is at most {NameMaxLength} characters.");

    public static string KindMessage(string? given) => Say.Text(
        $"দপ্তরের ধরন{(given is null ? "" : $" '{given}'")} সঠিক নয়; এর একটি দিন: {string.Join(", ", Enum.GetNames<OfficeKind>())}।",
        given is null
            ? $"The kind is required: {string.Join(", ", Enum.GetNames<OfficeKind>())}."
            : $"'{given}' is not a kind; use one of {string.Join(", ", Enum.GetNames<OfficeKind>())}.");

    public static IRuleBuilderOptions<T, string?> OfficeCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsValidCode).WithMessage(_ => CodeMessage());

    public static IRuleBuilderOptions<T, string?> OfficeName<T>(this IRuleBuilder<T, string?> rule, bool bengali) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(_ => NameRequired(bengali))
            .MaximumLength(NameMaxLength).WithMessage(_ => NameTooLong(bengali));

    /// <summary>"dd-MM-yyyy" in Bengali digits or "yyyy-MM-dd": how a date is written in a message.</summary>
    public static string Day(DateOnly date) => Say.Bengali
        ? BengaliDigits.ToBengali(date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture))
        : date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
