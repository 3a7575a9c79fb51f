using System.Net;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Reports;

/// <summary>
/// One app for the fixture (no test moves its clock); each test has a ministry with an agency and a focal point of its
/// own (codes and usernames carry the test's number), so each test's reports are the first of their office.
/// </summary>
public sealed class SubmitReportTests
{
    private TestApp _app = null!;
    private HttpClient _focalPoint = null!;
    private long _ministry;
    private long _agency;
    private int _serial;
    /// <summary>This test's number, in the names it creates.</summary>
    private int _n;

    // Reports are about a period and are submitted after it: 20 Oct 2024 is after Q1 ended.
    [OneTimeSetUp]
    public async Task StartApp() => _app = await TestApp.StartAsync(TestClock.At(2024, 10, 20));

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [SetUp]
    public async Task Start()
    {
        _n = ++_serial;
        long[] agencies;
        (_ministry, agencies) = await new Given(_app).MinistryWithAsync(1, $"MIN{_n}");
        _agency = agencies[0];
        _focalPoint = await _app.AsNewUserAsync($"fp{_n}", Role.FocalPoint, _agency);
    }

    [Test]
    public async Task A_quarterly_report_submitted_after_its_quarter_goes_to_the_parent_office()
    {
        var report = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agency}/reports", Samples.Report(submittedOn: "2024-10-10"), HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("quarter").GetInt32(), Is.EqualTo(1));
            Assert.That(report.Str("submittedOn"), Is.EqualTo("2024-10-10"));
            Assert.That(report.GetProperty("submittedToOfficeId").GetInt64(), Is.EqualTo(_ministry));
            Assert.That(report.Str("recordedOn"), Is.EqualTo("2024-10-20"));
        });
    }

    [Test]
    public async Task A_quarterly_report_needs_its_quarter_and_an_annual_one_has_none()
    {
        var noQuarter = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agency}/reports", Samples.Report(quarter: null), HttpStatusCode.BadRequest);
        var annualWithQuarter = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agency}/reports", Samples.Report("AnnualProgress", 2), HttpStatusCode.BadRequest);
        var annual = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agency}/reports", Samples.Report("AnnualProgress", null, "2024-10-12"), HttpStatusCode.Created);

        Assert.That(noQuarter.ErrorFields(), Is.EqualTo(new[] { "quarter" }));
        Assert.That(annualWithQuarter.ErrorFields(), Is.EqualTo(new[] { "quarter" }));
        Assert.That(annual.GetProperty("quarter").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task A_report_cannot_be_submitted_before_its_period_begins()
    {
        var problem = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agency}/reports", Samples.Report(quarter: 2, submittedOn: "2024-09-30"), HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("submittedOn")[0].GetString(), Does.Contain("2024-10-01"));
    }

    [Test]
    public async Task The_parent_offices_committee_reads_the_report_and_cannot_change_it()
    {
        var report = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agency}/reports", Samples.Report(), HttpStatusCode.Created);
        var committee = await _app.AsNewUserAsync($"committee{_n}", Role.MonitoringCommittee, _ministry);

        var read = await committee.GetJsonAsync($"/api/v1/reports/{report.Id()}");
        await committee.PutJsonAsync($"/api/v1/reports/{report.Id()}", Samples.Report(), HttpStatusCode.Forbidden);

        Assert.That(read.GetProperty("officeId").GetInt64(), Is.EqualTo(_agency));
    }
}
