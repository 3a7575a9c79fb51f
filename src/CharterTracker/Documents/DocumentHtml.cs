using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CharterTracker.Documents;

/// <summary>Renders a document's Razor component to an HTML string, outside any HTTP request.</summary>
public sealed class DocumentHtml(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
