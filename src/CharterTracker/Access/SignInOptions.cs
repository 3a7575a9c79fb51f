namespace CharterTracker.Access;

/// <summary>
/// <c>Charter:SignIn</c>: how many wrong passwords lock a username or a client address out, and for how long, and how
/// many sign-in attempts one address may make a minute. Only failures count towards a lock-out, so a deployment whose
/// users all sign in through one proxy address is not locked by its own successful sign-ins.
/// </summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    /// <summary>Wrong passwords for one username within <see cref="FailureWindow"/> before it is locked (from any address).</summary>
    public int MaxFailuresPerUsername { get; set; } = 5;

    /// <summary>Failed sign-ins from one client address within <see cref="FailureWindow"/>, whatever the usernames, before it is locked.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked username or address is refused (429), even with the right password.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sign-in requests (right or wrong) one client address may make a minute, on the token route and the form together
    /// (ASP.NET Core's rate limiter, per node): a flood guard in front of the password hashing, not the lock-out.
    /// </summary>
    public int AttemptsPerMinutePerAddress { get; set; } = 120;
}
