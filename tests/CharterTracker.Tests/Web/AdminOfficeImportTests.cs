using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>Importing offices from CSV on the admin page: the dry run's report, then a confirmation that imports exactly that file.</summary>
/// <remarks>
/// One app for the fixture (no test moves its clock) with MOPA and the Bengali administrator created once. The good
/// file's codes carry the test's number (DGT{n}, …), so the files imported by one test neither collide with another's
/// nor with the sample file's codes (DGT-DIV-6, DGT-DIST-47).
/// </remarks>
public sealed class AdminOfficeImportTests
{
    private TestApp _app = null!;
    private int _serial;
    /// <summary>This test's number, in the codes it imports.</summary>
    private int _n;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        await new Given(_app).OfficeAsync("MOPA", kind: OfficeKind.Ministry, activeFrom: "2015-07-01");
        await _app.UserAsync("admin.bn", Role.SystemAdmin, null, language: "bn");
    }

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [SetUp]
    public void Start() => _n = ++_serial;

    private string GoodFile => $"""
        code,nameBn,nameEn,kind,parentCode,activeFrom
        DGT{_n}-DIV-6,"সরকারি যানবাহন অধিদপ্তর, বিভাগীয় কার্যালয়, ঢাকা","DGT Divisional Office, Dhaka",DivisionalOffice,DGT{_n},2020-07-01
        DGT{_n},সরকারি যানবাহন অধিদপ্তর,Department of Government Transport,Department,MOPA,2015-07-01
        DGT{_n}-DIST-47,"সরকারি যানবাহন অধিদপ্তর, জেলা কার্যালয়, গাজীপুর","DGT District Office, Gazipur",DistrictOffice,DGT{_n}-DIV-6,2021-01-01
        """;

    private const string BadFile = """
        code,nameBn,nameEn,kind,parentCode,activeFrom
        OK-1,ঠিক,Fine,Agency,MOPA,2016-01-01
        BAD 2,ভুল,Bad code,Agency,MOPA,2016-01-01
        OK-3,,No Bengali name,Castle,MOPA,2016-01-01
        OK-4,ঠিক,Unknown parent,Agency,NOWHERE,2016-01-01
        """;

    private static async Task<(HttpResponseMessage Response, string Html)> CheckAsync(HttpClient client, string csv)
    {
        var page = await client.PageAsync("/admin/offices/import");
        var response = await client.PostFormAsync("/admin/offices/import", WebClient.FormToken(page), new Dictionary<string, string>(),
            ("file", "offices.csv", "text/csv", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray()));
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> Hidden(string html) =>
        Regex.Matches(html, "<input type=\"hidden\" name=\"(csv|sha256|fileName)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

    private static IReadOnlyList<(int Line, string Column)> ErrorRows(string html) =>
        Regex.Matches(html, "<tr data-line=\"(\\d+)\" data-column=\"(\\w+)\">").Select(m => (int.Parse(m.Groups[1].Value), m.Groups[2].Value)).ToList();

    [Test]
    public async Task The_page_describes_the_columns_and_links_a_sample_file_that_imports_cleanly()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);

        var page = await admin.PageAsync("/admin/offices/import");
        var sample = await admin.GetAsync("/admin/offices/import/sample.csv");

        Assert.Multiple(async () =>
        {
            Assert.That(page, Does.Contain("<code>parentCode</code>").And.Contain("a row of the same file (in any order)").And.Contain("href=\"/admin/offices/import/sample.csv\""));
            Assert.That(sample.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(await sample.Content.ReadAsStringAsync(), Does.Contain("code,nameBn,nameEn,kind,parentCode,activeFrom"));
        });
    }

    [Test]
    public async Task A_dry_run_lists_every_bad_row_with_line_column_and_reason_imports_nothing_and_offers_no_confirmation()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);
        var before = Sql.Count(_app, "Offices");

        var (response, html) = await CheckAsync(admin, BadFile);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ErrorRows(html), Is.EquivalentTo(new[] { (3, "code"), (4, "kind"), (4, "nameBn"), (5, "parentCode") }));
            Assert.That(html, Does.Contain("No office has code &#x27;NOWHERE&#x27;").Or.Contain("No office has code 'NOWHERE'"));
            Assert.That(html, Does.Contain("Nothing is imported until every row is correct"));
            Assert.That(Regex.Match(html, "data-figure=\"rows\"><dt>[^<]*</dt><dd>(\\d+)</dd>").Groups[1].Value, Is.EqualTo("4"));
            Assert.That(Regex.Match(html, "data-figure=\"bad-rows\"><dt>[^<]*</dt><dd>(\\d+)</dd>").Groups[1].Value, Is.EqualTo("3"));
            Assert.That(Regex.Match(html, "data-figure=\"would-import\"><dt>[^<]*</dt><dd>(\\d+)</dd>").Groups[1].Value, Is.EqualTo("0"));
            Assert.That(html, Does.Not.Contain("/admin/offices/import/confirm"));
            Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Every_error_of_every_row_is_reported_at_once_an_unknown_parent_with_the_rows_other_errors()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);
        const string file = """
            code,nameBn,nameEn,kind,parentCode,activeFrom
            BAD 1,ভুল,Bad code,Castle,NOWHERE,2016-01-01
            OK-2,ঠিক,Bad date,Agency,ALSO-MISSING,31/13/2016
            """;

        var (_, html) = await CheckAsync(admin, file);

        Assert.That(ErrorRows(html), Is.EquivalentTo(new[] { (2, "code"), (2, "kind"), (2, "parentCode"), (3, "activeFrom"), (3, "parentCode") }));
    }

    [Test]
    public async Task The_sample_file_imports_under_the_demo_ministrys_transport_department()
    {
        // The sample hangs its offices under DGT, an office of the demo data set, with codes the demo does not use.
        await new Given(_app).OfficeAsync("DGT", Sql.Query<long>(_app, "SELECT Id FROM Offices WHERE Code = 'MOPA'").Single(), OfficeKind.Department, "2015-07-01");
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);
        var sample = await (await admin.GetAsync("/admin/offices/import/sample.csv")).Content.ReadAsStringAsync();

        var (_, html) = await CheckAsync(admin, sample);

        Assert.Multiple(() =>
        {
            Assert.That(ErrorRows(html), Is.Empty, html);
            Assert.That(html, Does.Contain("All 3 rows are correct."));
        });
    }

    [Test]
    public async Task The_dry_run_report_in_Bengali_gives_the_reasons_in_Bengali()
    {
        var admin = await _app.SignInOnFormAsync("admin.bn");

        var (_, html) = await CheckAsync(admin, BadFile);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("'NOWHERE' কোডের কোনো দপ্তর নেই").Or.Contain("&#x27;NOWHERE&#x27; কোডের কোনো দপ্তর নেই"));
            Assert.That(html, Does.Contain("বাংলা নাম দিতে হবে।"));
            Assert.That(html, Does.Contain("<th scope=\"row\">৩</th>"), "line numbers in Bengali digits");
        });
    }

    [Test]
    public async Task A_good_file_is_imported_exactly_once_after_its_dry_run_is_confirmed()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);
        var before = Sql.Count(_app, "Offices");

        var (check, html) = await CheckAsync(admin, GoodFile);
        var afterCheck = Sql.Count(_app, "Offices");
        var hidden = Hidden(html);
        var confirmed = await admin.PostFormAsync("/admin/offices/import/confirm", WebClient.FormToken(html), hidden);
        var afterConfirm = Sql.Count(_app, "Offices");
        var again = await admin.PostFormAsync("/admin/offices/import/confirm", WebClient.FormToken(html), hidden);
        var againHtml = await again.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(check.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("All 3 rows are correct.").And.Contain("Import 3 offices"));
            Assert.That(afterCheck, Is.EqualTo(before), "the dry run writes nothing");
            Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(confirmed.Headers.Location!.OriginalString, Is.EqualTo("/admin/offices/import?saved=office-import&imported=3"));
            Assert.That(await admin.PageAsync(confirmed.Headers.Location.OriginalString), Does.Contain("3 offices imported."));
            Assert.That(afterConfirm, Is.EqualTo(before + 3));
            Assert.That(Sql.Query<string>(_app, "SELECT NameBn FROM Offices WHERE Code = @code", new { code = $"DGT{_n}-DIST-47" }).Single(), Is.EqualTo("সরকারি যানবাহন অধিদপ্তর, জেলা কার্যালয়, গাজীপুর"));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a second confirmation of the same file imports nothing");
            Assert.That(ErrorRows(againHtml), Does.Contain((2, "code")));
            Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(before + 3));
        });
    }

    [Test]
    public async Task A_confirmation_whose_file_is_not_the_one_checked_imports_nothing()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);
        var (_, html) = await CheckAsync(admin, GoodFile);
        var hidden = Hidden(html);
        hidden["csv"] += $"\nEXTRA{_n},অতিরিক্ত,Extra,Agency,MOPA,2016-01-01\n";

        var response = await admin.PostFormAsync("/admin/offices/import/confirm", WebClient.FormToken(html), hidden);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(await response.Content.ReadAsStringAsync(), "file"), Does.Contain("is not the one that was checked"));
            Assert.That(Sql.Count(_app, "Offices", "Code IN (@dgt, @extra)", new { dgt = $"DGT{_n}", extra = $"EXTRA{_n}" }), Is.Zero);
        });
    }

    [Test]
    public async Task Checking_without_a_file_asks_for_one_beside_the_file_input()
    {
        var admin = await _app.SignInOnFormAsync(BootstrapAdmin.Username, TestApp.AdminPassword);
        var page = await admin.PageAsync("/admin/offices/import");

        var response = await admin.PostFormAsync("/admin/offices/import", WebClient.FormToken(page), new Dictionary<string, string>());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(WebClient.FieldError(await response.Content.ReadAsStringAsync(), "file"), Does.Contain("Choose a CSV file."));
    }
}
