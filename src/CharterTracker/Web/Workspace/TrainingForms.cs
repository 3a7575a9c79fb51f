using System.Globalization;
using CharterTracker.Activities;
using CharterTracker.Offices;
using CharterTracker.Trainings;

namespace CharterTracker.Web;

/// <summary>Record a workshop, training or seminar (indicators 2.1.1 / 2.1.2), and correct one.</summary>
internal static class TrainingForms
{
    public static IEndpointRouteBuilder MapTrainingForms(this IEndpointRouteBuilder app)
    {
        app.MapPage("/workspace/trainings/new", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?> { ["heldOn"] = WorkspacePages.DefaultDate(web, year, quarter) });
            return await RenderAsync(web, office, year, quarter, form, StatusCodes.Status200OK, null);
        });

        app.MapPagePost("/workspace/trainings/new", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var form = await WebForm.ReadAsync(web);
            await WorkspacePages.AttachEvidenceAsync(web, form, office.Id, "heldOn");
            return await WorkspacePages.SaveAsync(web, form, new RecordTrainingCommand(office.Id, Read(form, year)),
                _ => PageRequest.Url("/workspace", office.Id, year, quarter) + "&saved=training",
                (failed, status) => RenderAsync(web, office, year, quarter, failed, status, null));
        });

        app.MapPage("/workspace/trainings/{id:long}/edit", async web =>
        {
            var training = await web.Mediator.Send(new GetTrainingQuery(WorkspacePages.RouteId(web)), web.Aborted);
            if (training.Withdrawn) return await WorkspacePages.WithdrawnAsync(web);
            var office = await web.Mediator.Send(new GetOfficeQuery(training.OfficeId), web.Aborted);
            var values = new Dictionary<string, string?>
            {
                ["version"] = training.Version.ToString(CultureInfo.InvariantCulture), ["kind"] = training.Kind.ToString(), ["heldOn"] = WorkspacePages.Iso(training.HeldOn),
                ["title"] = training.Title, ["participants"] = training.Participants.ToString(CultureInfo.InvariantCulture),
                ["officesRepresented"] = string.Join(',', training.OfficesRepresented),
            };
            WorkspacePages.EvidenceValues(values, training);
            return await RenderAsync(web, office, training.FiscalYear, training.Quarter, WebForm.Blank(web, values), StatusCodes.Status200OK, training.Id);
        });

        app.MapPagePost("/workspace/trainings/{id:long}/edit", async web =>
        {
            var training = await web.Mediator.Send(new GetTrainingQuery(WorkspacePages.RouteId(web)), web.Aborted);
            var office = await web.Mediator.Send(new GetOfficeQuery(training.OfficeId), web.Aborted);
            var form = await WebForm.ReadAsync(web);
            await WorkspacePages.AttachEvidenceAsync(web, form, office.Id, "heldOn");
            return await WorkspacePages.SaveAsync(web, form, new EditTrainingCommand(training.Id, form.Int("version"), Read(form, training.FiscalYear)),
                saved => PageRequest.Url("/workspace", office.Id, saved.FiscalYear, saved.Quarter) + "&saved=training",
                (failed, status) => RenderAsync(web, office, training.FiscalYear, training.Quarter, failed, status, training.Id),
                async () => (await web.Mediator.Send(new GetTrainingQuery(training.Id), web.Aborted)).Version);
        });
        return app;
    }

    /// <summary>What the inputs hold, for the year the form is about (the quarter follows from the date).</summary>
    private static TrainingFields Read(WebForm form, string fiscalYear) => new()
    {
        Kind = Enum.TryParse<TrainingKind>(form.Value("kind"), out var kind) && Enum.IsDefined(kind) ? kind : null,
        FiscalYear = fiscalYear,
        HeldOn = form.Date("heldOn"),
        Title = form.Text("title"),
        Participants = form.Int("participants"),
        OfficesRepresented = form.Ids("officesRepresented"),
        HasEvidence = form.Checked("hasEvidence"),
        EvidenceIds = form.Ids("evidenceIds"),
    };

    private static async Task<IResult> RenderAsync(PageRequest web, Office office, string year, int quarter, WebForm form, int status, long? editing)
    {
        var action = editing is { } id ? WorkspaceRecords.EditUrl(RecordKind.Training, id) : PageRequest.Url("/workspace/trainings/new", office.Id, year, quarter);
        // The subordinate offices whose staff can take part (internal branches are part of the office itself), and any
        // office the record already names.
        var subordinates = (await web.Mediator.Send(new ListOfficeChildrenQuery(office.Id), web.Aborted))
            .Where(child => child.Kind != OfficeKind.Branch).Select(child => (child.Id, web.Name(child))).ToList();
        foreach (var named in form.Ids("officesRepresented").Where(named => subordinates.All(s => s.Id != named)))
        {
            subordinates.Add((named, await WorkspaceRecords.OfficeNameAsync(web, named)));
        }
        var model = new TrainingFormModel(office, year, form, action, PageRequest.Url("/workspace", office.Id, year, quarter), subordinates)
        {
            HistoryUrl = editing is { } recordId ? WorkspaceRecords.HistoryUrl(RecordKind.Training, recordId) : null,
        };
        var title = editing is null ? web.Text.RecordTraining : web.Text.EditTraining;
        var frame = web.Frame($"{title}: {web.Name(office)}", "workspace");
        return await web.RenderAsync<TrainingForm>(new() { ["Frame"] = frame, ["Model"] = model, ["Attached"] = await WorkspacePages.AttachedAsync(web, form) }, status);
    }
}
