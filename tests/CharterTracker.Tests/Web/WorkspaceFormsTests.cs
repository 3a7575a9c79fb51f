using System.Net;
using System.Text;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>The workspace's forms over HTTP, as a browser posts them: token, multipart, redirect after a save.</summary>
public sealed class WorkspaceFormsTests
{
    private static readonly byte[] SmallPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private TestApp _app = null!;
    private long[] _agencies = [];
    private long _otherAgency;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        var given = new Given(_app);
        (_, _agencies) = await given.MinistryWithAsync(3);
        (_, var others) = await given.MinistryWithAsync(1, "OTH");
        _otherAgency = others[0];
        await _app.UserAsync("a1.fp", Role.FocalPoint, _agencies[0], language: "en");
        await _app.UserAsync("a2.fp", Role.FocalPoint, _agencies[1], language: "bn");
        await _app.UserAsync("a3.fp", Role.FocalPoint, _agencies[2], language: "en");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private static string Form(long office) => $"/workspace/charter-updates/new?officeId={office}&fiscalYear=2024-25&quarter=1";

    [Test]
    public async Task Recording_a_charter_update_with_an_evidence_file_turns_the_checklist_item_Done()
    {
        var client = await _app.SignInOnFormAsync("a1.fp");
        var workspace = await client.PageAsync($"/workspace?officeId={_agencies[0]}&fiscalYear=2024-25&quarter=1");
        Assert.That(workspace, Does.Contain($"href=\"{Form(_agencies[0]).Replace("&", "&amp;")}\""), "the checklist links the item to its form");

        var page = await client.PageAsync(Form(_agencies[0]));
        Assert.That(WebClient.InputValue(page, "updatedOn"), Is.EqualTo("25/09/2024"), "today, inside the quarter, is the default date, day first");

        var response = await client.PostFormAsync(Form(_agencies[0]), WebClient.FormToken(page),
            new Dictionary<string, string> { ["updatedOn"] = "2024-09-20", ["portalReference"] = "NIS-2024-0920", ["notes"] = "হালনাগাদ করা হয়েছে" },
            ("file", "charter.pdf", "application/pdf", SmallPdf));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        Assert.That(location, Does.StartWith("/workspace?").And.Contain("saved=charter-update"));
        var after = await client.PageAsync(location);
        var updates = Sql.Query<(string UpdatedOn, string PortalReference, long HasEvidence, string? Notes)>(_app,
            "SELECT UpdatedOn, PortalReference, HasEvidence, Notes FROM CharterUpdates WHERE OfficeId = @office", new { office = _agencies[0] });
        Assert.Multiple(() =>
        {
            Assert.That(after, Does.Contain("role=\"status\"").And.Contain("Saved: charter update"));
            Assert.That(after, Does.Contain("<tr data-indicator=\"1.1.1\" data-status=\"Done\">"));
            Assert.That(updates, Is.EqualTo(new[] { ("2024-09-20", "NIS-2024-0920", 1L, (string?)"হালনাগাদ করা হয়েছে") }));
        });
        Assert.That(Sql.Count(_app, "RecordEvidence e JOIN EvidenceFiles f ON f.Id = e.EvidenceId", "f.FileName = 'charter.pdf' AND f.OfficeId = @office", new { office = _agencies[0] }), Is.EqualTo(1), "the file is stored and linked to the update");
    }

    [Test]
    public async Task A_date_outside_the_quarter_is_shown_beside_the_field_in_Bengali_and_keeps_what_was_typed_and_the_uploaded_file()
    {
        var client = await _app.SignInOnFormAsync("a2.fp");
        var page = await client.PageAsync(Form(_agencies[1]));

        var response = await client.PostFormAsync(Form(_agencies[1]), WebClient.FormToken(page),
            new Dictionary<string, string> { ["updatedOn"] = "2024-10-02", ["portalReference"] = "NIS-ভুল-তারিখ" },
            ("file", "minutes.pdf", "application/pdf", SmallPdf));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "updatedOn"), Does.Contain("০২-১০-২০২৪ তারিখটি এই ত্রৈমাসিকের (০১-০৭-২০২৪ থেকে ৩০-০৯-২০২৪) বাইরে"));
            Assert.That(html, Does.Contain("role=\"alert\"").And.Contain("নিচের বিষয়গুলো ঠিক করুন"), "the summary at the top");
            Assert.That(WebClient.InputValue(html, "updatedOn"), Is.EqualTo("02/10/2024"));
            Assert.That(WebClient.InputValue(html, "portalReference"), Is.EqualTo("NIS-ভুল-তারিখ"));
            Assert.That(html, Does.Contain("minutes.pdf"), "the uploaded file stays attached");
        });
        var kept = WebClient.InputValue(html, "evidenceIds");
        Assert.That(Sql.Count(_app, "CharterUpdates", "OfficeId = @office", new { office = _agencies[1] }), Is.Zero);

        // Corrected and posted again without choosing the file a second time: the kept file counts.
        var again = await client.PostFormAsync(Form(_agencies[1]), WebClient.FormToken(html),
            new Dictionary<string, string> { ["updatedOn"] = "2024-09-22", ["portalReference"] = "NIS-ভুল-তারিখ", ["evidenceIds"] = kept });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await again.Content.ReadAsStringAsync());
        Assert.That(Sql.Count(_app, "CharterUpdates", "OfficeId = @office AND HasEvidence = 1", new { office = _agencies[1] }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_refused_file_type_and_a_malformed_date_are_errors_on_their_fields()
    {
        var client = await _app.SignInOnFormAsync("a3.fp");
        var page = await client.PageAsync(Form(_agencies[2]));
        var response = await client.PostFormAsync(Form(_agencies[2]), WebClient.FormToken(page),
            new Dictionary<string, string> { ["updatedOn"] = "2024/09/25" },
            ("file", "run.exe", "application/x-msdownload", [0x4d, 0x5a, 0x90, 0x00]));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "updatedOn"), Does.Contain("Not a date"));
            Assert.That(WebClient.FieldError(html, "file"), Does.Contain("is not accepted as evidence"));
        });
    }

    [Test]
    public async Task A_post_without_the_pages_token_is_refused_and_saves_nothing()
    {
        var client = await _app.SignInOnFormAsync("a3.fp");
        await client.PageAsync(Form(_agencies[2]));
        var response = await client.PostFormAsync(Form(_agencies[2]), token: null, new Dictionary<string, string> { ["updatedOn"] = "2024-09-20" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Sql.Count(_app, "CharterUpdates", "OfficeId = @office AND UpdatedOn = '2024-09-20'", new { office = _agencies[2] }), Is.Zero);
    }

    [Test]
    public async Task A_focal_point_cannot_open_or_post_another_agencys_form()
    {
        var client = await _app.SignInOnFormAsync("a1.fp");
        await client.PageAsync(Form(_otherAgency), HttpStatusCode.Forbidden);
        var own = await client.PageAsync(Form(_agencies[0]));
        var response = await client.PostFormAsync(Form(_otherAgency), WebClient.FormToken(own), new Dictionary<string, string> { ["updatedOn"] = "2024-09-20" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Sql.Count(_app, "CharterUpdates", "OfficeId = @office", new { office = _otherAgency }), Is.Zero);
    }
}
