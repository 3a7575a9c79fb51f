using FluentValidation;

namespace CharterTracker.Offices;

/// <summary>Field rules shared by registering one office and importing many.</summary>
internal static class OfficeRules
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 300;

    /// <summary>Codes are what people type and what CSV files join on: letters, digits, '.', '-', '_'.</summary>
    public static bool IsValidCode(string? code) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= CodeMaxLength
        && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    public const string CodeMessage = "A code is 1–50 letters, digits, '.', '-' or '_'.";

    public static IRuleBuilderOptions<T, string?> OfficeCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsValidCode).WithMessage(CodeMessage);

    public static IRuleBuilderOptions<T, string?> OfficeName<T>(this IRuleBuilder<T, string?> rule, string language) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage($"The {language} name is required.")
            .MaximumLength(NameMaxLength).WithMessage($"The {language} name is at most {NameMaxLength} characters.");
}
