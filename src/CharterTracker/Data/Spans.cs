using System.Diagnostics;

namespace CharterTracker.Data;

/// <summary>
/// Timing spans of the request path (authentication, access, validation, the command's transaction, the read-model
/// refresh, each SQL statement), for a profiler or an OpenTelemetry exporter to listen to. Without a listener
/// <see cref="Start"/> returns null at the cost of one check, so the spans stay in the product.
/// </summary>
public static class Spans
{
    public const string SourceName = "CharterTracker";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>A span named <paramref name="name"/>, or null when nobody listens (dispose it either way).</summary>
    public static Activity? Start(string name) => Source.HasListeners() ? Source.StartActivity(name, ActivityKind.Internal) : null;

    /// <summary>A span of one SQL statement (<c>db</c>), carrying its text as <c>db.statement</c>.</summary>
    public static Activity? Statement(string sql) =>
        Source.HasListeners() ? Source.StartActivity("db", ActivityKind.Client)?.SetTag("db.statement", sql) : null;
}
