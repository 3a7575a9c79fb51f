namespace CharterTracker.Pipeline;

/// <summary>
/// The language a user's mistake is explained in. The API answers in English (its clients are programs); a web page
/// asks for its reader's language around the commands it sends, and validators that a form can trip give both texts:
/// <c>.WithMessage(_ =&gt; Say.Text("বাংলা", "English"))</c>. A flow-local value, not the thread culture: the
/// culture would also change number and date formats, and needs ICU data that a slim container may not carry.
/// </summary>
public static class Say
{
    private static readonly AsyncLocal<bool> InBengali = new();

    public static bool Bengali => InBengali.Value;

    public static string Text(string bn, string en) => InBengali.Value ? bn : en;

    /// <summary>From here to the end of the calling flow (the page request), explanations are in this language.</summary>
    public static void Use(string language) => InBengali.Value = language == "bn";
}
