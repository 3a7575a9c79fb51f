using Microsoft.AspNetCore.Identity;

namespace CharterTracker.Access;

/// <summary>ASP.NET Core Identity's hasher (PBKDF2, salted, versioned), without the rest of Identity.</summary>
public static class Passwords
{
    public const int MinimumLength = 10;
    public const string Rule = "A password is at least 10 characters.";

    /// <summary>Longer passwords are refused when set and fail at sign-in unhashed: hashing megabytes would be a cheap way to load the server.</summary>
    public const int MaximumLength = 256;
    public const string MaximumRule = "A password is at most 256 characters.";

    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Nobody = new();

    public static string Hash(string password) => Hasher.HashPassword(Nobody, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(Nobody, hash, password) != PasswordVerificationResult.Failed;
}
