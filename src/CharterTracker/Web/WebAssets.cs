using System.Security.Cryptography;
using System.Text;

namespace CharterTracker.Web;

/// <summary>
/// The pages' stylesheet and scripts, embedded from <c>Web/Assets/</c>. Every <c>.css</c> file there is served as one
/// stylesheet (<c>site.css</c> first, then each area's file), so that an area keeps its styles in its own file while a
/// phone downloads one small file once: its URL carries a hash of the text and is cached for a year. Scripts are
/// served one by one under their own names, also by hashed URL.
/// </summary>
public static class WebAssets
{
    private const string Prefix = "web-assets/";
    private static readonly Lazy<IReadOnlyDictionary<string, Asset>> Assets = new(Load);

    private sealed record Asset(byte[] Content, string ContentType, string Version);

    /// <summary>The stylesheet's URL; it changes whenever its text does.</summary>
    public static string StylesheetUrl => Url("site.css");

    /// <summary>The URL of an asset, with the version that makes it safe to cache.</summary>
    public static string Url(string name) =>
        Assets.Value.TryGetValue(name, out var asset) ? $"/assets/{name}?v={asset.Version}" : throw new ArgumentException($"No web asset is named {name}.", nameof(name));

    public static IEndpointRouteBuilder MapWebAssets(this IEndpointRouteBuilder app)
    {
        // Anonymous: the sign-in page uses the stylesheet too.
        app.MapGet("/assets/{name}", (string name, string? v, HttpContext http) =>
        {
            if (!Assets.Value.TryGetValue(name, out var asset)) return Results.NotFound();
            var etag = $"\"{asset.Version}\"";
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = v == asset.Version ? "public, max-age=31536000, immutable" : "no-cache";
            if (http.Request.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Bytes(asset.Content, asset.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static Dictionary<string, Asset> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..]).ToList();
        string Read(string name)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(Prefix + name)!, Encoding.UTF8);
            return reader.ReadToEnd();
        }

        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        var styles = names.Where(n => n.EndsWith(".css", StringComparison.Ordinal))
            .OrderBy(n => n == "site.css" ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal)
            .Select(n => $"/* {n} */\n{Read(n)}");
        assets["site.css"] = Make(string.Join("\n", styles), "text/css; charset=utf-8");
        foreach (var script in names.Where(n => n.EndsWith(".js", StringComparison.Ordinal)))
        {
            assets[script] = Make(Read(script), "text/javascript; charset=utf-8");
        }
        return assets;

        static Asset Make(string text, string contentType)
        {
            var content = Encoding.UTF8.GetBytes(text);
            return new Asset(content, contentType, Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
        }
    }
}
