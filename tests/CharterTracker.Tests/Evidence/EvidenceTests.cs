using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Evidence;

/// <summary>
/// One app for the fixture (no test moves its clock); each test has a ministry with two agencies and a focal point of
/// its own, and a PDF whose bytes carry the test's number (files are stored by hash, so each test's file is its own).
/// "Nothing stored" is counted before and after.
/// </summary>
public sealed class EvidenceTests
{
    private TestApp _app = null!;
    private HttpClient _focalPoint = null!;
    private long _office;
    private long _otherOffice;
    private int _serial;
    /// <summary>This test's number, in the names and bytes it creates.</summary>
    private int _n;

    /// <summary>A small PDF of this test's own.</summary>
    private byte[] SmallPdf => Encoding.ASCII.GetBytes($"%PDF-1.4\n% test {_n}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [OneTimeSetUp]
    public async Task StartApp() =>
        _app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Charter:Evidence:MaxBytes"] = "100000" });

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [SetUp]
    public async Task Start()
    {
        _n = ++_serial;
        var (_, agencies) = await new Given(_app).MinistryWithAsync(2, $"MIN{_n}");
        (_office, _otherOffice) = (agencies[0], agencies[1]);
        _focalPoint = await _app.AsNewUserAsync($"fp{_n}", Role.FocalPoint, _office);
    }

    /// <summary>Every file under the evidence folder (none before the first upload).</summary>
    private string[] StoredFiles(string pattern = "*")
    {
        var folder = Path.Combine(_app.Directory, "evidence");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, pattern, SearchOption.AllDirectories) : [];
    }

    private static MultipartFormDataContent Upload(byte[] content, string contentType, string fileName = "minutes.pdf", string? evidenceDate = "2024-08-10", long? officeId = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (evidenceDate is not null) form.Add(new StringContent(evidenceDate), "evidenceDate");
        if (officeId is not null) form.Add(new StringContent(officeId.ToString()!), "officeId");
        return form;
    }

    [Test]
    public async Task An_uploaded_pdf_is_stored_with_its_hash_and_counts_as_evidence_for_the_record_that_names_it()
    {
        var before = StoredFiles("*.bin");
        var uploaded = await (await _focalPoint.PostAsync("/api/v1/evidence", Upload(SmallPdf, "application/pdf"))).JsonAsync(HttpStatusCode.Created);
        var update = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates",
            Samples.CharterUpdate().With("hasEvidence", false).With("evidenceIds", new[] { uploaded.Id() }), HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(uploaded.Str("sha256"), Is.EqualTo(Convert.ToHexString(SHA256.HashData(SmallPdf)).ToLowerInvariant()));
            Assert.That(uploaded.GetProperty("size").GetInt64(), Is.EqualTo(SmallPdf.Length));
            Assert.That(uploaded.Str("contentType"), Is.EqualTo("application/pdf"));
            Assert.That(uploaded.Str("evidenceDate"), Is.EqualTo("2024-08-10"), "the document's own date, not the upload day (2024-08-15)");
            Assert.That(update.GetProperty("hasEvidence").GetBoolean(), Is.True);
            Assert.That(update.GetProperty("evidenceIds").EnumerateArray().Select(e => e.GetInt64()), Is.EqualTo(new[] { uploaded.Id() }));
        });
        var files = StoredFiles("*.bin").Except(before);
        Assert.That(files.Select(Path.GetFileNameWithoutExtension), Is.EqualTo(new[] { uploaded.Str("sha256") }), "stored outside the database, named by its hash");
    }

    [Test]
    public async Task Whoever_may_read_the_record_downloads_the_same_bytes_and_others_get_403()
    {
        var uploaded = await (await _focalPoint.PostAsync("/api/v1/evidence", Upload(SmallPdf, "application/pdf"))).JsonAsync(HttpStatusCode.Created);
        await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", Samples.CharterUpdate().With("evidenceIds", new[] { uploaded.Id() }), HttpStatusCode.Created);
        var viewer = await _app.AsNewUserAsync($"viewer{_n}", Role.Viewer, _office);
        var outsider = await _app.AsNewUserAsync($"outsider{_n}", Role.FocalPoint, _otherOffice);

        var download = await viewer.GetAsync($"/api/v1/evidence/{uploaded.Id()}");
        var refused = await outsider.GetAsync($"/api/v1/evidence/{uploaded.Id()}");

        Assert.Multiple(async () =>
        {
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(SmallPdf));
            Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(download.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("minutes.pdf"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task A_file_over_the_limit_is_a_413_and_nothing_is_stored()
    {
        var big = new byte[100_001];
        SmallPdf.CopyTo(big, 0);
        var rows = Sql.Count(_app, "EvidenceFiles");
        var stored = StoredFiles();

        var problem = await (await _focalPoint.PostAsync("/api/v1/evidence", Upload(big, "application/pdf"))).JsonAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "file" }));
        Assert.That(Sql.Count(_app, "EvidenceFiles"), Is.EqualTo(rows), "no row written");
        Assert.That(StoredFiles(), Is.EquivalentTo(stored), "no file left on disk, not even a temporary one");
    }

    [TestCase("application/x-msdownload", "run.exe")]
    [TestCase("text/html", "page.html")]
    public async Task A_refused_type_is_a_415(string contentType, string fileName)
    {
        var rows = Sql.Count(_app, "EvidenceFiles");

        var problem = await (await _focalPoint.PostAsync("/api/v1/evidence", Upload("MZ......"u8.ToArray(), contentType, fileName))).JsonAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.That(problem.Str("detail"), Does.Contain(contentType));
        Assert.That(Sql.Count(_app, "EvidenceFiles"), Is.EqualTo(rows), "no row written");
    }

    [Test]
    public async Task A_file_whose_content_is_not_what_it_claims_is_a_415()
    {
        var problem = await (await _focalPoint.PostAsync("/api/v1/evidence", Upload("<script>alert(1)</script>"u8.ToArray(), "application/pdf"))).JsonAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.That(problem.Str("detail"), Does.Contain("not a application/pdf file"));
    }

    [Test]
    public async Task The_evidence_date_is_required_and_cannot_be_in_the_future()
    {
        var missing = await (await _focalPoint.PostAsync("/api/v1/evidence", Upload(SmallPdf, "application/pdf", evidenceDate: null))).JsonAsync(HttpStatusCode.BadRequest);
        var future = await (await _focalPoint.PostAsync("/api/v1/evidence", Upload(SmallPdf, "application/pdf", evidenceDate: "2024-09-01"))).JsonAsync(HttpStatusCode.BadRequest);

        Assert.That(missing.ErrorFields(), Is.EqualTo(new[] { "evidenceDate" }));
        Assert.That(future.ErrorFields(), Is.EqualTo(new[] { "evidenceDate" }));
    }

    [Test]
    public async Task Naming_evidence_that_does_not_exist_is_rejected()
    {
        var updates = Sql.Count(_app, "CharterUpdates");

        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_office}/charter-updates", Samples.CharterUpdate().With("evidenceIds", new[] { 424242 }), HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "evidenceIds" }));
        Assert.That(Sql.Count(_app, "CharterUpdates"), Is.EqualTo(updates), "no update written");
    }

    [Test]
    public async Task Uploading_for_another_agencys_office_is_forbidden()
    {
        var response = await _focalPoint.PostAsync("/api/v1/evidence", Upload(SmallPdf, "application/pdf", officeId: _otherOffice));

        await response.JsonAsync(HttpStatusCode.Forbidden);
    }
}
