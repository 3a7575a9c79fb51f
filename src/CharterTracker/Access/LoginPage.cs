using System.Net;
using CharterTracker.Pipeline;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CharterTracker.Access;

/// <summary>
/// The cookie sign-in of the web pages. Deliberately plain HTML: the dashboard and workspace pages that come later
/// build on the cookie, not on this form.
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

    private static string Html(string? returnUrl, string? error) => $"""
        <!doctype html><html lang="bn"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>প্রবেশ · Sign in — CharterTracker</title></head>
        <body style="font-family: 'Noto Sans Bengali', 'Noto Sans', sans-serif; max-width: 24rem; margin: 3rem auto">
        <h1>CharterTracker</h1>
        <form method="post" action="/login">
          <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(LocalOnly(returnUrl))}">
          <p><label>ব্যবহারকারী · Username<br><input name="username" autocomplete="username" required autofocus></label></p>
          <p><label>পাসওয়ার্ড · Password<br><input name="password" type="password" autocomplete="current-password" required></label></p>
          {(error is null ? "" : "<p role=\"alert\" style=\"color:#b00020\">ভুল ব্যবহারকারী বা পাসওয়ার্ড · Unknown username or wrong password.</p>")}
          <p><button>প্রবেশ · Sign in</button></p>
        </form></body></html>
        """;
}
