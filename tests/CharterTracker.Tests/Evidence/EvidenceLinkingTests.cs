using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using CharterTracker.Tests.Web;
using WebClient = CharterTracker.Tests.Web.WebClient;

namespace CharterTracker.Tests.Evidence;

/// <summary>
/// Linking a file to a record makes it downloadable by the record's readers, so a link needs a file the caller may
/// already download. World: M1 ─ A1 (focal point a1.fp and a colleague) and M2 ─ B1 (focal point b1.fp), whose file
/// backs a charter update of B1.
/// </summary>
public sealed class EvidenceLinkingTests
{
    private static readonly byte[] SmallPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private TestApp _app = null!;
    private long _a1;
    private long _othersFile;
    private HttpClient _a1Fp = null!;
    private HttpClient _colleague = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        var given = new Given(_app);
        (_, var mine) = await given.MinistryWithAsync(1, "M1");
        (_, var others) = await given.MinistryWithAsync(1, "M2");
        _a1 = mine[0];
        _a1Fp = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _a1);
        _colleague = await _app.AsNewUserAsync("a1.colleague", Role.FocalPoint, _a1);
        await _app.UserAsync("a1.web", Role.FocalPoint, _a1);
        var b1Fp = await _app.AsNewUserAsync("b1.fp", Role.FocalPoint, others[0]);
        _othersFile = await UploadAsync(b1Fp, officeId: others[0]);
        await b1Fp.PostJsonAsync($"/api/v1/offices/{others[0]}/charter-updates", Samples.CharterUpdate().With("evidenceIds", new[] { _othersFile }), HttpStatusCode.Created);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private static async Task<long> UploadAsync(HttpClient client, long? officeId = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(SmallPdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "minutes.pdf");
        form.Add(new StringContent("2024-08-10"), "evidenceDate");
        if (officeId is not null) form.Add(new StringContent(officeId.ToString()!), "officeId");
        return (await (await client.PostAsync("/api/v1/evidence", form)).JsonAsync(HttpStatusCode.Created)).Id();
    }

    private async Task AssertStillOutOfReachAsync() =>
        await (await _a1Fp.GetAsync($"/api/v1/evidence/{_othersFile}")).JsonAsync(HttpStatusCode.Forbidden);

    [TestCaseSource(typeof(RecordKinds), nameof(RecordKinds.All))]
    public async Task Recording_with_another_ministrys_file_is_403_writes_nothing_and_the_file_stays_out_of_reach(string kind)
    {
        var before = Sql.Snapshot(_app);

        await _a1Fp.PostJsonAsync($"/api/v1/offices/{_a1}/{kind}", RecordKinds.SampleFor(kind).With("evidenceIds", new[] { _othersFile }), HttpStatusCode.Forbidden);

        Assert.That(Sql.Snapshot(_app), Is.EqualTo(before));
        await AssertStillOutOfReachAsync();
    }

    [TestCaseSource(typeof(RecordKinds), nameof(RecordKinds.All))]
    public async Task Editing_a_record_to_name_another_ministrys_file_is_403_and_writes_nothing(string kind)
    {
        var body = RecordKinds.SampleFor(kind);
        var record = await _a1Fp.PostJsonAsync($"/api/v1/offices/{_a1}/{kind}", body, HttpStatusCode.Created);
        var before = Sql.Snapshot(_app);

        await _a1Fp.PutJsonAsync($"/api/v1/{kind}/{record.Id()}", body.With("version", 1).With("evidenceIds", new[] { _othersFile }), HttpStatusCode.Forbidden);

        Assert.That(Sql.Snapshot(_app), Is.EqualTo(before));
        await AssertStillOutOfReachAsync();
    }

    [Test]
    public async Task The_workspace_form_naming_another_ministrys_file_is_refused_and_writes_nothing()
    {
        var client = await _app.SignInOnFormAsync("a1.web");
        var url = $"/workspace/charter-updates/new?officeId={_a1}&fiscalYear=2024-25&quarter=1";
        var page = await client.PageAsync(url);
        var before = Sql.Snapshot(_app);

        var response = await client.PostFormAsync(url, WebClient.FormToken(page),
            new Dictionary<string, string> { ["updatedOn"] = "2024-08-10", ["portalReference"] = "NIS-1", ["evidenceIds"] = _othersFile.ToString() });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), await response.Content.ReadAsStringAsync());
        Assert.That(Sql.Snapshot(_app), Is.EqualTo(before));
    }

    [Test]
    public async Task A_file_the_caller_uploaded_or_may_already_read_is_linked()
    {
        var own = await UploadAsync(_a1Fp);
        var forTheOffice = await UploadAsync(_colleague, officeId: _a1);
        var backingARecord = await UploadAsync(_colleague);
        await _colleague.PostJsonAsync($"/api/v1/offices/{_a1}/reports", Samples.Report().With("evidenceIds", new[] { backingARecord }), HttpStatusCode.Created);

        var update = await _a1Fp.PostJsonAsync($"/api/v1/offices/{_a1}/charter-updates",
            Samples.CharterUpdate().With("evidenceIds", new[] { own, forTheOffice, backingARecord }), HttpStatusCode.Created);

        Assert.That(update.GetProperty("evidenceIds").EnumerateArray().Select(e => e.GetInt64()), Is.EquivalentTo(new[] { own, forTheOffice, backingARecord }));
    }

    [Test]
    public async Task A_colleagues_file_that_backs_nothing_the_caller_may_read_is_403()
    {
        var unlinked = await UploadAsync(_colleague);
        var before = Sql.Snapshot(_app);

        await _a1Fp.PostJsonAsync($"/api/v1/offices/{_a1}/charter-updates", Samples.CharterUpdate().With("evidenceIds", new[] { unlinked }), HttpStatusCode.Forbidden);

        Assert.That(Sql.Snapshot(_app), Is.EqualTo(before));
    }
}
