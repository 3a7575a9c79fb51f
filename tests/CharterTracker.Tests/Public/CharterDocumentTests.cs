using System.Net;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Public;

/// <summary>The charter PDF in the government layout, printed by the real Chromium and read back with pdftotext.</summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class CharterDocumentTests
{
    private TestApp _app = null!;
    private HttpClient _viewer = null!;
    private long _agency;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        var given = new Given(_app);
        var ministry = await given.OfficeAsync("MIN", kind: OfficeKind.Ministry);
        _agency = await given.OfficeAsync("AGY", ministry);
        // Long enough to run onto further pages: the service table's header must repeat there.
        await PublishedCharters.PublishAsync(_app, _agency, 30, "2024-08-10", "নাগরিক সনদ সেবা");
        _viewer = await _app.AsNewUserAsync("viewer", Role.Viewer, ministry);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<byte[]> PdfAsync(string language)
    {
        var response = await _viewer.GetAsync($"/api/v1/offices/{_agency}/charter.pdf?lang={language}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Test]
    public async Task The_Bengali_charter_has_the_government_layout_with_Bengali_digits_and_both_calendars()
    {
        var text = PdfText.Squeeze(await PdfText.ExtractAsync(await PdfAsync("bn")));

        Assert.Multiple(() =>
        {
            foreach (var expected in new[]
                     {
                         "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "দপ্তর MIN", "দপ্তর AGY", "সেবা প্রদান প্রতিশ্রুতি", "ভিশন", "মিশন", "দক্ষ ও জনবান্ধব প্রশাসন",
                         "২.১ নাগরিক সেবা", "২.২ প্রাতিষ্ঠানিক সেবা", "ক্রমিক", "সেবার নাম", "সেবা প্রদান পদ্ধতি", "প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান",
                         "সেবামূল্য ও পরিশোধ পদ্ধতি", "সেবা প্রদানের সময়সীমা", "দায়িত্বপ্রাপ্ত কর্মকর্তা", "নাগরিক সনদ সেবা ২৪", "০২-৯৫৪০০১২",
                         "অভিযোগ প্রতিকার ব্যবস্থাপনা", "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)", "৩০ কার্যদিবস", "আপনার কাছে আমাদের প্রত্যাশা",
                         "সিটিজেন চার্টার প্রকাশের তারিখ", "২৬ শ্রাবণ ১৪৩১", "১০ আগস্ট ২০২৪", "পৃষ্ঠা ১ /",
                     })
            {
                Assert.That(text, Does.Contain(PdfText.Squeeze(expected)));
            }
            Assert.That(text, Does.Not.Contain("Service 24"), "the Bengali edition");
        });
    }

    [Test]
    public async Task The_service_tables_header_row_repeats_on_the_next_page()
    {
        var pages = (await PdfText.ExtractAsync(await PdfAsync("bn"))).Split('\f');

        Assert.Multiple(() =>
        {
            Assert.That(pages.Count(p => p.Trim().Length > 0), Is.GreaterThanOrEqualTo(3), "a long charter runs over several pages");
            Assert.That(PdfText.Squeeze(pages[1]), Does.Contain("সেবারনাম").And.Contain("সেবাপ্রদানপদ্ধতি").And.Contain("দায়িত্বপ্রাপ্তকর্মকর্তা"),
                "page 2 starts its table with the column headers");
        });
    }

    [Test]
    public async Task The_English_edition_prints_English_where_given_and_Bengali_elsewhere()
    {
        var text = PdfText.Squeeze(await PdfText.ExtractAsync(await PdfAsync("en")));

        Assert.Multiple(() =>
        {
            foreach (var expected in new[]
                     {
                         "Government of the People's Republic of Bangladesh", "Citizen's Charter", "An efficient, citizen-friendly administration",
                         "Service 24", "Time limit", "Officer in charge", "What we expect from you", "26 Srabon 1431", "10 August 2024", "Page 1 /",
                     })
            {
                Assert.That(text, Does.Contain(PdfText.Squeeze(expected)));
            }
            Assert.That(text, Does.Contain(PdfText.Squeeze("৭ কার্যদিবস")), "no English time limit was given: the Bengali");
        });
    }

    [Test]
    public async Task An_office_without_a_published_charter_has_no_charter_PDF()
    {
        var response = await _viewer.GetAsync($"/api/v1/offices/{_agency + 1000}/charter.pdf");
        var admin = await _app.AsAdminAsync();
        var ministry = Sql.Query<long>(_app, "SELECT Id FROM Offices WHERE Code = 'MIN'").Single();
        var none = await admin.GetAsync($"/api/v1/offices/{ministry}/charter.pdf");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }
}
