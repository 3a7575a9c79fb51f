using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CharterTracker.Web;

/// <summary>
/// The headers every response carries (pages, API JSON, problems, CSS, PDFs, 404s): a Content-Security-Policy that
/// allows no inline script and nothing from another site, <c>nosniff</c>, a same-origin referrer, no framing; HSTS
/// when the request came over HTTPS. Behind a TLS proxy, the <c>X-Forwarded-For</c>/<c>-Proto</c> headers of the
/// configured proxies (<c>Charter:ForwardedHeaders</c>) give the client's address and scheme, so that cookies are
/// <c>Secure</c> and the sign-in lock-out counts per client, not per proxy.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The pages: the stylesheet and the one script are served from here (<see cref="WebAssets"/>); charts are inline SVG
    /// markup (no script, no style attribute). API answers get the same: JSON runs nothing anyway.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The HTML previews of documents (<c>…/minutes.html</c>, <c>…-report.html</c>) carry the print stylesheet inline, as
    /// the HTML Chromium prints must: inline styles, still no script at all.
    /// </summary>
    public const string DocumentPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Swagger UI (<c>/swagger</c>, a developer's tool for signed-in users) is a third-party single-page app whose
    /// components set inline styles and whose icons are data: images: it gets those, and still only this site's scripts
    /// (none inline), data and connections.
    /// </summary>
    public const string SwaggerPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddCharterSecurityHeaders(this IServiceCollection services, IConfigurationSection forwardedHeaders)
    {
        var proxies = forwardedHeaders.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = forwardedHeaders.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Without configuration the framework trusts only a proxy on this machine (loopback); configured ones replace that.
            if (proxies.Length + networks.Length == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>First in the pipeline: the client's scheme and address, then HSTS, then the headers of every response.</summary>
    public static IApplicationBuilder UseCharterSecurityHeaders(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        app.UseHsts();
        return app.Use((http, next) =>
        {
            // Set when the response starts, so that an error page written by the exception handler (which clears headers) has them too.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                // A part of the site with a policy of its own (the job dashboard) keeps it.
                if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = PolicyFor(http.Request.Path);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                // Antiforgery sets SAMEORIGIN on form pages only; nothing of this site is meant to be framed at all.
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    private static string PolicyFor(PathString path)
    {
        if (path.StartsWithSegments("/swagger")) return SwaggerPolicy;
        if (path.StartsWithSegments("/api") && path.Value!.EndsWith(".html", StringComparison.OrdinalIgnoreCase)) return DocumentPolicy;
        // Published minutes are the minutes' document itself, print stylesheet inline.
        if (path.StartsWithSegments("/public/minutes")) return DocumentPolicy;
        return PagePolicy;
    }
}
