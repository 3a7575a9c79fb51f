using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CharterTracker.Web;

/// <summary>
/// Renders a page component to HTML like <see cref="Documents.DocumentHtml"/>, but with an HTML encoder that leaves
/// Bengali (and every other script) as text: the default encoder writes each Bengali letter as <c>&amp;#x9xx;</c>,
/// which makes a page several times heavier on a field office's phone connection. Markup characters are still encoded.
/// </summary>
public sealed class WebHtml(IServiceProvider services, ILoggerFactory loggers)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(new WithEncoder(services), loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    private sealed class WithEncoder(IServiceProvider inner) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? Encoder : inner.GetService(serviceType);
    }
}
