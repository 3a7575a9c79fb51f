using System.Globalization;
using CharterTracker.Activities;
using CharterTracker.Kaizen;
using CharterTracker.Offices;

namespace CharterTracker.Web;

/// <summary>
/// The Kaizen pages: the focal point's register of an office's cases for a year, the form that records or edits a case
/// (team and measures as rows that grow by a round trip, or in the browser with workspace-rows.js), and the
/// committee's convention view of a subtree. History and withdrawal are the workspace's own record pages.
/// </summary>
public static class KaizenPages
{
    private static readonly string[] TeamFields = ["name", "designation"];
    private static readonly string[] MeasureFields = ["name", "unit", "before", "after", "better"];
    private const int MaxRows = 50;

    public static IEndpointRouteBuilder MapKaizenPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/workspace/kaizen", async web =>
        {
            var (office, year, _) = await WorkspacePages.FormPeriodAsync(web);
            var page = int.TryParse(web.Http.Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
            var cases = await web.Mediator.Send(new ListKaizenCasesQuery(office.Id, year) { Page = page }, web.Aborted);
            var files = (await web.Mediator.Send(new ListRecordEvidenceQuery(office.Id, year), web.Aborted)).Where(f => f.RecordKind == RecordKind.Kaizen).ToLookup(f => f.RecordId);
            var model = new KaizenRegisterModel(office, year, cases, files, RegisterUrl(office.Id, year), WorkspacePages.CanWrite(web) ? FormUrl(office.Id, year) : null,
                ConventionUrl(office.Id, year), YearLinks(web, "/workspace/kaizen", office.Id, year));
            return await web.RenderAsync<KaizenRegisterPage>(new() { ["Frame"] = web.Frame($"{new KaizenText(web.Text).Register}: {web.Name(office)}", "kaizen"), ["Model"] = model });
        });

        app.MapPage("/workspace/kaizen/new", async web =>
        {
            var (office, year, _) = await WorkspacePages.FormPeriodAsync(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?> { ["status"] = nameof(KaizenStatus.Implemented), ["measures[0].better"] = nameof(BetterWhen.Lower) });
            return await FormAsync(web, office, year, form, (1, 1), StatusCodes.Status200OK, null);
        });

        app.MapPagePost("/workspace/kaizen/new", async web =>
        {
            var (office, year, _) = await WorkspacePages.FormPeriodAsync(web);
            var form = await WebForm.ReadAsync(web);
            await WorkspacePages.AttachEvidenceAsync(web, form, office.Id, "implementedOn");
            if (AddRow(form) is { } grown) return await FormAsync(web, office, year, form, grown, StatusCodes.Status200OK, null);
            var rows = Compact(form);
            return await WorkspacePages.SaveAsync(web, form, new RecordKaizenCaseCommand(office.Id, Read(form, rows, year)),
                _ => RegisterUrl(office.Id, year) + "&saved=kaizen",
                (failed, status) => FormAsync(web, office, year, failed, AtLeastOne(rows), status, null));
        });

        app.MapPage("/workspace/kaizen/{id:long}/edit", async web =>
        {
            var kaizen = await web.Mediator.Send(new GetKaizenCaseQuery(WorkspacePages.RouteId(web)), web.Aborted);
            if (kaizen.Withdrawn) return await WorkspacePages.WithdrawnAsync(web);
            var office = await web.Mediator.Send(new GetOfficeQuery(kaizen.OfficeId), web.Aborted);
            var values = ValuesOf(kaizen);
            WorkspacePages.EvidenceValues(values, kaizen);
            return await FormAsync(web, office, kaizen.FiscalYear, WebForm.Blank(web, values), AtLeastOne((kaizen.Team.Count, kaizen.Measures.Count)), StatusCodes.Status200OK, kaizen.Id);
        });

        app.MapPagePost("/workspace/kaizen/{id:long}/edit", async web =>
        {
            var kaizen = await web.Mediator.Send(new GetKaizenCaseQuery(WorkspacePages.RouteId(web)), web.Aborted);
            var office = await web.Mediator.Send(new GetOfficeQuery(kaizen.OfficeId), web.Aborted);
            var form = await WebForm.ReadAsync(web);
            await WorkspacePages.AttachEvidenceAsync(web, form, office.Id, "implementedOn");
            if (AddRow(form) is { } grown) return await FormAsync(web, office, kaizen.FiscalYear, form, grown, StatusCodes.Status200OK, kaizen.Id);
            var rows = Compact(form);
            return await WorkspacePages.SaveAsync(web, form, new EditKaizenCaseCommand(kaizen.Id, form.Int("version"), Read(form, rows, kaizen.FiscalYear)),
                _ => RegisterUrl(office.Id, kaizen.FiscalYear) + "&saved=kaizen",
                (failed, status) => FormAsync(web, office, kaizen.FiscalYear, failed, AtLeastOne(rows), status, kaizen.Id),
                async () => (await web.Mediator.Send(new GetKaizenCaseQuery(kaizen.Id), web.Aborted)).Version);
        });

        app.MapPage("/kaizen/convention", async web =>
        {
            var (office, year, _) = await WorkspacePages.FormPeriodAsync(web);
            var convention = await web.Mediator.Send(new GetKaizenConventionQuery(office.Id, year), web.Aborted);
            var model = new KaizenConventionModel(office, convention, YearLinks(web, "/kaizen/convention", office.Id, year),
                $"/api/v1/offices/{WorkspacePages.Iso(office.Id)}/kaizen/convention.csv?fiscalYear={Uri.EscapeDataString(year)}&lang={web.Text.Language}",
                $"/api/v1/offices/{WorkspacePages.Iso(office.Id)}/kaizen/booklet.pdf?fiscalYear={Uri.EscapeDataString(year)}");
            return await web.RenderAsync<KaizenConventionPage>(new() { ["Frame"] = web.Frame($"{new KaizenText(web.Text).Convention}: {web.Name(office)}", "kaizen"), ["Model"] = model });
        });
        return app;
    }

    public static string RegisterUrl(long officeId, string year) => $"/workspace/kaizen?officeId={WorkspacePages.Iso(officeId)}&fiscalYear={Uri.EscapeDataString(year)}";

    private static string FormUrl(long officeId, string year) => $"/workspace/kaizen/new?officeId={WorkspacePages.Iso(officeId)}&fiscalYear={Uri.EscapeDataString(year)}";

    public static string ConventionUrl(long officeId, string year) => $"/kaizen/convention?officeId={WorkspacePages.Iso(officeId)}&fiscalYear={Uri.EscapeDataString(year)}";

    /// <summary>The year before, this year and the year after (up to today's), to move between a register's years.</summary>
    private static IReadOnlyList<PeriodLink> YearLinks(PageRequest web, string page, long officeId, string year)
    {
        var calendar = web.Calendar;
        var shown = calendar.Year(year);
        var years = new[] { calendar.YearOf(shown.Start.AddDays(-1)), shown, calendar.YearOf(shown.End.AddDays(1)) }
            .Where(y => y.Start <= calendar.Today).Select(y => y.Name).Distinct();
        return years.Select(y => new PeriodLink(web.Text.Digits(y), $"{page}?officeId={WorkspacePages.Iso(officeId)}&fiscalYear={Uri.EscapeDataString(y)}", y == shown.Name)).ToList();
    }

    private static async Task<IResult> FormAsync(PageRequest web, Office office, string year, WebForm form, (int Team, int Measures) rows, int status, long? editing)
    {
        var words = new KaizenText(web.Text);
        var action = editing is { } id ? WorkspaceRecords.EditUrl(RecordKind.Kaizen, id) : FormUrl(office.Id, year);
        var model = new KaizenFormModel(office, year, form, action, RegisterUrl(office.Id, year), rows.Team, rows.Measures)
        {
            HistoryUrl = editing is { } recordId ? WorkspaceRecords.HistoryUrl(RecordKind.Kaizen, recordId) : null,
        };
        var frame = web.Frame($"{(editing is null ? words.RecordCase : words.EditCase)}: {web.Name(office)}", "kaizen");
        return await web.RenderAsync<KaizenFormPage>(new() { ["Frame"] = frame, ["Model"] = model, ["Attached"] = await WorkspacePages.AttachedAsync(web, form) }, status);
    }

    /// <summary>What the inputs hold, as the case's fields (the lists already compacted: see <see cref="Compact"/>).</summary>
    private static KaizenCaseFields Read(WebForm form, (int Team, int Measures) rows, string year) => new()
    {
        FiscalYear = year,
        Title = form.Text("title"),
        Problem = form.Text("problem"),
        RootCause = form.Text("rootCause"),
        Change = form.Text("change"),
        Status = Enum.TryParse<KaizenStatus>(form.Value("status"), out var status) && Enum.IsDefined(status) ? status : null,
        ImplementedOn = form.Date("implementedOn"),
        AbandonedReason = form.Text("abandonedReason"),
        Team = Enumerable.Range(0, rows.Team).Select(i => (KaizenTeamMemberFields?)new KaizenTeamMemberFields
        {
            Name = form.Text($"team[{i}].name"), Designation = form.Text($"team[{i}].designation"),
        }).ToList(),
        Measures = Enumerable.Range(0, rows.Measures).Select(i => (KaizenMeasureFields?)new KaizenMeasureFields
        {
            Name = form.Text($"measures[{i}].name"), Unit = form.Text($"measures[{i}].unit"),
            Before = form.Text($"measures[{i}].before"), After = form.Text($"measures[{i}].after"),
            Better = Enum.TryParse<BetterWhen>(form.Value($"measures[{i}].better"), out var better) && Enum.IsDefined(better) ? better : null,
        }).ToList(),
        HasEvidence = form.Checked("hasEvidence"),
        EvidenceIds = form.Ids("evidenceIds"),
    };

    private static Dictionary<string, string?> ValuesOf(KaizenCase kaizen)
    {
        var values = new Dictionary<string, string?>
        {
            ["version"] = kaizen.Version.ToString(CultureInfo.InvariantCulture), ["title"] = kaizen.Title, ["problem"] = kaizen.Problem,
            ["rootCause"] = kaizen.RootCause, ["change"] = kaizen.Change, ["status"] = kaizen.Status.ToString(),
            ["implementedOn"] = kaizen.ImplementedOn is { } on ? WorkspacePages.Iso(on) : null, ["abandonedReason"] = kaizen.AbandonedReason,
        };
        for (var i = 0; i < kaizen.Team.Count; i++)
        {
            values[$"team[{i}].name"] = kaizen.Team[i].Name;
            values[$"team[{i}].designation"] = kaizen.Team[i].Designation;
        }
        for (var i = 0; i < kaizen.Measures.Count; i++)
        {
            var m = kaizen.Measures[i];
            values[$"measures[{i}].name"] = m.Name;
            values[$"measures[{i}].unit"] = m.Unit;
            values[$"measures[{i}].before"] = m.Before.ToString("0.####", CultureInfo.InvariantCulture);
            values[$"measures[{i}].after"] = m.After?.ToString("0.####", CultureInfo.InvariantCulture);
            values[$"measures[{i}].better"] = m.Better.ToString();
        }
        return values;
    }

    /// <summary>How many rows of each list the posted form holds: an index is there while any of its inputs was posted.</summary>
    private static (int Team, int Measures) RowsOf(WebForm form) =>
        (Count(form, "team", TeamFields), Count(form, "measures", MeasureFields));

    private static int Count(WebForm form, string list, string[] fields)
    {
        var n = 0;
        while (n < MaxRows && fields.Any(f => form.Values($"{list}[{n}].{f}").Count > 0)) n++;
        return n;
    }

    /// <summary>The "add" button pressed (team or measures): one more row; null when the form was posted to be saved.</summary>
    private static (int Team, int Measures)? AddRow(WebForm form)
    {
        var rows = RowsOf(form);
        return form.Value("add") switch
        {
            "team" => (Math.Min(rows.Team + 1, MaxRows), rows.Measures),
            "measures" => (rows.Team, Math.Min(rows.Measures + 1, MaxRows)),
            "" => null,
            _ => rows,
        };
    }

    /// <summary>Drops rows left empty and renumbers the rest in the form, so that an error such as <c>measures[1].after</c> lands beside its input.</summary>
    private static (int Team, int Measures) Compact(WebForm form)
    {
        var rows = RowsOf(form);
        return (CompactList(form, "team", rows.Team, TeamFields, ["name", "designation"]),
            CompactList(form, "measures", rows.Measures, MeasureFields, ["name", "unit", "before", "after"]));
    }

    private static int CompactList(WebForm form, string list, int count, string[] fields, string[] typed)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (typed.All(f => form.Text($"{list}[{i}].{f}") is null)) continue;
            if (kept != i)
            {
                foreach (var field in fields) form.Set($"{list}[{kept}].{field}", form.Values($"{list}[{i}].{field}").Count > 0 ? form.Value($"{list}[{i}].{field}") : null);
            }
            kept++;
        }
        for (var i = kept; i < count; i++)
        {
            foreach (var field in fields) form.Set($"{list}[{i}].{field}", null);
        }
        return kept;
    }

    /// <summary>After a failed save the lists show at least one row to type in.</summary>
    private static (int Team, int Measures) AtLeastOne((int Team, int Measures) rows) => (Math.Max(rows.Team, 1), Math.Max(rows.Measures, 1));
}

public sealed record KaizenRegisterModel(Office Office, string FiscalYear, Pipeline.PageOf<KaizenCase> Cases, ILookup<long, RecordEvidenceFile> Files, string Url,
    string? NewUrl, string ConventionUrl, IReadOnlyList<PeriodLink> Years);

public sealed record KaizenFormModel(Office Office, string FiscalYear, WebForm Form, string Action, string BackUrl, int TeamRows, int MeasureRows)
{
    public string? HistoryUrl { get; init; }
}

public sealed record KaizenConventionModel(Office Office, KaizenConvention Convention, IReadOnlyList<PeriodLink> Years, string CsvUrl, string BookletUrl);
