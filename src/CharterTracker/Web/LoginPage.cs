using System.Net;
using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CharterTracker.Web;

/// <summary>
/// The cookie sign-in of the web pages: a plain HTML form, before anyone has a language or a frame of their own.
/// </summary>
public static class LoginPage
{
    public static IEndpointRouteBuilder MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (string? returnUrl, string? error) => Results.Content(Html(returnUrl, error), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/login", async (HttpContext http, IMediator mediator) =>
        {
            if (!http.Request.HasFormContentType) return Results.Redirect("/login?error=1");
            var form = await http.Request.ReadFormAsync();
            var returnUrl = LocalOnly(form["returnUrl"]);
            try
            {
                var user = await mediator.Send(new AuthenticateUserQuery(form["username"], form["password"]), http.RequestAborted);
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    Authentication.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
                return Results.Redirect(returnUrl);
            }
            catch (UnauthenticatedException)
            {
                return Results.Redirect($"/login?error=1&returnUrl={WebUtility.UrlEncode(returnUrl)}");
            }
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        app.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        return app;
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

    /// <summary>Both languages at once: nobody has chosen one yet. The site's stylesheet, the same header as every page.</summary>
    private static string Html(string? returnUrl, string? error) => $"""
        <!DOCTYPE html>
        <html lang="bn"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>প্রবেশ · Sign in — CharterTracker</title><link rel="stylesheet" href="{WebAssets.StylesheetUrl}"></head>
        <body>
        <header class="top"><div class="brand">CharterTracker<small>সেবা প্রদান প্রতিশ্রুতি পরিবীক্ষণ · <span lang="en">Citizen Charter monitoring</span></small></div></header>
        <main id="main" class="sign-in">
        <h1>প্রবেশ · <span lang="en">Sign in</span></h1>
        <form method="post" action="/login" class="web-form">
          <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(LocalOnly(returnUrl))}">
          {(error is null ? "" : "<p class=\"error-summary\" role=\"alert\">ভুল ব্যবহারকারী বা পাসওয়ার্ড · <span lang=\"en\">Unknown username or wrong password.</span></p>")}
          <div class="field"><label for="username">ব্যবহারকারী · <span lang="en">Username</span></label>
            <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus></div>
          <div class="field"><label for="password">পাসওয়ার্ড · <span lang="en">Password</span></label>
            <input id="password" name="password" type="password" autocomplete="current-password" required></div>
          <p class="actions"><button type="submit" class="primary">প্রবেশ · <span lang="en">Sign in</span></button></p>
        </form>
        </main></body></html>
        """;
}
