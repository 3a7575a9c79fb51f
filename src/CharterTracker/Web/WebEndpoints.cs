using CharterTracker.Access;

namespace CharterTracker.Web;

/// <summary>
/// The server-rendered web pages: Razor components rendered to HTML with <see cref="WebHtml"/> (no Blazor script,
/// no client framework), plain links and HTML forms, so that they work on any phone browser and from the keyboard.
/// </summary>
public static class WebEndpoints
{
    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (CurrentUser user) => Results.Redirect(user.Role == Role.FocalPoint ? "/workspace" : "/dashboard"))
            .ExcludeFromDescription();
        app.MapDashboardPages();
        app.MapWorkspacePages();
        app.MapKaizenPages();
        app.MapAdminPages();
        app.MapCharterPages();
        app.MapQualitySystemsPages();
        app.MapAwardPages();
        app.MapJobsDashboard().ExcludeFromDescription();
        app.MapPublicPages();
        app.MapMinutesPublicationPages();
        app.MapSpotCheckPages();
        return app;
    }
}
