using System.Net;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Documents;

/// <summary>
/// Minutes keep what was typed: the opening's and closing's paragraphs, line breaks and bullets, and a decision's
/// lettered sub-items (ক) খ) in Bengali, a) b) in English), in the HTML and in the PDF read back with pdftotext.
/// </summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class MinutesParagraphsTests
{
    private TestApp _app = null!;
    private HttpClient _focalPoint = null!;
    private long _meeting;

    private const string Opening = "সভাপতি সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন।\n\n০২। সদস্য সচিব জানান যে, এ বছর নিম্নলিখিত সূচক বাস্তবায়ন করতে হবে।";
    private const string Discussion = "সূচকসমূহ:\n● নিজ দপ্তরের প্রতিশ্রুতি হালনাগাদকরণ।\n● আওতাধীন দপ্তরের সমন্বয়ে সভা আয়োজন।";

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        var (ministry, _) = await new Given(_app).MinistryWithAsync(1);
        _focalPoint = await _app.AsNewUserAsync("mopa.fp", Role.FocalPoint, ministry);
        var meeting = Samples.Meeting(heldOn: "2024-09-19")
            .With("opening", Opening)
            .With("closing", "সভাপতি সকলকে ধন্যবাদ জানান।\n\nপরবর্তী সভা ডিসেম্বরে <b>হবে</b>।")
            .With("agenda", new object[]
            {
                new
                {
                    discussion = Discussion,
                    decision = "",
                    subDecisions = new[] { "ক) মন্ত্রণালয় ত্রৈমাসিকভিত্তিতে হালনাগাদ করবে।", "দপ্তরগুলো কার্যবিবরণী প্রেরণ করবে।" },
                },
                new { discussion = "পরিবীক্ষণ", decision = "পরিবীক্ষণ কমিটি নিয়মিত পরিবীক্ষণ করবে।" },
            });
        _meeting = (await _focalPoint.PostJsonAsync($"/api/v1/offices/{ministry}/meetings", meeting, HttpStatusCode.Created)).Id();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<string> PdfTextAsync(string language)
    {
        var response = await _focalPoint.GetAsync($"/api/v1/meetings/{_meeting}/minutes.pdf?lang={language}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());
    }

    private static IReadOnlyList<string> Lines(string text) => text.Split('\n').Select(PdfText.Squeeze).Where(l => l.Length > 0).ToList();

    [Test]
    public async Task The_API_keeps_the_paragraphs_and_the_sub_decisions_without_their_letters()
    {
        var meeting = await _focalPoint.GetJsonAsync($"/api/v1/meetings/{_meeting}");
        var first = meeting.GetProperty("agenda")[0];
        Assert.Multiple(() =>
        {
            Assert.That(meeting.Str("opening"), Is.EqualTo(Opening));
            Assert.That(first.Str("discussion"), Is.EqualTo(Discussion));
            Assert.That(first.Str("decision"), Is.EqualTo(""));
            Assert.That(first.GetProperty("subDecisions").EnumerateArray().Select(s => s.GetString()),
                Is.EqualTo(new[] { "মন্ত্রণালয় ত্রৈমাসিকভিত্তিতে হালনাগাদ করবে।", "দপ্তরগুলো কার্যবিবরণী প্রেরণ করবে।" }));
            Assert.That(meeting.GetProperty("agenda")[1].GetProperty("subDecisions").GetArrayLength(), Is.Zero, "an item without sub-decisions has an empty list");
        });
    }

    [Test]
    public async Task The_HTML_prints_each_paragraph_and_letters_the_sub_decisions_escaping_what_was_typed()
    {
        var raw = await (await _focalPoint.GetAsync($"/api/v1/meetings/{_meeting}/minutes.html")).Content.ReadAsStringAsync();
        var bn = WebUtility.HtmlDecode(raw);
        var en = WebUtility.HtmlDecode(await (await _focalPoint.GetAsync($"/api/v1/meetings/{_meeting}/minutes.html?lang=en")).Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(raw, Does.Contain("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\""));
            Assert.That(raw, Does.Contain("&lt;b&gt;").And.Not.Contain("<b>"), "typed text is text, never HTML");
            Assert.That(bn, Does.Contain("<p class=\"typed opening\">সভাপতি সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন।</p>"));
            Assert.That(bn, Does.Contain("<p class=\"typed opening\">০২। সদস্য সচিব জানান যে"));
            Assert.That(bn, Does.Contain("সূচকসমূহ:\n● নিজ দপ্তরের প্রতিশ্রুতি হালনাগাদকরণ।\n● আওতাধীন"), "line breaks are kept for white-space: pre-line");
            Assert.That(bn, Does.Contain("<li>ক) মন্ত্রণালয় ত্রৈমাসিকভিত্তিতে হালনাগাদ করবে।</li>"));
            Assert.That(bn, Does.Contain("<li>খ) দপ্তরগুলো কার্যবিবরণী প্রেরণ করবে।</li>"));
            Assert.That(bn, Does.Contain("<p class=\"typed closing\">পরবর্তী সভা ডিসেম্বরে <b>হবে</b>।</p>"));
            Assert.That(bn, Does.Not.Contain("সভায় আর কোন আলোচ্য বিষয় না থাকায়"), "a typed closing replaces the standard sentence");
            Assert.That(en, Does.Contain("<li>a) মন্ত্রণালয়").And.Contain("<li>b) দপ্তরগুলো"));
        });
    }

    [Test]
    public async Task The_Bengali_PDF_keeps_the_paragraphs_on_lines_of_their_own_and_the_sub_decisions_lettered()
    {
        var text = await PdfTextAsync("bn");
        var lines = Lines(text);
        var squeezed = PdfText.Squeeze(text);
        Assert.Multiple(() =>
        {
            Assert.That(lines.Any(l => l.StartsWith("০২।সদস্যসচিবজানানযে", StringComparison.Ordinal)), Is.True, "paragraph ০২ starts a line:\n" + text);
            Assert.That(lines.Any(l => l.StartsWith("●নিজদপ্তরের", StringComparison.Ordinal)), Is.True, "each bullet starts a line:\n" + text);
            Assert.That(lines.Any(l => l.StartsWith("●আওতাধীনদপ্তরের", StringComparison.Ordinal)), Is.True, "each bullet starts a line:\n" + text);
            Assert.That(lines.Any(l => l.StartsWith("ক)মন্ত্রণালয়", StringComparison.Ordinal)), Is.True, "sub-decision ক starts a line:\n" + text);
            Assert.That(lines.Any(l => l.StartsWith("খ)দপ্তরগুলো", StringComparison.Ordinal)), Is.True, "sub-decision খ starts a line:\n" + text);
            Assert.That(squeezed.IndexOf("ক)মন্ত্রণালয়", StringComparison.Ordinal), Is.LessThan(squeezed.IndexOf("খ)দপ্তরগুলো", StringComparison.Ordinal)));
            Assert.That(lines.Any(l => l.StartsWith("পরবর্তীসভাডিসেম্বরে<b>হবে</b>।", StringComparison.Ordinal)), Is.True, "the closing's second paragraph, as typed:\n" + text);
        });
    }

    [Test]
    public async Task The_English_PDF_letters_the_sub_decisions_a_and_b()
    {
        var lines = Lines(await PdfTextAsync("en"));
        Assert.Multiple(() =>
        {
            Assert.That(lines.Any(l => l.StartsWith("a)মন্ত্রণালয়", StringComparison.Ordinal)), Is.True, string.Join('\n', lines));
            Assert.That(lines.Any(l => l.StartsWith("b)দপ্তরগুলো", StringComparison.Ordinal)), Is.True, string.Join('\n', lines));
        });
    }

    [Test]
    public async Task A_decision_may_be_left_empty_only_when_it_has_sub_decisions()
    {
        var ministry = (await _focalPoint.GetJsonAsync($"/api/v1/meetings/{_meeting}")).GetProperty("officeId").GetInt64();
        var meeting = Samples.Meeting(heldOn: "2024-09-20").With("agenda", new object[] { new { discussion = "আলোচনা", decision = "" } });
        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{ministry}/meetings", meeting, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("agenda[0].decision", out _), Is.True, problem.ToString());
    }
}
