using System.Net;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Kaizen;

/// <summary>The case's one-page PDF in Bengali and English and the convention's booklet, printed by Chromium, read back with pdftotext.</summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class KaizenDocumentTests
{
    private TestApp _app = null!;
    private HttpClient _committee = null!;
    private long _district;
    private long _case;
    private long _second;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 11, 20));
        var given = new Given(_app);
        _district = await given.OfficeAsync("DIST", kind: CharterTracker.Offices.OfficeKind.DistrictOffice);
        var upazila = await given.OfficeAsync("UPZ", _district, CharterTracker.Offices.OfficeKind.UpazilaOffice);
        var admin = await _app.AsAdminAsync();
        _case = (await admin.PostJsonAsync($"/api/v1/offices/{upazila}/kaizen", Samples.Kaizen(), HttpStatusCode.Created)).Id();
        _second = (await admin.PostJsonAsync($"/api/v1/offices/{_district}/kaizen",
            Samples.Kaizen("InProgress").With("title", "Land record copies at the counter"), HttpStatusCode.Created)).Id();
        _committee = await _app.AsNewUserAsync("kz.committee", Role.MonitoringCommittee, _district);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<byte[]> PdfAsync(string url)
    {
        var response = await _committee.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Test]
    public async Task The_case_prints_on_one_page_in_bengali_with_bengali_digits_and_in_english()
    {
        var bengali = await PdfAsync($"/api/v1/kaizen/{_case}/case.pdf?lang=bn");
        var english = await PdfAsync($"/api/v1/kaizen/{_case}/case.pdf?lang=en");
        var bn = PdfText.Squeeze(await PdfText.ExtractAsync(bengali));
        var en = await PdfText.ExtractAsync(english);

        Assert.Multiple(async () =>
        {
            Assert.That(await PdfText.PagesAsync(bengali), Is.EqualTo(1));
            Assert.That(await PdfText.PagesAsync(english), Is.EqualTo(1));
            Assert.That(bn, Does.Contain(PdfText.Squeeze("৭ বার যাতায়াতের বদলে ২ বার")));
            Assert.That(bn, Does.Contain(PdfText.Squeeze("আগে ও পরে")).And.Contain(PdfText.Squeeze("৫ কম (৭১.৪ %)")));
            Assert.That(bn, Does.Contain(PdfText.Squeeze("৫ আগস্ট ২০২৪")), "the day it was implemented, in Bengali digits");
            Assert.That(en, Does.Contain("Before and after").And.Contain("5 fewer (71.4 %)").And.Contain("12 fewer (80 %)"));
            Assert.That(en, Does.Contain("5 August 2024").And.Contain("Implemented"));
        });
    }

    [Test]
    public async Task The_booklet_holds_a_cover_and_every_case_of_the_convention_each_on_its_own_page()
    {
        var booklet = await PdfAsync($"/api/v1/offices/{_district}/kaizen/booklet.pdf?fiscalYear=2024-25&lang=en");
        var text = await PdfText.ExtractAsync(booklet);
        var pages = text.Split('\f');

        Assert.Multiple(async () =>
        {
            Assert.That(await PdfText.PagesAsync(booklet), Is.EqualTo(3), "the cover and two cases");
            Assert.That(pages[0], Does.Contain("Kaizen convention").And.Contain("Offices presenting"));
            Assert.That(PdfText.Squeeze(string.Join("", pages[1..])), Does.Contain(PdfText.Squeeze("৭ বার যাতায়াতের বদলে ২ বার")));
            Assert.That(string.Join("", pages[1..]), Does.Contain("Land record copies at the counter").And.Contain("In progress"));
        });
    }

    [Test]
    public async Task The_convention_csv_has_a_row_per_measure()
    {
        var csv = await _committee.GetStringAsync($"/api/v1/offices/{_district}/kaizen/convention.csv?fiscalYear=2024-25");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Has.Length.EqualTo(1 + 3 + 3));
        Assert.That(lines.Any(l => l.Contains(",Visits,visits,7,2,Lower,5,71.4", StringComparison.Ordinal)), Is.True, csv);
    }
}
