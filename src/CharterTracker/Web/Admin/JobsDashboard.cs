using System.Globalization;
using CharterTracker.Access;
using CharterTracker.Pipeline;
using CharterTracker.Scheduling;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CharterTracker.Web;

/// <summary>
/// Hangfire's own dashboard at <c>/admin/jobs/dashboard</c>: for a SystemAdmin signed in on the web form only. An
/// anonymous visitor never reaches it (the app's fallback policy sends the browser to <c>/login</c>); any other user,
/// or a bearer token, gets the friendly 403 page. Its buttons (retry, delete, trigger) post with Hangfire's own
/// antiforgery integration, which uses the app's antiforgery service (a post without the page's token is refused, 403).
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/admin/jobs/dashboard";

    /// <summary>
    /// The dashboard's own policy, set on its responses only: its script is a file of its own (no inline script in
    /// Hangfire 1.8.25), but its pages colour job states with inline <c>style</c> attributes and its favicon is a
    /// <c>data:</c> URL. Everything else keeps the site's stricter policy.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            AppPath = "/admin/jobs",
            DashboardTitle = "CharterTracker",
            Authorization = [],
            AsyncAuthorization = [new SystemAdministratorsOnWebSignIn()],
            DisplayStorageConnectionString = false,
            DisplayNameFunc = (_, job) => JobSchedule.For(job.Type)?.Name ?? job.ToString(),
        });

    private sealed class SystemAdministratorsOnWebSignIn : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var me = http.RequestServices.GetRequiredService<CurrentUser>();
            if (me.Role == Role.SystemAdmin && http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
            {
                http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    return Task.CompletedTask;
                });
                // Hangfire's words follow the UI culture; it has no Bengali translation, so a Bengali user reads English.
                var remembered = http.Request.Cookies[WebText.Cookie];
                var language = remembered is "bn" or "en" ? remembered : me.Language;
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                return true;
            }
            var refused = await PageRequest.RunAsync(http, _ => throw new ForbiddenException("The job dashboard is for system administrators signed in on the web."));
            await refused.ExecuteAsync(http);
            return false;
        }
    }
}
