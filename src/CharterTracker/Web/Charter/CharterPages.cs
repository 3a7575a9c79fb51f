using System.Globalization;
using System.Text;
using CharterTracker.Access;
using CharterTracker.Charters;
using CharterTracker.Offices;
using CharterTracker.Pipeline;

namespace CharterTracker.Web;

public sealed record CharterPageModel(Office Office, CharterVersion? Charter, IReadOnlyList<CharterVersionSummary> Versions, bool CanWrite, bool HasDraft);

public sealed record CharterDraftModel(Office Office, WebForm Form, CharterDraftRows Rows, string Action, string PublishAction, string ImportAction, string BackUrl,
    string? StartsFrom, WebForm PublishForm, WebForm ImportForm, bool Saved);

public sealed record CharterVersionsModel(Office Office, IReadOnlyList<CharterVersionSummary> Versions);

public sealed record CharterChangesModel(Office Office, CharterChanges Changes, IReadOnlyList<int> Published, IReadOnlyDictionary<long, string> Names);

public sealed record SubtreeCharterChangesModel(Office Office, string FiscalYear, int Quarter, IReadOnlyList<PublishedCharterChange> Rows, IReadOnlyList<PeriodLink> Quarters);

/// <summary>
/// The charter pages: the office's current charter (any reader of the office), its draft with add and remove rows,
/// publishing and CSV import (its focal points), its versions and what changed between two; and the committee's list
/// of the charter changes across its subtree in a quarter.
/// </summary>
public static class CharterPages
{
    public static string OfficeUrl(long officeId, string rest = "") => $"/charter/offices/{officeId.ToString(CultureInfo.InvariantCulture)}{rest}";

    public static IEndpointRouteBuilder MapCharterPages(this IEndpointRouteBuilder app)
    {
        // The menu's entry: a focal point to its office's charter, everyone else to the changes across their subtree.
        app.MapPage("/charter", async web =>
        {
            var (officeId, _, _) = await web.PeriodAsync();
            if (officeId is null) return await web.MessageAsync(web.Text.Charter, web.Text.NoOffice, StatusCodes.Status200OK, "charter");
            return Results.Redirect(web.Me.Role == Role.FocalPoint ? OfficeUrl(officeId.Value) : $"/charter/changes?officeId={officeId.Value.ToString(CultureInfo.InvariantCulture)}");
        });

        app.MapPage("/charter/offices/{officeId:long}", async web =>
        {
            var office = await OfficeAsync(web);
            var version = web.Http.Request.Query["version"].ToString() is { Length: > 0 } asked ? Number(asked) : (int?)null;
            var versions = await web.Mediator.Send(new ListCharterVersionsQuery(office.Id), web.Aborted);
            var charter = versions.Any(v => v.Status == "Published") || version is not null
                ? await web.Mediator.Send(new GetCharterQuery(office.Id, version), web.Aborted)
                : null;
            var model = new CharterPageModel(office, charter, versions, CanWrite(web), versions.Any(v => v.Status == "Draft"));
            return await web.RenderAsync<CharterPage>(new() { ["Frame"] = web.Frame(web.Text.CharterOf(web.Name(office)), "charter"), ["Model"] = model });
        });

        app.MapPage("/charter/offices/{officeId:long}/draft", async web =>
        {
            var office = await OfficeAsync(web);
            var start = await web.Mediator.Send(new GetCharterDraftForEditingQuery(office.Id), web.Aborted);
            var (values, rows) = CharterDraftForm.ValuesOf(start);
            var startsFrom = start is null ? web.Text.DraftStartsBlank : start.Status == "Draft" ? null : web.Text.DraftStartsFromLatest;
            return await RenderDraftAsync(web, office, WebForm.Blank(web, values), rows, startsFrom, StatusCodes.Status200OK,
                saved: web.Http.Request.Query["saved"].ToString() == "draft");
        });

        app.MapPagePost("/charter/offices/{officeId:long}/draft", async web =>
        {
            var office = await OfficeAsync(web);
            var form = await WebForm.ReadAsync(web);
            if (CharterDraftForm.Grow(form) is { } grown) return await RenderDraftAsync(web, office, form, grown, null, StatusCodes.Status200OK);
            var rows = CharterDraftForm.Compact(form);
            var command = new SaveCharterDraftCommand(office.Id, form.Int("revision"), CharterDraftForm.Read(form, rows));
            var saved = await form.SendAsync(web, command);
            if (saved is not null) return Results.Redirect(OfficeUrl(office.Id, "/draft?saved=draft"));
            var status = StatusCodes.Status400BadRequest;
            if (form.ErrorsOf("revision").Count > 0)
            {
                // Someone saved or published meanwhile: the form comes back with their revision, the user's text kept.
                var current = await web.Mediator.Send(new GetCharterDraftForEditingQuery(office.Id), web.Aborted);
                form.Set("revision", current?.Status == "Draft" ? current.Revision.ToString(CultureInfo.InvariantCulture) : null);
                status = StatusCodes.Status409Conflict;
            }
            return await RenderDraftAsync(web, office, form, CharterDraftForm.AtLeastOne(rows), null, status);
        });

        app.MapPagePost("/charter/offices/{officeId:long}/publish", async web =>
        {
            var office = await OfficeAsync(web);
            var publish = await WebForm.ReadAsync(web);
            var published = await publish.SendAsync(web, new PublishCharterDraftCommand
            {
                OfficeId = office.Id, PublishedOn = publish.Date("publishedOn"), Revision = publish.Int("revision"),
            });
            if (published is not null) return Results.Redirect(OfficeUrl(office.Id, $"/changes?to={published.Version.ToString(CultureInfo.InvariantCulture)}"));
            return await RenderStoredDraftAsync(web, office, publish, publishForm: publish);
        });

        app.MapPagePost("/charter/offices/{officeId:long}/import", async web =>
        {
            var office = await OfficeAsync(web);
            var upload = await WebForm.ReadAsync(web);
            var csv = "";
            if (upload.File("file") is { } file)
            {
                using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
                csv = await reader.ReadToEndAsync(web.Aborted);
            }
            var imported = await upload.SendAsync(web, new ImportCharterServicesCommand(office.Id, csv, upload.Int("revision")));
            if (imported is not null) return Results.Redirect(OfficeUrl(office.Id, "/draft?saved=draft"));
            return await RenderStoredDraftAsync(web, office, upload, importForm: upload);
        });

        app.MapPage("/charter/offices/{officeId:long}/versions", async web =>
        {
            var office = await OfficeAsync(web);
            var versions = await web.Mediator.Send(new ListCharterVersionsQuery(office.Id), web.Aborted);
            return await web.RenderAsync<CharterVersionsPage>(new()
            {
                ["Frame"] = web.Frame($"{web.Text.Versions}: {web.Name(office)}", "charter"), ["Model"] = new CharterVersionsModel(office, versions),
            });
        });

        app.MapPage("/charter/offices/{officeId:long}/changes", async web =>
        {
            var office = await OfficeAsync(web);
            var query = web.Http.Request.Query;
            int? from = query["from"].ToString() is { Length: > 0 } f ? Number(f) : null;
            int? to = query["to"].ToString() is { Length: > 0 } t ? Number(t) : null;
            var changes = await web.Mediator.Send(new GetCharterChangesQuery(office.Id, from, to), web.Aborted);
            var versions = await web.Mediator.Send(new ListCharterVersionsQuery(office.Id), web.Aborted);
            // Removed services are named as the earlier version printed them; the rest as the later one.
            var names = changes.Removed.Concat(changes.Added).ToDictionary(s => s.ServiceId, s => web.Text.Bengali ? s.NameBn : s.NameEn ?? s.NameBn);
            foreach (var c in changes.Changed) names.TryAdd(c.ServiceId, web.Text.Bengali ? c.NameBn : c.NameEn ?? c.NameBn);
            var model = new CharterChangesModel(office, changes, versions.Where(v => v.Status == "Published").Select(v => v.Version).ToList(), names);
            return await web.RenderAsync<CharterChangesPage>(new()
            {
                ["Frame"] = web.Frame($"{web.Text.ChangesBetween(changes.From, changes.To)}: {web.Name(office)}", "charter"), ["Model"] = model,
            });
        });

        app.MapPage("/charter/changes", async web =>
        {
            var (officeId, year, quarter) = await web.PeriodAsync();
            if (officeId is null) return await web.MessageAsync(web.Text.Charter, web.Text.NoOffice, StatusCodes.Status200OK, "charter");
            var office = await web.Mediator.Send(new GetOfficeQuery(officeId.Value), web.Aborted);
            var rows = await web.Mediator.Send(new ListSubtreeCharterChangesQuery(office.Id, year, quarter), web.Aborted);
            var model = new SubtreeCharterChangesModel(office, year, quarter, rows, web.Quarters("/charter/changes", office.Id, year, quarter));
            return await web.RenderAsync<SubtreeCharterChangesPage>(new()
            {
                ["Frame"] = web.Frame($"{web.Text.SubtreeCharterChanges}: {web.Name(office)}", "charter"), ["Model"] = model,
            });
        });
        return app;
    }

    private static bool CanWrite(PageRequest web) => web.Me.Role is Role.FocalPoint or Role.SystemAdmin;

    private static async Task<Office> OfficeAsync(PageRequest web) =>
        await web.Mediator.Send(new GetOfficeQuery(long.TryParse(web.Http.GetRouteValue("officeId")?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : throw new BadPageRequestException()), web.Aborted);

    private static int Number(string text) =>
        int.TryParse(Calendar.BengaliDigits.ToLatin(text), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100_000 ? n : throw new BadPageRequestException();

    /// <summary>The draft as stored, below a publish or import form that failed (409 when the draft moved on meanwhile).</summary>
    private static async Task<IResult> RenderStoredDraftAsync(PageRequest web, Office office, WebForm failed, WebForm? publishForm = null, WebForm? importForm = null)
    {
        var start = await web.Mediator.Send(new GetCharterDraftForEditingQuery(office.Id), web.Aborted);
        var (values, rows) = CharterDraftForm.ValuesOf(start);
        return await RenderDraftAsync(web, office, WebForm.Blank(web, values), rows, null,
            failed.ErrorsOf("revision").Count > 0 ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, publishForm: publishForm, importForm: importForm);
    }

    private static async Task<IResult> RenderDraftAsync(PageRequest web, Office office, WebForm form, CharterDraftRows rows, string? startsFrom, int status,
        bool saved = false, WebForm? publishForm = null, WebForm? importForm = null)
    {
        publishForm ??= WebForm.Blank(web, new Dictionary<string, string?> { ["publishedOn"] = web.Calendar.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        publishForm.Set("revision", form.Value("revision") is { Length: > 0 } revision ? revision : null);
        importForm ??= WebForm.Blank(web, new Dictionary<string, string?>());
        importForm.Set("revision", form.Value("revision") is { Length: > 0 } r ? r : null);
        var model = new CharterDraftModel(office, form, rows, OfficeUrl(office.Id, "/draft"), OfficeUrl(office.Id, "/publish"), OfficeUrl(office.Id, "/import"),
            OfficeUrl(office.Id), startsFrom, publishForm, importForm, saved);
        return await web.RenderAsync<CharterDraftPage>(new() { ["Frame"] = web.Frame(web.Text.DraftOf(web.Name(office)), "charter"), ["Model"] = model }, status);
    }
}
