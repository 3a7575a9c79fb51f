using CharterTracker.Pipeline;

namespace CharterTracker.Access;

/// <summary>A user as the API shows it (never the password hash).</summary>
public sealed record User : IIdentifiedResult
{
    public long Id { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public Role Role { get; init; }
    public long? OfficeId { get; init; }
    public string? Email { get; init; }
    public string Language { get; init; } = "bn";
    public bool Active { get; init; }

    public const string Columns = "Id, Username, DisplayName, Role, OfficeId, Email, Language, Active";
}

/// <summary>Only for checking a password: the hash never leaves the Access feature.</summary>
internal sealed class UserCredentials
{
    public long Id { get; init; }
    public string Username { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public Role Role { get; init; }
    public long? OfficeId { get; init; }
    public string Language { get; init; } = "bn";
    public bool Active { get; init; }
    public string SecurityStamp { get; init; } = "";

    /// <summary>1 when the cookie's session was signed out (read beside the user in one statement).</summary>
    public long EndedSessions { get; init; }
}

/// <summary>Who signed in, with the security stamp their token or cookie carries from now on.</summary>
public sealed record SignedInUser(User User, string SecurityStamp);
