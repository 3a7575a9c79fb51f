using System.Globalization;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.CharterUpdates;
using CharterTracker.Evidence;
using CharterTracker.Offices;
using CharterTracker.Scoring;

namespace CharterTracker.Web;

/// <summary>The focal point's workspace: the quarter's checklist, and the forms that record what it asks for.</summary>
public static class WorkspacePages
{
    public static IEndpointRouteBuilder MapWorkspacePages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/workspace", async web =>
        {
            var (officeId, year, quarter) = await web.PeriodAsync();
            if (officeId is null) return await web.MessageAsync(web.Text.Workspace, web.Text.NoOffice, StatusCodes.Status200OK, "workspace");
            var office = await web.Mediator.Send(new GetOfficeQuery(officeId.Value), web.Aborted);
            var checklist = await web.Mediator.Send(new GetChecklistQuery(office.Id, year, quarter), web.Aborted);
            var items = checklist.Items.Select(item => new WorkspaceItem(item,
                RecordFormUrl(item.FedBy, office.Id, checklist.FiscalYear, item.Quarter ?? checklist.Quarter))).ToList();
            var model = new WorkspaceModel(office, checklist, items, web.Quarters("/workspace", office.Id, checklist.FiscalYear, checklist.Quarter),
                WebPage.Url("/dashboard", office.Id, checklist.FiscalYear, checklist.Quarter));
            var frame = web.Frame($"{web.Text.Workspace}: {web.Name(office)}", "workspace");
            return await web.RenderAsync<WorkspacePage>(new() { ["Frame"] = frame, ["Model"] = model });
        });

        app.MapPage("/workspace/charter-updates/new", async web =>
        {
            var (office, year, quarter) = await FormPeriodAsync(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?>
            {
                ["updatedOn"] = DefaultDate(web, year, quarter),
            });
            return await CharterUpdateFormAsync(web, office, year, quarter, form, StatusCodes.Status200OK);
        });

        app.MapPagePost("/workspace/charter-updates/new", async web =>
        {
            var (office, year, quarter) = await FormPeriodAsync(web);
            var form = await WebForm.ReadAsync(web);
            await AttachEvidenceAsync(web, form, office.Id, "updatedOn");
            var saved = await form.SendAsync(web, new RecordCharterUpdateCommand
            {
                OfficeId = office.Id,
                FiscalYear = year,
                Quarter = quarter,
                UpdatedOn = form.Date("updatedOn"),
                PortalReference = form.Text("portalReference"),
                Notes = form.Text("notes"),
                HasEvidence = form.Checked("hasEvidence"),
                EvidenceIds = form.Ids("evidenceIds"),
            });
            return saved is null
                ? await CharterUpdateFormAsync(web, office, year, quarter, form, StatusCodes.Status400BadRequest)
                : Results.Redirect(WebPage.Url("/workspace", office.Id, year, quarter) + "&saved=charter-update");
        });
        return app;
    }

    /// <summary>The form that records what an item asks for; null where other offices' records fulfil it.</summary>
    public static string? RecordFormUrl(ActivityFeed feed, long officeId, string year, int quarter) => feed switch
    {
        ActivityFeed.CharterUpdates => WebPage.Url("/workspace/charter-updates/new", officeId, year, quarter),
        _ => null,
    };

    /// <summary>A form's office and period come from its query string, like the checklist link that led to it.</summary>
    private static async Task<(Office Office, string Year, int Quarter)> FormPeriodAsync(WebPage web)
    {
        var calendar = web.Calendar;
        var (officeId, year, quarter) = await web.PeriodAsync();
        if (officeId is null || !calendar.TryParseYear(year, out var fiscalYear)) throw new BadPageRequestException();
        var office = await web.Mediator.Send(new GetOfficeQuery(officeId.Value), web.Aborted);
        return (office, fiscalYear.Name, quarter);
    }

    /// <summary>Today when it lies in the quarter, else the quarter's last day: the likeliest date of a record.</summary>
    private static string DefaultDate(WebPage web, string year, int quarter)
    {
        var calendar = web.Calendar;
        calendar.TryParseYear(year, out var fiscalYear);
        var period = fiscalYear.Quarter(quarter);
        var date = period.Contains(calendar.Today) ? calendar.Today : calendar.Today < period.Start ? period.Start : period.End;
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Stores a chosen file as evidence before the record is saved, and keeps its id in the form: when the record
    /// fails validation the page comes back with the file still attached, not asking for it again.
    /// </summary>
    private static async Task AttachEvidenceAsync(WebPage web, WebForm form, long officeId, string dateField)
    {
        if (form.File("file") is not { } file) return;
        var today = web.Calendar.Today;
        var evidenceDate = DateOnly.TryParseExact(form.Value(dateField), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date <= today
            ? date
            : today;
        await using var content = file.OpenReadStream();
        var stored = await form.SendAsync(web, new UploadEvidenceCommand
        {
            FileName = file.FileName, ContentType = file.ContentType, EvidenceDate = evidenceDate, OfficeId = officeId, Content = content,
        });
        if (stored is not null) form.Set("evidenceIds", string.Join(',', form.Ids("evidenceIds").Append(stored.Id)));
    }

    /// <summary>The files already attached to a form (kept across a failed save), by name.</summary>
    private static async Task<IReadOnlyList<EvidenceFile>> AttachedAsync(WebPage web, WebForm form)
    {
        var files = new List<EvidenceFile>();
        foreach (var id in form.Ids("evidenceIds"))
        {
            var download = await web.Mediator.Send(new GetEvidenceFileQuery(id), web.Aborted);
            await download.Content.DisposeAsync();
            files.Add(download.File);
        }
        return files;
    }

    private static async Task<IResult> CharterUpdateFormAsync(WebPage web, Office office, string year, int quarter, WebForm form, int status)
    {
        var model = new CharterUpdateFormModel(office, year, quarter, form, WebPage.Url("/workspace/charter-updates/new", office.Id, year, quarter),
            WebPage.Url("/workspace", office.Id, year, quarter));
        var frame = web.Frame($"{web.Text.RecordCharterUpdate}: {web.Name(office)}", "workspace");
        return await web.RenderAsync<CharterUpdateForm>(new() { ["Frame"] = frame, ["Model"] = model, ["Attached"] = await AttachedAsync(web, form) }, status);
    }
}
