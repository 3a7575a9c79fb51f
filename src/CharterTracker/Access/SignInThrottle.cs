using System.Text.Json;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using Microsoft.Extensions.Options;

namespace CharterTracker.Access;

/// <summary>
/// Failed sign-ins, counted per username and per client address in <c>SignInFailures</c> (shared by every node, on
/// the app's clock): after <see cref="SignInOptions.MaxFailuresPerUsername"/> or
/// <see cref="SignInOptions.MaxFailuresPerAddress"/> failures within the window, that username or address is refused
/// with 429 for <see cref="SignInOptions.LockoutDuration"/>, before its password is even checked. Unknown usernames count
/// like known ones, so a lock-out says nothing about which accounts exist. Every failure is audited.
/// </summary>
public sealed class SignInThrottle(DbSession db, AuditLog audit, TimeProvider clock, IOptions<SignInOptions> options)
{
    /// <summary>The rate-limiter policy in front of the sign-in routes (the token route, the form); Web/SignInRefusal.cs sets it up.</summary>
    public const string RateLimitPolicy = "sign-in";

    private SignInOptions Options => options.Value;

    /// <summary>Throws <see cref="TooManyRequestsException"/> while the username or the address is locked out.</summary>
    public async Task EnsureNotLockedAsync(string? username, string? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var keys = Keys(username, address).Select(k => k.Key).ToList();
        var lockedUntil = (await db.QueryAsync<DateTime>(
            "SELECT LockedUntilUtc FROM SignInFailures WHERE FailureKey IN @keys AND LockedUntilUtc > @now", new { keys, now }, cancellationToken)).ToList();
        if (lockedUntil.Count == 0) return;

        var wait = lockedUntil.Max() - now;
        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        await AuditAsync(username, address, $"Refused: locked out for {minutes} more minute(s).", cancellationToken);
        throw new TooManyRequestsException(Say.Text(
            $"ব্যর্থ প্রবেশের চেষ্টা অনেক বেশি: {BengaliDigitsOf(minutes)} মিনিট পরে আবার চেষ্টা করুন।",
            $"Too many failed sign-ins: try again in {minutes} minute(s)."), wait);
    }

    /// <summary>Counts a wrong password against the username and the address, locks those that reached their limit, audits it.</summary>
    public async Task RecordFailureAsync(string? username, string? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var windowStart = now - Options.FailureWindow;
        // Keys whose window and lock-out have both passed are forgotten (the table holds only the last window's failures).
        await db.ExecuteAsync("DELETE FROM SignInFailures WHERE WindowStartUtc <= @windowStart AND (LockedUntilUtc IS NULL OR LockedUntilUtc <= @now)",
            new { windowStart, now }, cancellationToken);
        foreach (var (key, limit) in Keys(username, address))
        {
            await CountAsync(key, now, windowStart, cancellationToken);
            // The count starts again after a lock-out: the next few tries once it ends are judged afresh.
            await db.ExecuteAsync(
                "UPDATE SignInFailures SET LockedUntilUtc = @until, Failures = 0, WindowStartUtc = @now WHERE FailureKey = @key AND Failures >= @limit",
                new { key, limit, now, until = now + Options.LockoutDuration }, cancellationToken);
        }
        await AuditAsync(username, address, "Unknown username or wrong password.", cancellationToken);
    }

    /// <summary>A right password clears the username's failures (not the address's: one good account must not reset a spray).</summary>
    public Task RecordSuccessAsync(string username, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM SignInFailures WHERE FailureKey = @key", new { key = UserKey(username) }, cancellationToken);

    private async Task CountAsync(string key, DateTime now, DateTime windowStart, CancellationToken cancellationToken)
    {
        const string Update = """
            UPDATE SignInFailures SET
                Failures = CASE WHEN WindowStartUtc <= @windowStart THEN 1 ELSE Failures + 1 END,
                WindowStartUtc = CASE WHEN WindowStartUtc <= @windowStart THEN @now ELSE WindowStartUtc END
            WHERE FailureKey = @key
            """;
        var parameters = new { key, now, windowStart };
        if (await db.ExecuteAsync(Update, parameters, cancellationToken) > 0) return;
        try
        {
            await db.ExecuteAsync("INSERT INTO SignInFailures (FailureKey, Failures, WindowStartUtc) VALUES (@key, 1, @now)", parameters, cancellationToken);
        }
        catch (Exception e) when (UniqueViolation.Is(e))
        {
            // Another request (or node) counted this key's first failure at the same moment: count on top of it.
            await db.ExecuteAsync(Update, parameters, cancellationToken);
        }
    }

    private IEnumerable<(string Key, int Limit)> Keys(string? username, string? address)
    {
        if (!string.IsNullOrWhiteSpace(username)) yield return (UserKey(username), Options.MaxFailuresPerUsername);
        if (!string.IsNullOrEmpty(address)) yield return ("address:" + address, Options.MaxFailuresPerAddress);
    }

    /// <summary>Usernames compare without case (the column is NOCASE); a name longer than any real one is cut, not stored whole.</summary>
    private static string UserKey(string username)
    {
        var name = username.Trim().ToLowerInvariant();
        return "user:" + (name.Length > 150 ? name[..150] : name);
    }

    /// <summary>A failed or refused sign-in is audited as a rejected "SignIn" by an anonymous caller, naming what was tried and from where.</summary>
    private Task AuditAsync(string? username, string? address, string detail, CancellationToken cancellationToken)
    {
        var tried = username is { Length: > 100 } ? username[..100] + "…" : username;
        var payload = JsonSerializer.Serialize(new { username = tried, address }, ApiJson.Options);
        return audit.WriteAsync(db, new AuditEntry(null, "anonymous", "SignIn", null, payload) { Outcome = AuditOutcome.Rejected, Detail = detail }, cancellationToken);
    }

    private static string BengaliDigitsOf(int number) => Calendar.BengaliDigits.ToBengali(number);
}
