namespace CharterTracker.Documents;

/// <summary>
/// The print page of every document: A4, margins, and the page number at the foot in the document's digits
/// ("পৃষ্ঠা ১ / ৩"). Written as raw CSS: Razor would HTML-encode the quotes and Bengali inside a style element.
/// </summary>
public static class PrintCss
{
    public static string Page(DocumentText text) => $$"""
        <style>
            @page {
                size: A4;
                margin: 18mm 16mm 20mm 18mm;
                @bottom-center {
                    content: "{{text.Page}} " counter(page, {{text.CounterStyle}}) " / " counter(pages, {{text.CounterStyle}});
                    font-family: 'Noto Sans Bengali', 'Noto Sans', sans-serif; font-size: 9pt; color: #444;
                }
            }
        </style>
        """;
}
