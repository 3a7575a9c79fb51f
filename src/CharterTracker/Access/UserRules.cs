using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;

namespace CharterTracker.Access;

/// <summary>Field rules shared by creating a user and changing one, explained in the caller's language (<see cref="Say"/>).</summary>
internal static class UserRules
{
    public static IRuleBuilderOptions<T, string?> DisplayName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => Say.Text("প্রদর্শিত নাম দিতে হবে।", "The display name is required."))
            .MaximumLength(200).WithMessage(_ => Say.Text("প্রদর্শিত নাম সর্বোচ্চ ২০০ অক্ষর।", "The display name is at most 200 characters."));

    public static IRuleBuilderOptions<T, Role?> UserRole<T>(this IRuleBuilder<T, Role?> rule) =>
        rule.NotNull().WithMessage(_ => Say.Text("ভূমিকা দিতে হবে।", "The role is required: " + string.Join(", ", Enum.GetNames<Role>()) + "."));

    /// <summary>Every role but SystemAdmin acts on an office's subtree.</summary>
    public static IRuleBuilderOptions<T, long?> UserOffice<T>(this IRuleBuilder<T, long?> rule, Func<T, Role?> role) =>
        rule.NotNull().When(c => role(c) is not null and not Role.SystemAdmin)
            .WithMessage(_ => Say.Text("সিস্টেম প্রশাসক ছাড়া প্রত্যেক ভূমিকা একটি দপ্তরের অধীনে কাজ করে: দপ্তর দিতে হবে।",
                "Every role but SystemAdmin acts on an office's subtree: the office is required."));

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.EmailAddress().WithMessage(_ => Say.Text("ই-মেইল ঠিকানাটি সঠিক নয়।", "The email address is not valid."))
            .MaximumLength(200).WithMessage(_ => Say.Text("ই-মেইল সর্বোচ্চ ২০০ অক্ষর।", "The email address is at most 200 characters."));

    public static IRuleBuilderOptions<T, string?> Language<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(l => l is null or "bn" or "en").WithMessage(_ => Say.Text("ভাষা 'bn' (বাংলা) অথবা 'en' (English)।", "The language is 'bn' or 'en'."));

    public static IRuleBuilderOptions<T, string?> Password<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(p => p is { Length: >= Passwords.MinimumLength }).WithMessage(_ => Say.Text("পাসওয়ার্ড কমপক্ষে ১০ অক্ষরের হতে হবে।", Passwords.Rule))
            .Must(p => p is not { Length: > Passwords.MaximumLength }).WithMessage(_ => Say.Text("পাসওয়ার্ড সর্বোচ্চ ২৫৬ অক্ষরের হতে পারে।", Passwords.MaximumRule));

    /// <summary>A role acting on an office needs an office that exists.</summary>
    public static async Task EnsureOfficeExistsAsync(DbSession db, long? officeId, CancellationToken cancellationToken)
    {
        if (officeId is { } id && await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Offices WHERE Id = @id", new { id }, cancellationToken) == 0)
        {
            throw new RequestValidationException("officeId", Say.Text($"{BengaliDigits.ToBengali(id)} নম্বর দপ্তর নেই।", $"Office {id} does not exist."));
        }
    }
}
