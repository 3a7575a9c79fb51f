using System.Globalization;
using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Offices;
using CharterTracker.SpotChecks;

namespace CharterTracker.Web;

/// <summary>
/// The committee's spot checks: the year's list with the draw form (<c>/spot-checks</c>), a spot check with its
/// sample, findings, the repeated draw and the issue form (<c>/spot-checks/{id}</c>), and one finding's form.
/// Everyone who reads the office sees them; only its monitoring committee (and administrators) draw, record and issue.
/// </summary>
public static class SpotCheckPages
{
    public static IEndpointRouteBuilder MapSpotCheckPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/spot-checks", async web => await ListAsync(web, null, StatusCodes.Status200OK));
        app.MapPagePost("/spot-checks", async web =>
        {
            var form = await WebForm.ReadAsync(web);
            var (officeId, _, _) = await web.PeriodAsync();
            var check = await form.SendAsync(web, new DrawSpotCheckCommand
            {
                OfficeId = officeId ?? throw new BadPageRequestException(), FiscalYear = form.Text("fiscalYear"), Quarter = form.Int("quarter"), SampleSize = form.Int("sampleSize"),
            });
            return check is not null ? Results.Redirect($"/spot-checks/{Iso(check.Id)}") : await ListAsync(web, form, StatusCodes.Status400BadRequest);
        });

        app.MapPage("/spot-checks/{id:long}", async web => await DetailAsync(web, null, StatusCodes.Status200OK));
        app.MapPagePost("/spot-checks/{id:long}/issue", async web =>
        {
            var form = await WebForm.ReadAsync(web);
            var id = RouteLong(web, "id");
            var issued = await form.SendAsync(web, new IssueSpotCheckReportCommand
            {
                Id = id, MemoNumber = form.Text("memoNumber"), IssuedOn = form.Date("issuedOn"), Notes = form.Text("notes"),
                SignatoryName = form.Text("signatoryName"), SignatoryDesignation = form.Text("signatoryDesignation"),
            });
            return issued is not null ? Results.Redirect($"/spot-checks/{Iso(id)}?saved=report") : await DetailAsync(web, form, StatusCodes.Status400BadRequest);
        });

        app.MapPage("/spot-checks/{id:long}/items/{itemId:long}", async web =>
        {
            var (check, item) = await ItemAsync(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?>
            {
                ["checkedOn"] = (item.CheckedOn ?? web.Calendar.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["withinTimeLimit"] = YesNo(item.WithinTimeLimit), ["feeAsPublished"] = YesNo(item.FeeAsPublished), ["documentsAsPublished"] = YesNo(item.DocumentsAsPublished),
                ["note"] = item.Note, ["hasEvidence"] = item.HasEvidence ? "true" : null,
            });
            return await FindingAsync(web, check, item, form, StatusCodes.Status200OK);
        });
        app.MapPagePost("/spot-checks/{id:long}/items/{itemId:long}", async web =>
        {
            var (check, item) = await ItemAsync(web);
            var form = await WebForm.ReadAsync(web);
            var saved = await form.SendAsync(web, new RecordSpotCheckFindingCommand
            {
                Id = check.Id, ItemId = item.ItemId, CheckedOn = form.Date("checkedOn"), WithinTimeLimit = Answer(form, "withinTimeLimit"),
                FeeAsPublished = Answer(form, "feeAsPublished"), DocumentsAsPublished = Answer(form, "documentsAsPublished"), Note = form.Text("note"),
                HasEvidence = form.Checked("hasEvidence"),
            });
            return saved is not null ? Results.Redirect($"/spot-checks/{Iso(check.Id)}?saved=finding") : await FindingAsync(web, check, item, form, StatusCodes.Status400BadRequest);
        });
        return app;
    }

    private static string Iso(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static long RouteLong(PageRequest web, string name) =>
        long.TryParse(web.Http.Request.RouteValues[name]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new BadPageRequestException();

    private static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static bool? Answer(WebForm form, string name) => form.Value(name) switch { "yes" => true, "no" => false, _ => null };

    private static bool Oversees(PageRequest web) => web.Me.Role is Role.MonitoringCommittee or Role.SystemAdmin;

    private static async Task<IResult> ListAsync(PageRequest web, WebForm? failed, int status)
    {
        var (officeId, year, quarter) = await web.PeriodAsync();
        if (officeId is null) return await web.MessageAsync(SpotCheckText.Of(web.Text).SpotChecks, web.Text.NoOffice, StatusCodes.Status200OK, "dashboard");
        var office = await web.Mediator.Send(new GetOfficeQuery(officeId.Value), web.Aborted);
        var checks = await web.Mediator.Send(new ListSpotChecksQuery(office.Id, year), web.Aborted);
        var years = (await web.Mediator.Send(new ListActionPlansQuery(), web.Aborted))
            .Select(y => new PeriodLink(web.Text.Digits(y), $"/spot-checks?officeId={Iso(office.Id)}&fiscalYear={Uri.EscapeDataString(y)}", y == year)).ToList();
        var form = failed ?? (Oversees(web)
            ? WebForm.Blank(web, new Dictionary<string, string?> { ["fiscalYear"] = year, ["quarter"] = quarter.ToString(CultureInfo.InvariantCulture), ["sampleSize"] = "10" })
            : null);
        var model = new SpotChecksListModel(web.Name(office), office.Id, year, years, checks, form, $"/spot-checks?officeId={Iso(office.Id)}&fiscalYear={Uri.EscapeDataString(year)}");
        var frame = web.Frame($"{SpotCheckText.Of(web.Text).SpotChecks}: {web.Name(office)}", "dashboard");
        return await web.RenderAsync<SpotChecksPage>(new() { ["Frame"] = frame, ["Model"] = model }, status);
    }

    private static async Task<IResult> DetailAsync(PageRequest web, WebForm? failed, int status)
    {
        var id = RouteLong(web, "id");
        var check = await web.Mediator.Send(new GetSpotCheckQuery(id), web.Aborted);
        var verification = await web.Mediator.Send(new VerifySpotCheckDrawQuery(id), web.Aborted);
        var office = await web.Mediator.Send(new GetOfficeQuery(check.OfficeId), web.Aborted);
        var canRecord = Oversees(web) && !check.Issued;
        var form = failed ?? (canRecord
            ? WebForm.Blank(web, new Dictionary<string, string?> { ["issuedOn"] = web.Calendar.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
            : null);
        var model = new SpotCheckDetailModel(check, web.Name(office), verification, form, $"/spot-checks/{Iso(id)}/issue", canRecord);
        var frame = web.Frame($"{SpotCheckText.Of(web.Text).SpotCheck}: {web.Name(office)}, {web.Text.Digits(check.FiscalYear)} {web.Text.QuarterName(check.Quarter)}", "dashboard");
        return await web.RenderAsync<SpotCheckPage>(new() { ["Frame"] = frame, ["Model"] = model }, status);
    }

    private static async Task<(SpotCheck Check, SpotCheckItem Item)> ItemAsync(PageRequest web)
    {
        var check = await web.Mediator.Send(new GetSpotCheckQuery(RouteLong(web, "id")), web.Aborted);
        var itemId = RouteLong(web, "itemId");
        return (check, check.Items.FirstOrDefault(i => i.ItemId == itemId) ?? throw new Pipeline.NotFoundException($"Spot check {check.Id} has no item {itemId}."));
    }

    private static async Task<IResult> FindingAsync(PageRequest web, SpotCheck check, SpotCheckItem item, WebForm form, int status)
    {
        var model = new SpotCheckFindingModel(check, item, form, $"/spot-checks/{Iso(check.Id)}/items/{Iso(item.ItemId)}", $"/spot-checks/{Iso(check.Id)}");
        var frame = web.Frame($"{SpotCheckText.Of(web.Text).Record}: {(web.Text.Bengali || item.ServiceNameEn is null ? item.ServiceName : item.ServiceNameEn)}", "dashboard");
        return await web.RenderAsync<SpotCheckFindingPage>(new() { ["Frame"] = frame, ["Model"] = model }, status);
    }
}
