using CharterTracker.Access;
using CharterTracker.Pipeline;

namespace CharterTracker.Web;

/// <summary>The system administrator's pages: offices, users and roles, action plans, job runs.</summary>
public static class AdminPages
{
    public static IEndpointRouteBuilder MapAdminPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/admin", async web =>
        {
            if (web.Me.Role != Role.SystemAdmin) throw new ForbiddenException("Administration is for system administrators.");
            return await web.RenderAsync<AdminIndexPage>(new() { ["Frame"] = web.Frame(web.Text.Admin, "admin") });
        });
        return app;
    }
}
