using System.Security.Claims;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CharterTracker.Access;

/// <summary>
/// Two ways in: opaque bearer tokens for the API (the framework's own bearer-token handler, protected by Data
/// Protection — no signing secret to manage) and a cookie for the web pages. A request with an
/// <c>Authorization: Bearer</c> header is judged by the token, any other by the cookie. Both carry only the user id,
/// the user's security stamp at sign-in and (a cookie) a session id; <see cref="CurrentUserMiddleware"/> reads the rest
/// from the database on every request and refuses a stamp that has changed since, or a session that was signed out.
/// </summary>
public static class Authentication
{
    public const string Scheme = "Charter";
    public const string UserIdClaim = "uid";
    public const string SecurityStampClaim = "stamp";
    public const string SessionIdClaim = "sid";

    /// <summary>A new random security stamp: written at registration, and whenever the user's tokens must all end.</summary>
    public static string NewSecurityStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public static IServiceCollection AddCharterAuthentication(this IServiceCollection services, CharterOptions options, string keysDirectory)
    {
        // Keys live beside the data so that tokens and cookies survive a restart; nodes of one deployment share the folder.
        services.AddDataProtection().SetApplicationName("CharterTracker").PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or cookie", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddBearerToken(BearerTokenDefaults.AuthenticationScheme, bearer => bearer.BearerTokenExpiration = options.TokenLifetime)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.Cookie.Name = "CharterTracker";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is HTTPS, which behind a TLS proxy the forwarded headers tell (Web/SecurityHeaders.cs).
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/login";
                cookie.ExpireTimeSpan = options.TokenLifetime;
                cookie.SlidingExpiration = true;
                // The API answers 401/403; only pages redirect to the login form.
                cookie.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build());
        services.AddScoped<TokenIssuer>();
        return services;
    }

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    /// <summary>What a token or cookie carries. A cookie also gets a session id of its own, which signing out ends.</summary>
    public static ClaimsPrincipal Principal(SignedInUser signedIn, string scheme)
    {
        List<Claim> claims =
        [
            new(UserIdClaim, signedIn.User.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, signedIn.User.Username),
            new(SecurityStampClaim, signedIn.SecurityStamp),
        ];
        if (scheme == CookieAuthenticationDefaults.AuthenticationScheme) claims.Add(new Claim(SessionIdClaim, NewSecurityStamp()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}

/// <summary>The <c>{ accessToken, expiresAt }</c> answer of <c>POST /api/v1/auth/token</c>.</summary>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
{
    public TokenResponse Issue(SignedInUser user)
    {
        var bearer = options.Get(BearerTokenDefaults.AuthenticationScheme);
        var now = clock.GetUtcNow();
        var expiresAt = now + bearer.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(
            Authentication.Principal(user, BearerTokenDefaults.AuthenticationScheme),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expiresAt },
            BearerTokenDefaults.AuthenticationScheme);
        return new TokenResponse(bearer.BearerTokenProtector.Protect(ticket), expiresAt);
    }
}

/// <summary>
/// Fills <see cref="CurrentUser"/> from the database for an authenticated request. A user deactivated or deleted
/// since the token was issued, a token or cookie whose security stamp is no longer the user's (password reset, role or
/// office changed) and a cookie that was signed out are turned away here, at once: the API answers 401, a page sends
/// the browser to the sign-in form.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser, DbSession db)
    {
        var span = Spans.Start("user");
        var claim = context.User.FindFirst(Authentication.UserIdClaim)?.Value;
        if (context.User.Identity?.IsAuthenticated == true && long.TryParse(claim, out var userId))
        {
            var byCookie = context.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme;
            if (byCookie && IsUnsafeApiRequest(context.Request))
            {
                // Another site can make a browser send its cookie, not a bearer token: a write through the API needs the token.
                if (context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
                {
                    throw new UnauthenticatedException(
                        "A request that changes data through the API must carry a bearer token (POST /api/v1/auth/token); the web sign-in cookie is not accepted for it.");
                }
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                span?.Dispose();
                await next(context);
                return;
            }

            var sessionId = context.User.FindFirst(Authentication.SessionIdClaim)?.Value;
            var user = await db.QuerySingleOrDefaultAsync<UserCredentials>(
                """
                SELECT Id, Username, Role, OfficeId, Language, Active, SecurityStamp,
                       (SELECT COUNT(*) FROM EndedSessions WHERE SessionId = @sessionId) AS EndedSessions
                FROM Users WHERE Id = @userId
                """, new { userId, sessionId }, context.RequestAborted);
            var stamp = context.User.FindFirst(Authentication.SecurityStampClaim)?.Value;
            if (user is not { Active: true, EndedSessions: 0 } || !string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal))
            {
                span?.Dispose();
                if (byCookie)
                {
                    // Also stops the cookie handler renewing the refused cookie on this response.
                    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    // A browser is sent back to the sign-in form (which refuses a deactivated account too).
                    if (!context.Request.Path.StartsWithSegments("/api"))
                    {
                        context.Response.Redirect("/login");
                        return;
                    }
                }
                throw new UnauthenticatedException(user is { Active: true }
                    ? "This sign-in has ended (signed out, or the password, role or office changed since): sign in again."
                    : "This account no longer exists or has been deactivated.");
            }
            currentUser.SignIn(user.Id, user.Username, user.Role, user.OfficeId, user.Language);
        }
        span?.Dispose();
        await next(context);
    }

    private static bool IsUnsafeApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
}
