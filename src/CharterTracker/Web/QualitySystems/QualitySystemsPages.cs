using System.Globalization;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using CharterTracker.QualitySystems;

namespace CharterTracker.Web;

/// <summary>
/// The quality systems pages: an office's systems and quarter scores (apart from the plan's), the focal point's forms
/// to adopt a system, define an indicator and record a quarter's value, and the committee's view of a subtree; each
/// table also as CSV. They read and write only through the same requests as the API.
/// </summary>
public static class QualitySystemsPages
{
    public static IEndpointRouteBuilder MapQualitySystemsPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/quality-systems", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var model = await OfficeModelAsync(web, office, year, quarter);
            var frame = web.Frame($"{web.Text.QualitySystems}: {web.Name(office)}", "quality");
            return await web.RenderAsync<QualityOfficePage>(new() { ["Frame"] = frame, ["Model"] = model });
        });

        app.MapPage("/quality-systems/scorecard.csv", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var card = await web.Mediator.Send(new GetQualityScorecardQuery(office.Id, year, quarter), web.Aborted);
            return CsvTable.File(QualityCsv.Scorecard(web.Text, card), $"quality-scorecard-{office.Code}-{year}-Q{quarter}.csv");
        });

        app.MapPage("/quality-systems/rollup", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var rollup = await web.Mediator.Send(new GetQualityRollupQuery(office.Id, year, quarter), web.Aborted);
            var model = new QualityRollupModel(office, year, quarter, web.Quarters("/quality-systems/rollup", office.Id, year, quarter), rollup);
            var frame = web.Frame($"{web.Text.QualityRollup}: {web.Name(office)}", "quality");
            return await web.RenderAsync<QualityRollupPage>(new() { ["Frame"] = frame, ["Model"] = model });
        });

        app.MapPage("/quality-systems/rollup.csv", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var rollup = await web.Mediator.Send(new GetQualityRollupQuery(office.Id, year, quarter), web.Aborted);
            return CsvTable.File(QualityCsv.Rollup(web.Text, rollup), $"quality-rollup-{office.Code}-{year}-Q{quarter}.csv");
        });

        app.MapPage("/quality-systems/adopt", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?> { ["adoptedOn"] = WorkspacePages.Iso(web.Calendar.Today) });
            return await AdoptFormAsync(web, office, year, quarter, form, StatusCodes.Status200OK);
        });
        app.MapPagePost("/quality-systems/adopt", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var form = await WebForm.ReadAsync(web);
            var command = new AdoptQualitySystemCommand
            {
                OfficeId = office.Id, SystemCode = form.Text("systemCode"), NameBn = form.Text("nameBn"), NameEn = form.Text("nameEn"), AdoptedOn = form.Date("adoptedOn"),
            };
            return await WorkspacePages.SaveAsync(web, form, command, _ => PageRequest.Url("/quality-systems", office.Id, year, quarter) + "&saved=quality-system",
                (failed, status) => AdoptFormAsync(web, office, year, quarter, failed, status));
        });

        app.MapPage("/quality-systems/{id:long}/indicators/new", async web =>
        {
            var system = await SystemAsync(web);
            var office = await web.Mediator.Send(new GetOfficeQuery(system.OfficeId), web.Aborted);
            var form = WebForm.Blank(web, new Dictionary<string, string?>
            {
                ["frequency"] = nameof(IndicatorFrequency.Quarterly), ["aggregation"] = nameof(Aggregation.Sum), ["direction"] = nameof(IndicatorDirection.HigherIsBetter),
                ["weight"] = "1", ["evidenceRequired"] = "true",
            });
            return await IndicatorFormAsync(web, office, system, null, form, StatusCodes.Status200OK);
        });
        app.MapPagePost("/quality-systems/{id:long}/indicators/new", async web =>
        {
            var system = await SystemAsync(web);
            var office = await web.Mediator.Send(new GetOfficeQuery(system.OfficeId), web.Aborted);
            var form = await WebForm.ReadAsync(web);
            return await WorkspacePages.SaveAsync(web, form, new DefineQualityIndicatorCommand(office.Id, system.Id, ReadIndicator(form)),
                _ => OfficeUrl(web, office.Id) + "&saved=quality-indicator",
                (failed, status) => IndicatorFormAsync(web, office, system, null, failed, status));
        });

        app.MapPage("/quality-systems/indicators/{id:long}/edit", async web =>
        {
            var indicator = await web.Mediator.Send(new GetQualityIndicatorQuery(WorkspacePages.RouteId(web)), web.Aborted);
            var office = await web.Mediator.Send(new GetOfficeQuery(indicator.OfficeId), web.Aborted);
            var system = (await web.Mediator.Send(new ListQualitySystemsQuery(office.Id), web.Aborted)).Single(s => s.Id == indicator.QualitySystemId);
            return await IndicatorFormAsync(web, office, system, indicator, WebForm.Blank(web, IndicatorValues(indicator)), StatusCodes.Status200OK);
        });
        app.MapPagePost("/quality-systems/indicators/{id:long}/edit", async web =>
        {
            var indicator = await web.Mediator.Send(new GetQualityIndicatorQuery(WorkspacePages.RouteId(web)), web.Aborted);
            var office = await web.Mediator.Send(new GetOfficeQuery(indicator.OfficeId), web.Aborted);
            var system = (await web.Mediator.Send(new ListQualitySystemsQuery(office.Id), web.Aborted)).Single(s => s.Id == indicator.QualitySystemId);
            var form = await WebForm.ReadAsync(web);
            return await WorkspacePages.SaveAsync(web, form, new EditQualityIndicatorCommand(indicator.Id, form.Int("version"), ReadIndicator(form)),
                _ => OfficeUrl(web, office.Id) + "&saved=quality-indicator",
                (failed, status) => IndicatorFormAsync(web, office, system, indicator, failed, status),
                async () => (await web.Mediator.Send(new GetQualityIndicatorQuery(indicator.Id), web.Aborted)).Version);
        });

        app.MapPage("/quality-systems/indicators/{id:long}/value", async web =>
        {
            var (indicator, office, year, quarter) = await ValuePeriodAsync(web);
            var values = new Dictionary<string, string?>();
            if (await CurrentValueAsync(web, indicator, year, quarter) is { } current)
            {
                values["version"] = current.Version.ToString(CultureInfo.InvariantCulture);
                values["value"] = web.Text.Digits(current.Value.ToString("0.####", CultureInfo.InvariantCulture));
                values["note"] = current.Note;
                WorkspacePages.EvidenceValues(values, current);
            }
            return await ValueFormAsync(web, office, indicator, year, quarter, WebForm.Blank(web, values), StatusCodes.Status200OK);
        });
        app.MapPagePost("/quality-systems/indicators/{id:long}/value", async web =>
        {
            var (indicator, office, year, quarter) = await ValuePeriodAsync(web);
            var form = await WebForm.ReadAsync(web);
            await WorkspacePages.AttachEvidenceAsync(web, form, office.Id, "evidenceDate");
            var fields = new QualityValueFields { Value = form.Decimal("value"), Note = form.Text("note"), HasEvidence = form.Checked("hasEvidence"), EvidenceIds = form.Ids("evidenceIds") };
            return await WorkspacePages.SaveAsync(web, form, new RecordQualityValueCommand(indicator.Id, year, quarter, form.Int("version"), fields),
                _ => PageRequest.Url("/quality-systems", office.Id, year, quarter) + "&saved=quality-value",
                (failed, status) => ValueFormAsync(web, office, indicator, year, quarter, failed, status),
                async () => (await CurrentValueAsync(web, indicator, year, quarter))?.Version ?? 0);
        });
        return app;
    }

    private static string OfficeUrl(PageRequest web, long officeId) =>
        "/quality-systems?officeId=" + WorkspacePages.Iso(officeId) + (web.Http.Request.Query["fiscalYear"] is { Count: > 0 } year ? "&fiscalYear=" + Uri.EscapeDataString(year.ToString()) : "")
        + (web.Http.Request.Query["quarter"] is { Count: > 0 } quarter ? "&quarter=" + Uri.EscapeDataString(quarter.ToString()) : "");

    private static async Task<QualityOfficeModel> OfficeModelAsync(PageRequest web, Office office, string year, int quarter)
    {
        var systems = await web.Mediator.Send(new ListQualitySystemsQuery(office.Id), web.Aborted);
        var card = await web.Mediator.Send(new GetQualityScorecardQuery(office.Id, year, quarter), web.Aborted);
        return new QualityOfficeModel(office, year, quarter, web.Quarters("/quality-systems", office.Id, year, quarter), systems, card, WorkspacePages.CanWrite(web));
    }

    private static async Task<QualitySystem> SystemAsync(PageRequest web)
    {
        var id = WorkspacePages.RouteId(web);
        // Read through the office's list, so that the office's read access is checked first (404 for an unknown id).
        var officeId = await web.Mediator.Send(new GetQualitySystemOfficeQuery(id), web.Aborted);
        return (await web.Mediator.Send(new ListQualitySystemsQuery(officeId), web.Aborted)).Single(s => s.Id == id);
    }

    private static async Task<(QualityIndicator Indicator, Office Office, string Year, int Quarter)> ValuePeriodAsync(PageRequest web)
    {
        var indicator = await web.Mediator.Send(new GetQualityIndicatorQuery(WorkspacePages.RouteId(web)), web.Aborted);
        var office = await web.Mediator.Send(new GetOfficeQuery(indicator.OfficeId), web.Aborted);
        var (_, year, quarter) = await web.PeriodAsync();
        if (!web.Calendar.TryParseYear(year, out var fiscalYear)) throw new BadPageRequestException();
        return (indicator, office, fiscalYear.Name, quarter);
    }

    private static async Task<QualityValue?> CurrentValueAsync(PageRequest web, QualityIndicator indicator, string year, int quarter) =>
        (await web.Mediator.Send(new ListQualityValuesQuery(indicator.OfficeId, year), web.Aborted))
        .FirstOrDefault(v => v.IndicatorId == indicator.Id && v.Quarter == quarter && !v.Withdrawn) is { } value
            ? await web.Mediator.Send(new GetQualityValueQuery(value.Id), web.Aborted)
            : null;

    private static T? Choice<T>(WebForm form, string name) where T : struct, Enum =>
        Enum.TryParse<T>(form.Value(name), out var value) && Enum.IsDefined(value) ? value : null;

    private static QualityIndicatorFields ReadIndicator(WebForm form)
    {
        var quarters = Enumerable.Range(0, 4).Select(i => form.Decimal($"targets.quarters[{i}]")).ToList();
        return new QualityIndicatorFields
        {
            Code = form.Text("code"), NameBn = form.Text("nameBn"), NameEn = form.Text("nameEn"),
            Unit = Choice<QualityUnit>(form, "unit"), Frequency = Choice<IndicatorFrequency>(form, "frequency"), Aggregation = Choice<Aggregation>(form, "aggregation"),
            Direction = Choice<IndicatorDirection>(form, "direction"), Weight = form.Decimal("weight"),
            Targets = new QualityTargets { At100 = form.Decimal("targets.at100"), Quarters = quarters.All(q => q is null) ? null : quarters },
            EvidenceRequired = form.Checked("evidenceRequired"),
        };
    }

    private static Dictionary<string, string?> IndicatorValues(QualityIndicator indicator)
    {
        static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string?>
        {
            ["version"] = indicator.Version.ToString(CultureInfo.InvariantCulture), ["code"] = indicator.Code, ["nameBn"] = indicator.NameBn, ["nameEn"] = indicator.NameEn,
            ["unit"] = indicator.Unit.ToString(), ["frequency"] = indicator.Frequency.ToString(), ["aggregation"] = indicator.Aggregation.ToString(),
            ["direction"] = indicator.Direction.ToString(), ["weight"] = Number(indicator.Weight),
            ["targets.at100"] = indicator.Targets.At100 is { } at100 ? Number(at100) : null, ["evidenceRequired"] = indicator.EvidenceRequired ? "true" : null,
        };
        foreach (var (target, i) in (indicator.Targets.Quarters ?? []).Select((t, i) => (t, i)))
        {
            values[$"targets.quarters[{i}]"] = target is { } t ? Number(t) : null;
        }
        return values;
    }

    private static async Task<IResult> AdoptFormAsync(PageRequest web, Office office, string year, int quarter, WebForm form, int status)
    {
        var model = new QualityFormModel(office, form, PageRequest.Url("/quality-systems/adopt", office.Id, year, quarter),
            PageRequest.Url("/quality-systems", office.Id, year, quarter), web.Text.AdoptSystem);
        return await web.RenderAsync<QualityAdoptForm>(new() { ["Frame"] = web.Frame($"{web.Text.AdoptSystem}: {web.Name(office)}", "quality"), ["Model"] = model }, status);
    }

    private static async Task<IResult> IndicatorFormAsync(PageRequest web, Office office, QualitySystem system, QualityIndicator? indicator, WebForm form, int status)
    {
        var action = indicator is null ? $"/quality-systems/{WorkspacePages.Iso(system.Id)}/indicators/new" : $"/quality-systems/indicators/{WorkspacePages.Iso(indicator.Id)}/edit";
        var title = indicator is null ? web.Text.DefineIndicator : web.Text.EditIndicator;
        var model = new QualityFormModel(office, form, action + web.Http.Request.QueryString, OfficeUrl(web, office.Id), web.Text.SystemName(system.NameBn, system.NameEn))
        {
            Indicator = indicator,
            HistoryUrl = indicator is null ? null : $"/api/v1/quality-indicators/{WorkspacePages.Iso(indicator.Id)}/history",
        };
        return await web.RenderAsync<QualityIndicatorForm>(new() { ["Frame"] = web.Frame($"{title}: {web.Name(office)}", "quality"), ["Model"] = model }, status);
    }

    private static async Task<IResult> ValueFormAsync(PageRequest web, Office office, QualityIndicator indicator, string year, int quarter, WebForm form, int status)
    {
        var model = new QualityFormModel(office, form, PageRequest.Url($"/quality-systems/indicators/{WorkspacePages.Iso(indicator.Id)}/value", office.Id, year, quarter),
            PageRequest.Url("/quality-systems", office.Id, year, quarter), web.Text.RecordValueTitle)
        {
            Indicator = indicator,
            Period = web.Text.Period(year, quarter),
            Attached = await WorkspacePages.AttachedAsync(web, form),
            HistoryUrl = form.Value("version") is { Length: > 0 } && await CurrentValueAsync(web, indicator, year, quarter) is { } current
                ? WorkspaceRecords.HistoryUrl(RecordKind.QualityValue, current.Id) : null,
        };
        var frame = web.Frame($"{web.Text.RecordValueTitle}: {indicator.Code}", "quality");
        return await web.RenderAsync<QualityValueForm>(new() { ["Frame"] = frame, ["Model"] = model }, status);
    }
}
