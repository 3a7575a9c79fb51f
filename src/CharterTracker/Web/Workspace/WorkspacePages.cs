using System.Globalization;
using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Evidence;
using CharterTracker.Meetings;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;
using MediatR;

namespace CharterTracker.Web;

/// <summary>
/// The focal point's workspace: the offices it records for, each quarter's checklist with the records and open
/// follow-ups of the period, and the forms that record, correct and withdraw what the checklist asks for.
/// </summary>
public static class WorkspacePages
{
    public static IEndpointRouteBuilder MapWorkspacePages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/workspace", async web =>
        {
            var mine = await web.Mediator.Send(new ListMyOfficesQuery(), web.Aborted);
            // A user writing for several offices chooses one first; a link with officeId goes straight to its checklist.
            if (string.IsNullOrEmpty(web.Http.Request.Query["officeId"]) && mine.Count > 1) return await MyOfficesAsync(web, mine);

            var (officeId, year, quarter) = await web.PeriodAsync();
            if (string.IsNullOrEmpty(web.Http.Request.Query["officeId"]) && mine.Count == 1) officeId = mine[0].Office.Id;
            if (officeId is null) return await web.MessageAsync(web.Text.Workspace, web.Text.NoOffice, StatusCodes.Status200OK, "workspace");
            var office = await web.Mediator.Send(new GetOfficeQuery(officeId.Value), web.Aborted);
            var checklist = await web.Mediator.Send(new GetChecklistQuery(office.Id, year, quarter), web.Aborted);
            var items = checklist.Items.Select(item => new WorkspaceItem(item,
                CanWrite(web) ? RecordFormUrl(item.FedBy, office.Id, checklist.FiscalYear, item.Quarter ?? checklist.Quarter) : null)).ToList();
            var model = new WorkspaceModel(office, checklist, items, web.Quarters("/workspace", office.Id, checklist.FiscalYear, checklist.Quarter),
                PageRequest.Url("/dashboard", office.Id, checklist.FiscalYear, checklist.Quarter))
            {
                MyOffices = mine.Count > 1
                    ? mine.Select(m => new OfficeLink(web.Name(m.Office), PageRequest.Url("/workspace", m.Office.Id, checklist.FiscalYear, checklist.Quarter), m.Office.Id == office.Id)).ToList()
                    : [],
                Records = await WorkspaceRecords.OfPeriodAsync(web, office, checklist.FiscalYear, checklist.Quarter),
                FollowUps = await WorkspaceRecords.FollowUpsAsync(web, office, checklist.FiscalYear, checklist.Quarter),
            };
            var frame = web.Frame($"{web.Text.Workspace}: {web.Name(office)}", "workspace");
            return await web.RenderAsync<WorkspacePage>(new() { ["Frame"] = frame, ["Model"] = model });
        });

        app.MapCharterUpdateForms();
        app.MapMeetingForms();
        app.MapTrainingForms();
        app.MapReportForms();
        app.MapRecordPages();
        app.MapFollowUpPages();
        return app;
    }

    /// <summary>The offices the user records for, each with this quarter's progress, to choose from.</summary>
    private static async Task<IResult> MyOfficesAsync(PageRequest web, IReadOnlyList<MyOffice> mine)
    {
        var (_, year, quarter) = await web.PeriodAsync();
        var cards = new List<MyOfficeCard>();
        string fiscalYear = year;
        foreach (var mineOffice in mine)
        {
            var checklist = await web.Mediator.Send(new GetChecklistQuery(mineOffice.Office.Id, year, quarter), web.Aborted);
            fiscalYear = checklist.FiscalYear;
            cards.Add(new MyOfficeCard(mineOffice, checklist.Items.Count(i => i.Status is ItemStatus.Done or ItemStatus.Late), checklist.Items.Count,
                PageRequest.Url("/workspace", mineOffice.Office.Id, checklist.FiscalYear, quarter)));
        }
        var quarters = Enumerable.Range(1, 4)
            .Select(q => new PeriodLink(web.Text.QuarterName(q), $"/workspace?fiscalYear={Uri.EscapeDataString(fiscalYear)}&quarter={q.ToString(CultureInfo.InvariantCulture)}", q == quarter))
            .ToList();
        var model = new MyOfficesModel(fiscalYear, quarter, cards, quarters);
        return await web.RenderAsync<MyOfficesPage>(new() { ["Frame"] = web.Frame(web.Text.MyOffices, "workspace"), ["Model"] = model });
    }

    /// <summary>The form that records what an item asks for; null where other offices' records fulfil it.</summary>
    public static string? RecordFormUrl(ActivityFeed feed, long officeId, string year, int quarter) => feed switch
    {
        ActivityFeed.CharterUpdates => PageRequest.Url("/workspace/charter-updates/new", officeId, year, quarter),
        ActivityFeed.SubordinateCoordinationMeetings => PageRequest.Url("/workspace/meetings/new", officeId, year, quarter) + "&kind=" + nameof(MeetingKind.SubordinateCoordination),
        ActivityFeed.StakeholderAwarenessMeetings => PageRequest.Url("/workspace/meetings/new", officeId, year, quarter) + "&kind=" + nameof(MeetingKind.StakeholderAwareness),
        ActivityFeed.Trainings => PageRequest.Url("/workspace/trainings/new", officeId, year, quarter),
        ActivityFeed.QuarterlyImplementationReports => PageRequest.Url("/workspace/reports/new", officeId, year, quarter) + "&kind=" + nameof(Reports.ReportKind.QuarterlyImplementation),
        ActivityFeed.AnnualProgressReports => PageRequest.Url("/workspace/reports/new", officeId, year, quarter) + "&kind=" + nameof(Reports.ReportKind.AnnualProgress),
        ActivityFeed.KaizenCases => PageRequest.Url("/workspace/kaizen/new", officeId, year, quarter),
        _ => null,
    };

    /// <summary>Whether to offer the record, edit and withdraw links: only a focal point or an administrator writes (the commands check the office).</summary>
    internal static bool CanWrite(PageRequest web) => web.Me.Role is Role.FocalPoint or Role.SystemAdmin;

    /// <summary>A form's office and period come from its query string, like the checklist link that led to it.</summary>
    internal static async Task<(Office Office, string Year, int Quarter)> FormPeriodAsync(PageRequest web)
    {
        var calendar = web.Calendar;
        var (officeId, year, quarter) = await web.PeriodAsync();
        if (officeId is null || !calendar.TryParseYear(year, out var fiscalYear)) throw new BadPageRequestException();
        var office = await web.Mediator.Send(new GetOfficeQuery(officeId.Value), web.Aborted);
        return (office, fiscalYear.Name, quarter);
    }

    /// <summary>The record id of a route such as <c>/workspace/meetings/{id}/edit</c>.</summary>
    internal static long RouteId(PageRequest web) =>
        long.TryParse(web.Http.Request.RouteValues["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new BadPageRequestException();

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Iso(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Today when it lies in the quarter, else the quarter's last day: the likeliest date of a record.</summary>
    internal static string DefaultDate(PageRequest web, string year, int quarter)
    {
        var calendar = web.Calendar;
        var period = calendar.Year(year).Quarter(quarter);
        var date = period.Contains(calendar.Today) ? calendar.Today : calendar.Today < period.Start ? period.Start : period.End;
        return Iso(date);
    }

    /// <summary>
    /// Stores a chosen file as evidence before the record is saved, and keeps its id in the form: when the record
    /// fails validation the page comes back with the file still attached, not asking for it again.
    /// </summary>
    internal static async Task AttachEvidenceAsync(PageRequest web, WebForm form, long officeId, string dateField)
    {
        if (form.File("file") is not { } file) return;
        var today = web.Calendar.Today;
        var evidenceDate = TypedInput.TryDate(form.Value(dateField), out var date) && date <= today
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
    internal static async Task<IReadOnlyList<EvidenceFile>> AttachedAsync(PageRequest web, WebForm form)
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

    /// <summary>The evidence fields of a stored record: its files, and the paper box ticked only when there are none.</summary>
    internal static void EvidenceValues(Dictionary<string, string?> values, RecordMetadata record)
    {
        values["evidenceIds"] = record.EvidenceIds.Count > 0 ? string.Join(',', record.EvidenceIds) : null;
        values["hasEvidence"] = record.HasEvidence && record.EvidenceIds.Count == 0 ? "true" : null;
    }

    /// <summary>
    /// Sends a record's command. Saved: back to the workspace with the saved note. A stale version (someone changed
    /// the record since the form was opened): 409 with everything typed kept, and the form now carries the current
    /// version, so that saving again is a deliberate replacement. Anything else the user can correct: 400.
    /// </summary>
    internal static async Task<IResult> SaveAsync<T>(PageRequest web, WebForm form, IRequest<T> command, Func<T, string> savedUrl,
        Func<WebForm, int, Task<IResult>> render, Func<Task<int>>? currentVersion = null)
    {
        var saved = await form.SendAsync(web, command);
        if (saved is not null) return Results.Redirect(savedUrl(saved));
        if (currentVersion is not null && form.ErrorsOf("version").Count > 0)
        {
            form.Set("version", (await currentVersion()).ToString(CultureInfo.InvariantCulture));
            return await render(form, StatusCodes.Status409Conflict);
        }
        return await render(form, StatusCodes.Status400BadRequest);
    }

    /// <summary>A record that was withdrawn is not edited: a page says so (409) instead of a form that cannot save.</summary>
    internal static Task<IResult> WithdrawnAsync(PageRequest web) =>
        web.MessageAsync(web.Text.WithdrawnRecord, web.Text.WithdrawnCannotChange, StatusCodes.Status409Conflict, "workspace");
}
