using System.Security.Claims;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CharterTracker.Access;

/// <summary>
/// Two ways in: opaque bearer tokens for the API (the framework's own bearer-token handler, protected by Data
/// Protection — no signing secret to manage) and a cookie for the web pages. A request with an
/// <c>Authorization: Bearer</c> header is judged by the token, any other by the cookie. Both carry only the user id;
/// <see cref="CurrentUserMiddleware"/> reads the rest from the database on every request.
/// </summary>
public static class Authentication
{
    public const string Scheme = "Charter";
    public const string UserIdClaim = "uid";

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

    public static ClaimsPrincipal Principal(User user, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(UserIdClaim, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, user.Username)],
            scheme));
}

/// <summary>The <c>{ accessToken, expiresAt }</c> answer of <c>POST /api/v1/auth/token</c>.</summary>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
{
    public TokenResponse Issue(User user)
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
/// since the token was issued is turned away here, at once: the API answers 401, a page sends the browser to the sign-in form.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser, DbSession db)
    {
        var claim = context.User.FindFirst(Authentication.UserIdClaim)?.Value;
        if (context.User.Identity?.IsAuthenticated == true && long.TryParse(claim, out var userId))
        {
            var user = await db.QuerySingleOrDefaultAsync<UserCredentials>(
                "SELECT Id, Username, Role, OfficeId, Language, Active FROM Users WHERE Id = @userId", new { userId }, context.RequestAborted);
            if (user is not { Active: true })
            {
                // A browser is sent back to the sign-in form (which refuses the account too), without the stale cookie.
                if (!context.Request.Path.StartsWithSegments("/api") && context.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
                {
                    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    context.Response.Redirect("/login");
                    return;
                }
                throw new UnauthenticatedException("This account no longer exists or has been deactivated.");
            }
            currentUser.SignIn(user.Id, user.Username, user.Role, user.OfficeId, user.Language);
        }
        await next(context);
    }
}
