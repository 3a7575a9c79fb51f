using Microsoft.OpenApi;

namespace CharterTracker.Pipeline;

/// <summary>
/// What OpenAPI says about a route's query parameters. A query parameter is bound nullable so that a missing value
/// reaches the validator, which answers "required" in the caller's language; this marks it required in the document.
/// </summary>
public static class OpenApiParameters
{
    public static RouteHandlerBuilder RequiredQuery(this RouteHandlerBuilder route, params string[] names) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.In == ParameterLocation.Query && names.Contains(parameter.Name, StringComparer.Ordinal)) parameter.Required = true;
            }
            return Task.CompletedTask;
        });

    /// <summary>Describes an optional query parameter's default, e.g. the running fiscal year.</summary>
    public static RouteHandlerBuilder QueryDefault(this RouteHandlerBuilder route, string name, string description) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.In == ParameterLocation.Query && parameter.Name == name) parameter.Description = description;
            }
            return Task.CompletedTask;
        });

    public const string RunningYear = "Optional: the fiscal year, e.g. 2024-25; the running fiscal year when left out.";
}
