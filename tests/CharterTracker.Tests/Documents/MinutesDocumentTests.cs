using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Documents;

/// <summary>The minutes PDF, printed by the real Chromium and read back with pdftotext.</summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class MinutesDocumentTests
{
    private TestApp _app = null!;
    private HttpClient _focalPoint = null!;
    private long _meeting;
    private long _ministry;
    private long _agency;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        (_ministry, var agencies) = await new Given(_app).MinistryWithAsync(1);
        _agency = agencies[0];
        _focalPoint = await _app.AsNewUserAsync("mopa.fp", Role.FocalPoint, _ministry);
        var meeting = Samples.Meeting(heldOn: "2024-09-19")
            .With("issuingUnit", "সিপি-৩ শাখা")
            .With("issuedOn", "2024-09-22")
            .With("opening", "সভাপতি সকলকে স্বাগত জানিয়ে লক্ষ্যমাত্রা অর্জনের বিষয়ে প্রত্যেক দপ্তরের করণীয় নির্ধারণ করেন।");
        _meeting = (await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", meeting, HttpStatusCode.Created)).Id();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<byte[]> PdfAsync(string language, HttpClient? client = null)
    {
        var response = await (client ?? _focalPoint).GetAsync($"/api/v1/meetings/{_meeting}/minutes.pdf?lang={language}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Test]
    public async Task The_Bengali_minutes_carry_every_element_of_the_seed_format()
    {
        var text = PdfText.Squeeze(await PdfText.ExtractAsync(await PdfAsync("bn")));

        Assert.Multiple(() =>
        {
            foreach (var expected in new[]
                     {
                         "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "দপ্তর MIN", "সিপি-৩ শাখা", "১ম ত্রৈমাসিক সভা",
                         "সভাপতি", "মোঃ পারভেজ হাসান, যুগ্মসচিব", "সভার তারিখ", "১৯/০৯/২০২৪", "সকাল ১১.০০ ঘটিকা", "স্থান", "উপস্থিতি",
                         "ক্রঃ নং", "আলোচনা", "সিদ্ধান্ত", "পরিবীক্ষণ কমিটি নিয়মিত পরিবীক্ষণ করবে।",
                         "সভায় আর কোন আলোচ্য বিষয় না থাকায়", "স্মারক নম্বর: ০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৩৬",
                         "৭ আশ্বিন ১৪৩১", "২২ সেপ্টেম্বর ২০২৪", "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়)",
                         "১) মহাপরিচালক (সচিব), বাংলাদেশ কর্মচারী কল্যাণ বোর্ড", "২) রেক্টর, বিপিএটিসি",
                         "পরিশিষ্ট 'ক'", "মো: আনিছুর রহমান", "সিনিয়র সহকারী সচিব", "পৃষ্ঠা ১ / ২",
                     })
            {
                Assert.That(text.Contains(PdfText.Squeeze(expected), StringComparison.Ordinal), Is.True, $"the minutes should say: {expected}");
            }
            Assert.That(text.Contains("Absentinvitee", StringComparison.Ordinal), Is.False, "the annex lists who attended");
        });
    }

    [TestCase("ত্য", "প্রত্যেক")]
    [TestCase("ক্ষ", "লক্ষ্যমাত্রা")]
    [TestCase("ন্ত", "গণপ্রজাতন্ত্রী")]
    [TestCase("স্ম", "স্মারক")]
    [TestCase("ত্রৈ", "ত্রৈমাসিক")]
    public async Task Bengali_conjuncts_come_out_of_the_pdf_intact(string conjunct, string word)
    {
        var text = await PdfText.ExtractAsync(await PdfAsync("bn"));

        // Ordinal: a culture-aware search may treat the hasanta (্) as ignorable and match what is not there.
        Assert.That(word.Contains(conjunct, StringComparison.Ordinal) && text.Contains(word, StringComparison.Ordinal), Is.True,
            $"'{word}' (with {conjunct}) should come out of the PDF as one word");
    }

    [Test]
    public async Task The_English_minutes_keep_Latin_digits_and_still_give_the_Bengali_calendar_date()
    {
        var text = PdfText.Squeeze(await PdfText.ExtractAsync(await PdfAsync("en")));

        Assert.Multiple(() =>
        {
            foreach (var expected in new[]
                     {
                         "Government of the People's Republic of Bangladesh", "Chair", "19/09/2024", "11:00 a.m.", "Annex 'Ka'",
                         "Memo number: 05.00.0000.197.16.001.24.136", "7 Ashwin 1431", "22 September 2024",
                         "Distribution (not in order of seniority)", "1) ", "Page 1 / 2", "With no other business",
                     })
            {
                Assert.That(text.Contains(PdfText.Squeeze(expected), StringComparison.Ordinal), Is.True, $"the minutes should say: {expected}");
            }
        });
    }

    [Test]
    public async Task Generating_again_from_the_same_data_gives_the_same_text_and_is_recorded_with_the_record_version()
    {
        var first = await PdfText.ExtractAsync(await PdfAsync("bn"));
        var second = await PdfText.ExtractAsync(await PdfAsync("bn"));

        var rows = Sql.Query<(string SourceVersion, string HtmlSha256, string PdfSha256)>(_app,
            "SELECT SourceVersion, HtmlSha256, PdfSha256 FROM GeneratedDocuments WHERE Kind = 'Minutes' AND Language = 'bn'");
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(rows.Select(r => r.SourceVersion).Distinct(), Is.EqualTo(new[] { $"Meeting#{_meeting}v1" }));
            Assert.That(rows.Select(r => r.HtmlSha256).Distinct().Count(), Is.EqualTo(1));
            Assert.That(rows.All(r => r.PdfSha256.Length == 64), Is.True);
        });
    }

    [Test]
    public async Task The_html_preview_shows_the_same_minutes()
    {
        var response = await _focalPoint.GetAsync($"/api/v1/meetings/{_meeting}/minutes.html?lang=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("Memo number").And.Contain("05.00.0000.197.16.001.24.136"));
    }

    [Test]
    public async Task Another_agencys_focal_point_cannot_print_the_ministrys_minutes()
    {
        var outsider = await _app.AsNewUserAsync("outsider.fp", Role.FocalPoint, _agency);

        var response = await outsider.GetAsync($"/api/v1/meetings/{_meeting}/minutes.pdf");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_document_prints_after_Chromium_was_killed()
    {
        await PdfAsync("en");
        var another = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting(heldOn: "2024-09-20"), HttpStatusCode.Created);
        foreach (var process in Process.GetProcessesByName("chromium"))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
        await Task.Delay(300);

        var response = await _focalPoint.GetAsync($"/api/v1/meetings/{another.Id()}/minutes.pdf?lang=en");
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(text, Does.Contain("Government of the People's Republic of Bangladesh"));
        Assert.That(_app.Services.GetRequiredService<CharterTracker.Documents.ChromiumPdfPrinter>().IsRunning, Is.True, "a new browser runs");
    }
}

/// <summary>Without Chromium, documents are a clear 503 naming what to install, and nothing else breaks.</summary>
public sealed class MissingChromiumTests
{
    [Test]
    public async Task Without_chromium_a_pdf_is_a_503_naming_the_package_to_install()
    {
        await using var app = await TestApp.StartAsync(TestClock.At(2024, 9, 25), settings: new Dictionary<string, string?> { ["Charter:Documents:ChromiumPath"] = "/nonexistent/chromium" });
        var (ministry, _) = await new Given(app).MinistryWithAsync(1);
        var focalPoint = await app.AsNewUserAsync("fp", Role.FocalPoint, ministry);
        var meeting = await focalPoint.PostJsonAsync($"/api/v1/offices/{ministry}/meetings", Samples.Meeting(heldOn: "2024-09-19"), HttpStatusCode.Created);

        var problem = await (await focalPoint.GetAsync($"/api/v1/meetings/{meeting.Id()}/minutes.pdf")).JsonAsync(HttpStatusCode.ServiceUnavailable);

        Assert.That(problem.Str("detail"), Does.Contain("apt-get install chromium"));
        await focalPoint.GetJsonAsync($"/api/v1/meetings/{meeting.Id()}");
    }
}
