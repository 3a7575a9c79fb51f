using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Offices;

/// <summary>
/// One app for the fixture (no test moves its clock): every code a test creates, or expects to find taken, carries the
/// test's number (MOPA{n}, DGT{n}-DIV-6, MIN{n}-A1, …); codes only a dry run or a refused import names may be shared.
/// </summary>
public sealed class ImportOfficesTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private int _serial;
    /// <summary>This test's number, in the codes and usernames it creates.</summary>
    private int _n;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await TestApp.StartAsync();
        _admin = await _app.AsAdminAsync();
    }

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [SetUp]
    public void Start() => _n = ++_serial;

    /// <summary>This test's ministry, under which the files import.</summary>
    private Task<long> MopaAsync() =>
        new Given(_app).OfficeAsync($"MOPA{_n}", kind: CharterTracker.Offices.OfficeKind.Ministry, activeFrom: "2015-07-01");

    private async Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv, bool dryRun) =>
        await client.PostAsync($"/api/v1/offices/import?dryRun={dryRun.ToString().ToLowerInvariant()}",
            new StringContent(csv, Encoding.UTF8, "text/csv"));

    private string GoodFile => $"""
        code,nameBn,nameEn,kind,parentCode,activeFrom
        DGT{_n}-DIV-6,"সরকারি যানবাহন অধিদপ্তর, বিভাগীয় কার্যালয়, ঢাকা","DGT Divisional Office, Dhaka",DivisionalOffice,DGT{_n},2020-07-01
        DGT{_n},সরকারি যানবাহন অধিদপ্তর,Department of Government Transport,Department,MOPA{_n},2015-07-01
        DGT{_n}-DIST-47,"সরকারি যানবাহন অধিদপ্তর, জেলা কার্যালয়, গাজীপুর","DGT District Office, Gazipur",DistrictOffice,DGT{_n}-DIV-6,2021-01-01
        """;

    [Test]
    public async Task A_good_file_imports_every_row_with_parents_from_the_file_in_any_order()
    {
        var mopa = await MopaAsync();
        var report = await (await ImportAsync(_admin, GoodFile, dryRun: false)).JsonAsync(HttpStatusCode.OK);
        var subtree = await _admin.GetJsonAsync($"/api/v1/offices/{mopa}/subtree");

        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("imported").GetInt32(), Is.EqualTo(3));
            Assert.That(report.GetProperty("errors").GetArrayLength(), Is.Zero);
            Assert.That(subtree.EnumerateArray().Select(o => (o.Str("code"), o.GetProperty("level").GetInt32())),
                Is.EqualTo(new[] { ($"MOPA{_n}", 0), ($"DGT{_n}", 1), ($"DGT{_n}-DIV-6", 2), ($"DGT{_n}-DIST-47", 3) }));
            Assert.That(subtree.EnumerateArray().Last().Str("nameBn"), Is.EqualTo("সরকারি যানবাহন অধিদপ্তর, জেলা কার্যালয়, গাজীপুর"));
        });
    }

    [Test]
    public async Task A_dry_run_lists_every_bad_row_with_line_field_and_reason_and_imports_nothing()
    {
        await MopaAsync();
        var csv = $"""
            code,nameBn,nameEn,kind,parentCode,activeFrom
            OK-1,ঠিক,Fine,Agency,MOPA{_n},2016-01-01
            BAD 2,ভুল,Bad code,Agency,MOPA{_n},2016-01-01
            OK-3,,No Bengali name,Castle,MOPA{_n},2016-01-01
            OK-4,ঠিক,Unknown parent,Agency,NOWHERE,2016-01-01
            OK-1,আবার,Duplicate,Agency,MOPA{_n},2016-01-01
            OK-6,ঠিক,Bad date,Agency,MOPA{_n},2016/01/01
            OK-7,ঠিক,Before its parent,Agency,MOPA{_n},2010-01-01
            MOPA{_n},ঠিক,Taken code,Agency,,2016-01-01
            """;
        var offices = Sql.Count(_app, "Offices");

        var report = await (await ImportAsync(_admin, csv, dryRun: true)).JsonAsync(HttpStatusCode.OK);

        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.Str("field"))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("dryRun").GetBoolean(), Is.True);
            Assert.That(report.GetProperty("rows").GetInt32(), Is.EqualTo(8));
            Assert.That(report.GetProperty("imported").GetInt32(), Is.Zero);
            Assert.That(errors, Is.EquivalentTo(new[]
            {
                (3, "code"), (4, "kind"), (4, "nameBn"), (5, "parentCode"), (6, "code"), (7, "activeFrom"), (8, "activeFrom"), (9, "code"),
            }));
            Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(offices));
        });
        var reasons = report.GetProperty("errors").EnumerateArray().ToDictionary(e => (e.GetProperty("line").GetInt32(), e.Str("field")), e => e.Str("reason"));
        Assert.Multiple(() =>
        {
            Assert.That(reasons[(5, "parentCode")], Does.Contain("NOWHERE"));
            Assert.That(reasons[(6, "code")], Does.Contain("line 2"));
            Assert.That(reasons[(4, "kind")], Does.Contain("Castle"));
        });
    }

    [Test]
    public async Task Importing_a_file_with_a_bad_row_writes_nothing_and_answers_400_naming_the_line()
    {
        await MopaAsync();
        var csv = $"""
            code,nameBn,nameEn,kind,parentCode,activeFrom
            GOOD-1,ঠিক,Fine,Agency,MOPA{_n},2016-01-01
            GOOD-2,ঠিক,Fine too,Agency,GOOD-1,2016-01-01
            BAD-3,ঠিক,Bad,Agency,MOPA{_n},2016-13-01
            """;
        var offices = Sql.Count(_app, "Offices");

        var problem = await (await ImportAsync(_admin, csv, dryRun: false)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "lines[4].activeFrom" }));
        Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(offices));
    }

    [Test]
    public async Task A_parent_cycle_inside_the_file_is_reported()
    {
        const string csv = """
            code,nameBn,nameEn,kind,parentCode,activeFrom
            A,ক,A,Agency,B,2016-01-01
            B,খ,B,Agency,A,2016-01-01
            """;

        var report = await (await ImportAsync(_admin, csv, dryRun: true)).JsonAsync(HttpStatusCode.OK);

        Assert.That(report.GetProperty("errors").EnumerateArray().Select(e => e.Str("field")), Is.EqualTo(new[] { "parentCode", "parentCode" }));
    }

    [Test]
    public async Task A_file_without_the_header_is_reported_on_line_1()
    {
        var report = await (await ImportAsync(_admin, "A,ক,A,Agency,,2016-01-01\n", dryRun: true)).JsonAsync(HttpStatusCode.OK);

        var error = report.GetProperty("errors")[0];
        Assert.That((error.GetProperty("line").GetInt32(), error.Str("field")), Is.EqualTo((1, "header")));
    }

    [Test]
    public async Task A_focal_point_cannot_import_under_an_office_outside_its_subtree()
    {
        var given = new Given(_app);
        var (_, agencies) = await given.MinistryWithAsync(2, $"MIN{_n}");
        var focalPoint = await _app.AsNewUserAsync($"fp{_n}", CharterTracker.Access.Role.FocalPoint, agencies[0]);
        var csv = $"""
            code,nameBn,nameEn,kind,parentCode,activeFrom
            X{_n}-1,ক,Mine,DistrictOffice,MIN{_n}-A1,2024-07-01
            X{_n}-2,খ,Not mine,DistrictOffice,MIN{_n}-A2,2024-07-01
            """;

        var response = await ImportAsync(focalPoint, csv, dryRun: false);

        await response.JsonAsync(HttpStatusCode.Forbidden);
        Assert.That(Sql.Count(_app, "Offices", "Code LIKE @x", new { x = $"X{_n}-%" }), Is.Zero);
    }

    [Test]
    public async Task A_multipart_upload_is_read_like_a_csv_body()
    {
        await MopaAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"code,nameBn,nameEn,kind,parentCode,activeFrom\nNAPD{_n},জাতীয় পরিকল্পনা ও উন্নয়ন একাডেমি,NAPD,Agency,MOPA{_n},2016-01-01\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "offices.csv");

        var report = await (await _admin.PostAsync("/api/v1/offices/import", form)).JsonAsync(HttpStatusCode.OK);

        Assert.That(report.GetProperty("imported").GetInt32(), Is.EqualTo(1));
        Assert.That(Sql.Query<string>(_app, "SELECT NameBn FROM Offices WHERE Code = @code", new { code = $"NAPD{_n}" }), Is.EqualTo(new[] { "জাতীয় পরিকল্পনা ও উন্নয়ন একাডেমি" }));
    }

    /// <summary>Code oracle: a focal point's file must not learn the id or the name of an office outside its subtree.</summary>
    [Test]
    public async Task A_focal_points_import_says_a_code_is_taken_or_out_of_reach_without_naming_the_office()
    {
        var given = new Given(_app);
        var (_, mine) = await given.MinistryWithAsync(1, $"MIN{_n}");
        var (_, others) = await given.MinistryWithAsync(1, $"OTH{_n}");
        var focalPoint = await _app.AsNewUserAsync($"fp{_n}", CharterTracker.Access.Role.FocalPoint, mine[0]);

        var report = await (await ImportAsync(focalPoint, $"""
            code,nameBn,nameEn,kind,parentCode,activeFrom
            OTH{_n}-A1,ক,Taken elsewhere,DistrictOffice,MIN{_n}-A1,2024-07-01
            """, dryRun: true)).JsonAsync(HttpStatusCode.OK);
        var underOthers = await (await ImportAsync(focalPoint, $"""
            code,nameBn,nameEn,kind,parentCode,activeFrom
            X{_n}-1,ক,Under another ministry,DistrictOffice,OTH{_n}-A1,2024-07-01
            """, dryRun: true)).JsonAsync(HttpStatusCode.Forbidden);

        var reason = report.GetProperty("errors").EnumerateArray().Single().Str("reason");
        Assert.Multiple(() =>
        {
            Assert.That(reason, Does.Contain($"'OTH{_n}-A1'").And.Contain("taken"));
            foreach (var said in new[] { reason, underOthers.Str("detail") })
            {
                Assert.That(said, Does.Not.Match($@"\b{others[0]}\b"), "no office id");
                Assert.That(said, Does.Not.Contain($"Office OTH{_n}-A1").And.Not.Contain($"দপ্তর OTH{_n}-A1"), "no office name");
            }
        });
    }
}
