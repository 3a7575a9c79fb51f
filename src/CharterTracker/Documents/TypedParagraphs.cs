namespace CharterTracker.Documents;

/// <summary>
/// Text as a person typed it, for printing: paragraphs are separated by an empty line; inside a paragraph each line
/// break is kept (the page prints it with <c>white-space: pre-line</c>), so bullets and numbered lines stay on lines
/// of their own. The text is printed as text (Razor encodes it), never as HTML.
/// </summary>
public static class TypedParagraphs
{
    public static IReadOnlyList<string> Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }
            current.Add(line.TrimEnd());
        }
        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Count > 0) paragraphs.Add(string.Join('\n', current));
            current.Clear();
        }
    }
}
