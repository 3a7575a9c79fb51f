namespace CharterTracker.Access;

/// <summary>
/// The caller of the current request (scoped). Filled from the database after authentication, so a change of
/// role, office or a deactivation takes effect on the next request, not when a token expires.
/// </summary>
public sealed class CurrentUser
{
    public long? UserId { get; private set; }
    public string Username { get; private set; } = "anonymous";
    public Role? Role { get; private set; }
    public long? OfficeId { get; private set; }
    public string Language { get; private set; } = "bn";

    public bool IsAuthenticated => Role is not null;

    /// <summary>Scheduled jobs, start-up and the demo loader act as this built-in administrator.</summary>
    public const string SystemUsername = "system";

    public void SignIn(long? userId, string username, Role role, long? officeId, string language = "bn")
    {
        UserId = userId;
        Username = username;
        Role = role;
        OfficeId = officeId;
        Language = language;
    }

    public void ActAsSystem() => SignIn(null, SystemUsername, Access.Role.SystemAdmin, null);
}
