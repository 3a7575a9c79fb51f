using System.Net;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Reports;

public sealed class SubmitReportTests
{
    private TestApp _app = null!;
    private HttpClient _focalPoint = null!;
    private long _ministry;
    private long _agency;

    [SetUp]
    public async Task Start()
    {
        // Reports are about a period and are submitted after it: 20 Oct 2024 is after Q1 ended.
        _app = await TestApp.StartAsync(TestClock.At(2024, 10, 20));
        long[] agencies;
        (_ministry, agencies) = await new Given(_app).MinistryWithAsync(1);
        _agency = agencies[0];
        _focalPoint = await _app.AsNewUserAsync("fp", Role.FocalPoint, _agency);
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

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
        var committee = await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, _ministry);

        var read = await committee.GetJsonAsync($"/api/v1/reports/{report.Id()}");
        await committee.PutJsonAsync($"/api/v1/reports/{report.Id()}", Samples.Report(), HttpStatusCode.Forbidden);

        Assert.That(read.GetProperty("officeId").GetInt64(), Is.EqualTo(_agency));
    }
}
