using CharterTracker.Meetings;
using CharterTracker.Offices;

namespace CharterTracker.Web;

/// <summary>The owner office reports a follow-up of a meeting done: the day, and a note.</summary>
internal static class FollowUpPages
{
    public static IEndpointRouteBuilder MapFollowUpPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/workspace/follow-ups/{id:long}/complete", async web =>
        {
            var (followUp, owner) = await OpenFollowUpAsync(web);
            if (followUp is null) return await web.MessageAsync(web.Text.CompleteFollowUpTitle, web.Text.FollowUpAlreadyDone, StatusCodes.Status409Conflict, "workspace");
            var form = WebForm.Blank(web, new Dictionary<string, string?> { ["doneOn"] = WorkspacePages.Iso(web.Calendar.Today) });
            return await RenderAsync(web, followUp, owner, form, StatusCodes.Status200OK);
        });

        app.MapPagePost("/workspace/follow-ups/{id:long}/complete", async web =>
        {
            var (followUp, owner) = await OpenFollowUpAsync(web);
            if (followUp is null) return await web.MessageAsync(web.Text.CompleteFollowUpTitle, web.Text.FollowUpAlreadyDone, StatusCodes.Status409Conflict, "workspace");
            var form = await WebForm.ReadAsync(web);
            return await WorkspacePages.SaveAsync(web, form,
                new CompleteFollowUpCommand { Id = followUp.Id, DoneOn = form.Date("doneOn"), Note = form.Text("note") },
                _ => BackUrl(web, owner) + "&saved=follow-up",
                (failed, status) => RenderAsync(web, followUp, owner, failed, status));
        });
        return app;
    }

    /// <summary>The follow-up while it is open, read through its owner's list (so only those who may read the owner office see it).</summary>
    private static async Task<(FollowUp? FollowUp, Office Owner)> OpenFollowUpAsync(PageRequest web)
    {
        var id = WorkspacePages.RouteId(web);
        var ownerId = await web.Mediator.Send(new GetFollowUpOwnerQuery(id), web.Aborted);
        var owner = await web.Mediator.Send(new GetOfficeQuery(ownerId), web.Aborted);
        var open = await web.Mediator.Send(new ListFollowUpsQuery(ownerId), web.Aborted);
        return (open.FirstOrDefault(f => f.Id == id), owner);
    }

    /// <summary>Back to the workspace the link came from (its office and period), or the owner's current one.</summary>
    private static string BackUrl(PageRequest web, Office owner)
    {
        var query = web.Http.Request.Query;
        var current = web.Calendar.CurrentQuarter;
        var officeId = long.TryParse(query["officeId"], out var fromLink) ? fromLink : owner.Id;
        var year = string.IsNullOrEmpty(query["fiscalYear"]) ? current.Year.Name : query["fiscalYear"].ToString();
        var quarter = int.TryParse(query["quarter"], out var q) && q is >= 1 and <= 4 ? q : current.Number;
        return PageRequest.Url("/workspace", officeId, year, quarter);
    }

    private static async Task<IResult> RenderAsync(PageRequest web, FollowUp followUp, Office owner, WebForm form, int status)
    {
        var action = $"/workspace/follow-ups/{WorkspacePages.Iso(followUp.Id)}/complete{web.Http.Request.QueryString}";
        var model = new CompleteFollowUpModel(followUp, web.Name(owner), form, action, BackUrl(web, owner));
        var frame = web.Frame($"{web.Text.CompleteFollowUpTitle}: {web.Name(owner)}", "workspace");
        return await web.RenderAsync<CompleteFollowUpPage>(new() { ["Frame"] = frame, ["Model"] = model }, status);
    }
}
