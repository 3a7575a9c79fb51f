using System.Globalization;
using CharterTracker.Activities;
using CharterTracker.Offices;
using CharterTracker.Reports;

namespace CharterTracker.Web;

/// <summary>Record that a quarterly implementation report (1.3.2) or the annual progress report (2.2.2) was submitted, and correct it.</summary>
internal static class ReportForms
{
    public static IEndpointRouteBuilder MapReportForms(this IEndpointRouteBuilder app)
    {
        app.MapPage("/workspace/reports/new", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var kind = Enum.TryParse<ReportKind>(web.Http.Request.Query["kind"], out var asked) && Enum.IsDefined(asked) ? asked : ReportKind.QuarterlyImplementation;
            // A report is submitted after the period it is about: today is the likeliest day.
            var form = WebForm.Blank(web, new Dictionary<string, string?>
            {
                ["kind"] = kind.ToString(), ["quarter"] = quarter.ToString(CultureInfo.InvariantCulture), ["submittedOn"] = WorkspacePages.Iso(web.Calendar.Today),
            });
            return await RenderAsync(web, office, year, quarter, form, StatusCodes.Status200OK, null);
        });

        app.MapPagePost("/workspace/reports/new", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var form = await WebForm.ReadAsync(web);
            await WorkspacePages.AttachEvidenceAsync(web, form, office.Id, "submittedOn");
            return await WorkspacePages.SaveAsync(web, form, new SubmitReportCommand(office.Id, Read(form, year)),
                saved => PageRequest.Url("/workspace", office.Id, year, saved.Quarter ?? quarter) + "&saved=report",
                (failed, status) => RenderAsync(web, office, year, quarter, failed, status, null));
        });

        app.MapPage("/workspace/reports/{id:long}/edit", async web =>
        {
            var report = await web.Mediator.Send(new GetReportQuery(WorkspacePages.RouteId(web)), web.Aborted);
            if (report.Withdrawn) return await WorkspacePages.WithdrawnAsync(web);
            var office = await web.Mediator.Send(new GetOfficeQuery(report.OfficeId), web.Aborted);
            var values = new Dictionary<string, string?>
            {
                ["version"] = report.Version.ToString(CultureInfo.InvariantCulture), ["kind"] = report.Kind.ToString(),
                ["quarter"] = report.Quarter?.ToString(CultureInfo.InvariantCulture), ["submittedOn"] = WorkspacePages.Iso(report.SubmittedOn), ["notes"] = report.Notes,
            };
            WorkspacePages.EvidenceValues(values, report);
            return await RenderAsync(web, office, report.FiscalYear, report.Quarter ?? QuarterOfToday(web, report.FiscalYear), WebForm.Blank(web, values), StatusCodes.Status200OK, report.Id);
        });

        app.MapPagePost("/workspace/reports/{id:long}/edit", async web =>
        {
            var report = await web.Mediator.Send(new GetReportQuery(WorkspacePages.RouteId(web)), web.Aborted);
            var office = await web.Mediator.Send(new GetOfficeQuery(report.OfficeId), web.Aborted);
            var form = await WebForm.ReadAsync(web);
            await WorkspacePages.AttachEvidenceAsync(web, form, office.Id, "submittedOn");
            var back = report.Quarter ?? QuarterOfToday(web, report.FiscalYear);
            return await WorkspacePages.SaveAsync(web, form, new EditReportCommand(report.Id, form.Int("version"), Read(form, report.FiscalYear)),
                saved => PageRequest.Url("/workspace", office.Id, saved.FiscalYear, saved.Quarter ?? back) + "&saved=report",
                (failed, status) => RenderAsync(web, office, report.FiscalYear, back, failed, status, report.Id),
                async () => (await web.Mediator.Send(new GetReportQuery(report.Id), web.Aborted)).Version);
        });
        return app;
    }

    /// <summary>
    /// What the inputs hold, for the year the form is about. The quarter only belongs to a quarterly report; the
    /// select's value is ignored for the annual one.
    /// </summary>
    private static ReportFields Read(WebForm form, string fiscalYear)
    {
        ReportKind? kind = Enum.TryParse<ReportKind>(form.Value("kind"), out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        return new ReportFields
        {
            Kind = kind,
            FiscalYear = fiscalYear,
            Quarter = kind == ReportKind.AnnualProgress ? null : form.Int("quarter"),
            SubmittedOn = form.Date("submittedOn"),
            Notes = form.Text("notes"),
            HasEvidence = form.Checked("hasEvidence"),
            EvidenceIds = form.Ids("evidenceIds"),
        };
    }

    /// <summary>Where an annual report's workspace link leads: today's quarter when it is in that year, else the year's last.</summary>
    private static int QuarterOfToday(PageRequest web, string year)
    {
        var current = web.Calendar.CurrentQuarter;
        return current.Year.Name == year ? current.Number : 4;
    }

    private static async Task<IResult> RenderAsync(PageRequest web, Office office, string year, int quarter, WebForm form, int status, long? editing)
    {
        var action = editing is { } id ? WorkspaceRecords.EditUrl(RecordKind.Report, id) : PageRequest.Url("/workspace/reports/new", office.Id, year, quarter);
        var model = new ReportFormModel(office, year, form, action, PageRequest.Url("/workspace", office.Id, year, quarter))
        {
            HistoryUrl = editing is { } recordId ? WorkspaceRecords.HistoryUrl(RecordKind.Report, recordId) : null,
        };
        var title = editing is null ? web.Text.RecordReport : web.Text.EditReport;
        var frame = web.Frame($"{title}: {web.Name(office)}", "workspace");
        return await web.RenderAsync<ReportForm>(new() { ["Frame"] = frame, ["Model"] = model, ["Attached"] = await WorkspacePages.AttachedAsync(web, form) }, status);
    }
}
