using System.Net;
using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CharterTracker.Web;

/// <summary>
/// The cookie sign-in of the web pages: a plain HTML form, before anyone has a language or a frame of their own. The
/// sign-in and sign-out forms carry an antiforgery token like every other form, so another site can neither sign a
/// browser in under an account of its choosing nor sign it out.
/// </summary>
public static class LoginPage
{
    public enum Message
    {
        WrongPassword,
        FormExpired,
        TooManyFailures,
        FormTooLarge,
    }

    public static IEndpointRouteBuilder MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext http, string? returnUrl, string? error) =>
                Results.Content(Html(http, returnUrl, error switch { null => null, "expired" => Message.FormExpired, _ => Message.WrongPassword }), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/login", async (HttpContext http, IMediator mediator) =>
        {
            if (!http.Request.HasFormContentType) return Results.Redirect("/login?error=1");
            IFormCollection form;
            try
            {
                form = await http.Request.ReadWellFormedFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException e) when (!e.IsOverLimit())
            {
                return Results.Redirect("/login?error=1");
            }
            catch (InvalidDataException)
            {
                // Over the form limits (a field over 4 MB, more than 1,024 fields): the form again, saying so, never a 500.
                return Results.Content(Html(http, null, Message.FormTooLarge), "text/html; charset=utf-8", statusCode: StatusCodes.Status413PayloadTooLarge);
            }
            var returnUrl = LocalOnly(form["returnUrl"]);
            if (!await ValidAntiforgeryAsync(http))
            {
                return Results.Redirect($"/login?error=expired&returnUrl={WebUtility.UrlEncode(returnUrl)}");
            }
            try
            {
                var signedIn = await mediator.Send(new AuthenticateUserQuery(form["username"], form["password"], http.Connection.RemoteIpAddress?.ToString()), http.RequestAborted);
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    Authentication.Principal(signedIn, CookieAuthenticationDefaults.AuthenticationScheme));
                return Results.Redirect(returnUrl);
            }
            catch (UnauthenticatedException)
            {
                return Results.Redirect($"/login?error=1&returnUrl={WebUtility.UrlEncode(returnUrl)}");
            }
            catch (TooManyRequestsException refusal)
            {
                await SignInRefusal.WriteAsync(http, refusal);
                return Results.Empty;
            }
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(SignInRateLimiting.Policy).ExcludeFromDescription();

        // Signing out ends this cookie on the server too: its session id is kept among the ended ones until the cookie
        // would have expired, so a copy of it (another tab's, a stolen one) no longer opens anything.
        app.MapPost("/logout", async (HttpContext http, DbSession db, TimeProvider clock, IOptions<CharterOptions> options) =>
        {
            if (!await ValidAntiforgeryAsync(http)) return Results.Redirect("/");
            if (http.User.FindFirst(Authentication.SessionIdClaim)?.Value is { } sessionId)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await db.ExecuteAsync("DELETE FROM EndedSessions WHERE ExpiresAtUtc <= @now", new { now }, http.RequestAborted);
                await db.ExecuteAsync("INSERT INTO EndedSessions (SessionId, ExpiresAtUtc) VALUES (@sessionId, @expires)",
                    new { sessionId, expires = now + options.Value.TokenLifetime }, http.RequestAborted);
            }
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        return app;
    }

    /// <summary>The form's antiforgery token matches its cookie (a form too large to read has none).</summary>
    private static async Task<bool> ValidAntiforgeryAsync(HttpContext http)
    {
        try
        {
            return http.Request.HasFormContentType && await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        }
        catch (Exception e) when (e is InvalidDataException or AntiforgeryValidationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Only paths on this site (a login form must not become an open redirect), and only characters a Location header
    /// may carry: control characters are refused, anything beyond ASCII percent-encoded.
    /// </summary>
    private static string LocalOnly(string? url)
    {
        if (string.IsNullOrEmpty(url) || !url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal)
            || url.Any(char.IsControl))
        {
            return "/";
        }
        return string.Concat(url.EnumerateRunes().Select(r => r.Value < 128 ? r.ToString() : Uri.EscapeDataString(r.ToString())));
    }

    private static string Alert(Message? message) => message switch
    {
        null => "",
        Message.WrongPassword => "ভুল ব্যবহারকারী বা পাসওয়ার্ড · <span lang=\"en\">Unknown username or wrong password.</span>",
        Message.FormExpired => "ফর্মটির মেয়াদ শেষ হয়েছে বা এটি অন্য কোথাও থেকে এসেছে: আবার প্রবেশ করুন। · <span lang=\"en\">The form had expired or did not come from this site: please sign in again.</span>",
        Message.TooManyFailures => "ব্যর্থ প্রবেশের চেষ্টা অনেক বেশি: কিছুক্ষণ পরে আবার চেষ্টা করুন। · <span lang=\"en\">Too many failed sign-ins: please wait a few minutes and try again.</span>",
        Message.FormTooLarge => "ফর্মটি অনেক বড়: ব্যবহারকারীর নাম ও পাসওয়ার্ড দিয়ে আবার চেষ্টা করুন। · <span lang=\"en\">The form was too large: please enter your username and password again.</span>",
        _ => "",
    };

    /// <summary>Both languages at once: nobody has chosen one yet. The site's stylesheet, the same header as every page.</summary>
    public static string Html(HttpContext http, string? returnUrl, Message? message) => $"""
        <!DOCTYPE html>
        <html lang="bn"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>প্রবেশ · Sign in — CharterTracker</title><link rel="stylesheet" href="{WebAssets.StylesheetUrl}"></head>
        <body>
        <header class="top"><div class="brand">CharterTracker<small>সেবা প্রদান প্রতিশ্রুতি পরিবীক্ষণ · <span lang="en">Citizen Charter monitoring</span></small></div></header>
        <main id="main" class="sign-in">
        <h1>প্রবেশ · <span lang="en">Sign in</span></h1>
        <form method="post" action="/login" class="web-form">
          <input type="hidden" name="__RequestVerificationToken" value="{WebUtility.HtmlEncode(http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken)}">
          <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(LocalOnly(returnUrl))}">
          {(message is null ? "" : $"<p class=\"error-summary\" role=\"alert\">{Alert(message)}</p>")}
          <div class="field"><label for="username">ব্যবহারকারী · <span lang="en">Username</span></label>
            <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="100" required autofocus></div>
          <div class="field"><label for="password">পাসওয়ার্ড · <span lang="en">Password</span></label>
            <input id="password" name="password" type="password" autocomplete="current-password" maxlength="{Passwords.MaximumLength}" required></div>
          <p class="actions"><button type="submit" class="primary">প্রবেশ · <span lang="en">Sign in</span></button></p>
        </form>
        </main></body></html>
        """;
}
