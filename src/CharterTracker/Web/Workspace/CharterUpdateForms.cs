using CharterTracker.Activities;
using CharterTracker.CharterUpdates;
using CharterTracker.Offices;

namespace CharterTracker.Web;

/// <summary>Record a charter update (indicator 1.1.1), and correct one.</summary>
internal static class CharterUpdateForms
{
    public static IEndpointRouteBuilder MapCharterUpdateForms(this IEndpointRouteBuilder app)
    {
        app.MapPage("/workspace/charter-updates/new", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?> { ["updatedOn"] = WorkspacePages.DefaultDate(web, year, quarter) });
            return await RenderAsync(web, office, year, quarter, form, StatusCodes.Status200OK, null);
        });

        app.MapPagePost("/workspace/charter-updates/new", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var form = await WebForm.ReadAsync(web);
            await WorkspacePages.AttachEvidenceAsync(web, form, office.Id, "updatedOn");
            return await WorkspacePages.SaveAsync(web, form, new RecordCharterUpdateCommand(office.Id, Read(form, year, quarter)),
                _ => PageRequest.Url("/workspace", office.Id, year, quarter) + "&saved=charter-update",
                (failed, status) => RenderAsync(web, office, year, quarter, failed, status, null));
        });

        app.MapPage("/workspace/charter-updates/{id:long}/edit", async web =>
        {
            var update = await web.Mediator.Send(new GetCharterUpdateQuery(WorkspacePages.RouteId(web)), web.Aborted);
            if (update.Withdrawn) return await WorkspacePages.WithdrawnAsync(web);
            var office = await web.Mediator.Send(new GetOfficeQuery(update.OfficeId), web.Aborted);
            var values = new Dictionary<string, string?>
            {
                ["version"] = update.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["updatedOn"] = WorkspacePages.Iso(update.UpdatedOn), ["portalReference"] = update.PortalReference, ["notes"] = update.Notes,
            };
            WorkspacePages.EvidenceValues(values, update);
            return await RenderAsync(web, office, update.FiscalYear, update.Quarter, WebForm.Blank(web, values), StatusCodes.Status200OK, update.Id);
        });

        app.MapPagePost("/workspace/charter-updates/{id:long}/edit", async web =>
        {
            var update = await web.Mediator.Send(new GetCharterUpdateQuery(WorkspacePages.RouteId(web)), web.Aborted);
            var office = await web.Mediator.Send(new GetOfficeQuery(update.OfficeId), web.Aborted);
            var form = await WebForm.ReadAsync(web);
            await WorkspacePages.AttachEvidenceAsync(web, form, office.Id, "updatedOn");
            return await WorkspacePages.SaveAsync(web, form, new EditCharterUpdateCommand(update.Id, form.Int("version"), Read(form, update.FiscalYear, update.Quarter)),
                saved => PageRequest.Url("/workspace", office.Id, saved.FiscalYear, saved.Quarter) + "&saved=charter-update",
                (failed, status) => RenderAsync(web, office, update.FiscalYear, update.Quarter, failed, status, update.Id),
                async () => (await web.Mediator.Send(new GetCharterUpdateQuery(update.Id), web.Aborted)).Version);
        });
        return app;
    }

    /// <summary>What the inputs hold, for the period the form is about.</summary>
    private static CharterUpdateFields Read(WebForm form, string fiscalYear, int quarter) => new()
    {
        FiscalYear = fiscalYear,
        Quarter = quarter,
        UpdatedOn = form.Date("updatedOn"),
        PortalReference = form.Text("portalReference"),
        Notes = form.Text("notes"),
        HasEvidence = form.Checked("hasEvidence"),
        EvidenceIds = form.Ids("evidenceIds"),
    };

    private static async Task<IResult> RenderAsync(PageRequest web, Office office, string year, int quarter, WebForm form, int status, long? editing)
    {
        var action = editing is { } id ? WorkspaceRecords.EditUrl(RecordKind.CharterUpdate, id) : PageRequest.Url("/workspace/charter-updates/new", office.Id, year, quarter);
        var model = new CharterUpdateFormModel(office, year, quarter, form, action, PageRequest.Url("/workspace", office.Id, year, quarter))
        {
            HistoryUrl = editing is { } recordId ? WorkspaceRecords.HistoryUrl(RecordKind.CharterUpdate, recordId) : null,
        };
        var title = editing is null ? web.Text.RecordCharterUpdate : web.Text.EditCharterUpdate;
        var frame = web.Frame($"{title}: {web.Name(office)}", "workspace");
        return await web.RenderAsync<CharterUpdateForm>(new() { ["Frame"] = frame, ["Model"] = model, ["Attached"] = await WorkspacePages.AttachedAsync(web, form) }, status);
    }
}
