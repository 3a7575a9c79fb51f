using System.Text.RegularExpressions;
using CharterTracker.Documents;
using CharterTracker.Scoring;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Conventions;

/// <summary>
/// One spelling per status in every output: pages, CSV headings and PDFs take an item's status from
/// <see cref="Glossary"/>, and the synonyms the pages and PDFs once disagreed on appear nowhere in the sources.
/// </summary>
public sealed class GlossaryTests
{
    private static IEnumerable<(string File, string Text)> Sources() =>
        Directory.EnumerateFiles(Path.Combine(TestDatabase.RepositoryRoot, "src", "CharterTracker"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "Glossary.cs")
            .Select(f => (Path.GetRelativePath(TestDatabase.RepositoryRoot, f), File.ReadAllText(f)));

    [Test]
    public void No_source_but_the_glossary_turns_an_item_status_into_words()
    {
        var wording = new Regex(@"ItemStatus\.(Done|Late|Missed|Pending|NotApplicable)\s*=>\s*(T\()?\s*""[^""]*\p{L}");
        var offenders = Sources().Where(s => wording.IsMatch(s.Text)).Select(s => s.File).ToList();
        Assert.That(offenders, Is.Empty, "spell statuses with Documents/Glossary.Status");
    }

    [TestCase("সম্পন্ন হয়নি")]
    [TestCase("বাদ পড়া")]
    [TestCase("বিলম্বিত")]
    public void A_synonym_of_a_glossary_status_appears_nowhere(string synonym)
    {
        var offenders = Sources().Where(s => s.Text.Contains(synonym, StringComparison.Ordinal)).Select(s => s.File).ToList();
        Assert.That(offenders, Is.Empty, $"'{synonym}': use the glossary's words ({string.Join(", ", Enum.GetValues<ItemStatus>().Select(v => Glossary.Status(v, true)))})");
    }

    [Test]
    public void Pages_and_documents_spell_each_status_alike()
    {
        foreach (var bengali in new[] { true, false })
        {
            var page = new CharterTracker.Web.WebText(bengali ? "bn" : "en");
            foreach (var status in Enum.GetValues<ItemStatus>())
            {
                Assert.That(page.StatusText(status), Is.EqualTo(Glossary.Status(status, bengali)));
            }
        }
    }
}
