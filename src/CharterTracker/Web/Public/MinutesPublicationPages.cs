using System.Globalization;
using CharterTracker.Documents;
using CharterTracker.Meetings;
using CharterTracker.Offices;

namespace CharterTracker.Web;

/// <summary>The focal point puts a meeting's minutes on the office's public page, or takes them off (<c>/workspace/meetings/{id}/publication</c>).</summary>
public static class MinutesPublicationPages
{
    public static IEndpointRouteBuilder MapMinutesPublicationPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/workspace/meetings/{id:long}/publication", async web => await RenderAsync(web, null));
        app.MapPagePost("/workspace/meetings/{id:long}/publication", async web =>
        {
            var form = await WebForm.ReadAsync(web);
            var id = WorkspacePages.RouteId(web);
            var saved = await form.SendAsync(web, new SetMinutesPublicationCommand { MeetingId = id, Published = form.Value("published") == "true" });
            return saved is not null ? Results.Redirect($"/workspace/meetings/{id.ToString(CultureInfo.InvariantCulture)}/publication?saved=publication") : await RenderAsync(web, form);
        });
        return app;
    }

    private static async Task<IResult> RenderAsync(PageRequest web, WebForm? failed)
    {
        var id = WorkspacePages.RouteId(web);
        var meeting = await web.Mediator.Send(new GetMeetingQuery(id), web.Aborted);
        var publication = await web.Mediator.Send(new GetMinutesPublicationQuery(id), web.Aborted);
        var office = await web.Mediator.Send(new GetOfficeQuery(meeting.OfficeId), web.Aborted);
        var back = PageRequest.Url("/workspace", office.Id, meeting.FiscalYear, meeting.Quarter);
        var model = new MinutesPublicationModel(id, meeting.Title ?? web.Text.MeetingKindName(meeting.Kind), publication.Published,
            $"/public/offices/{Uri.EscapeDataString(office.Code)}", failed?.Token ?? web.AntiforgeryToken(), $"/workspace/meetings/{id.ToString(CultureInfo.InvariantCulture)}/publication", back);
        var frame = web.Frame($"{SpotCheckText.Of(web.Text).MinutesPublication}: {web.Name(office)}", "workspace");
        return await web.RenderAsync<MinutesPublicationPage>(new() { ["Frame"] = frame, ["Model"] = model, ["Form"] = failed },
            failed is null ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }
}
