using System.Globalization;
using System.Text.RegularExpressions;
using CharterTracker.ActionPlans;
using CharterTracker.Pipeline;

namespace CharterTracker.Web;

/// <summary>
/// The stored action plans by fiscal year: view one, clone a year into the next, and edit the numbers of a plan whose
/// year has not started (posted as the same <see cref="ImportActionPlanCommand"/> the API's PUT sends).
/// </summary>
public static partial class PlanAdminPages
{
    public static IEndpointRouteBuilder MapPlanAdminPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/admin/action-plans", async web =>
        {
            AdminPages.Require(web);
            return await ListAsync(web, null, StatusCodes.Status200OK);
        });

        app.MapPagePost("/admin/action-plans/clone", async web =>
        {
            AdminPages.Require(web);
            var form = await WebForm.ReadAsync(web);
            var clone = await form.SendAsync(web, new CloneActionPlanCommand { FiscalYear = form.Value("fiscalYear"), ToFiscalYear = form.Typed("toFiscalYear") });
            return clone is null
                ? await ListAsync(web, form, StatusCodes.Status400BadRequest)
                : Results.Redirect($"/admin/action-plans/{Uri.EscapeDataString(clone.FiscalYear)}?saved=action-plan");
        });

        app.MapPage("/admin/action-plans/{year}", async web =>
        {
            AdminPages.Require(web);
            var plan = await web.Mediator.Send(new GetActionPlanQuery(AdminPages.RouteText(web, "year")), web.Aborted);
            var model = new ActionPlanModel(plan, YearOf(web, plan.FiscalYear));
            return await web.RenderAsync<ActionPlanPage>(new() { ["Frame"] = web.Frame(web.Text.Bengali ? plan.NameBn : plan.NameEn, "admin"), ["Model"] = model });
        });

        app.MapPage("/admin/action-plans/{year}/edit", async web =>
        {
            AdminPages.Require(web);
            var plan = await web.Mediator.Send(new GetActionPlanQuery(AdminPages.RouteText(web, "year")), web.Aborted);
            var year = YearOf(web, plan.FiscalYear);
            return await EditAsync(web, plan, year, year.Started ? null : WebForm.Blank(web, Values(plan)), StatusCodes.Status200OK);
        });

        app.MapPagePost("/admin/action-plans/{year}/edit", async web =>
        {
            AdminPages.Require(web);
            var plan = await web.Mediator.Send(new GetActionPlanQuery(AdminPages.RouteText(web, "year")), web.Aborted);
            var form = await WebForm.ReadAsync(web);
            var edited = Apply(plan, form, web.Text);
            var saved = await form.SendAsync(web, new ImportActionPlanCommand { FiscalYear = plan.FiscalYear, Plan = edited });
            if (saved is not null) return Results.Redirect($"/admin/action-plans/{Uri.EscapeDataString(plan.FiscalYear)}?saved=action-plan");
            var year = YearOf(web, plan.FiscalYear);
            // The command refused it (and the audit says so); the page explains the rule rather than offering the form again.
            if (year.Started) return await EditAsync(web, plan, year, null, StatusCodes.Status409Conflict);
            PlaceTotals(plan, form);
            return await EditAsync(web, plan, year, form, StatusCodes.Status400BadRequest);
        });
        return app;
    }

    public static string Field(int area, int indicator, string part) => $"areas[{area}].indicators[{indicator}].{part}";

    public static readonly IReadOnlyList<(string Key, int Percent)> Levels = [("at100", 100), ("at90", 90), ("at80", 80), ("at70", 70), ("at60", 60)];

    private static PlanYear YearOf(PageRequest web, string fiscalYear)
    {
        var calendar = web.Calendar;
        var year = calendar.Year(fiscalYear);
        return new PlanYear(fiscalYear, calendar.Today >= year.Start, calendar.Today > year.End);
    }

    private static async Task<IResult> ListAsync(PageRequest web, WebForm? clone, int status)
    {
        var years = (await web.Mediator.Send(new ListActionPlansQuery(), web.Aborted)).Select(y => YearOf(web, y)).ToList();
        if (clone is null)
        {
            var latest = years.LastOrDefault()?.FiscalYear;
            clone = WebForm.Blank(web, new Dictionary<string, string?> { ["fiscalYear"] = latest, ["toFiscalYear"] = latest is null ? null : web.Calendar.Year(latest).Next.Name });
        }
        var model = new ActionPlansModel(years, clone);
        return await web.RenderAsync<ActionPlansPage>(new() { ["Frame"] = web.Frame(web.Text.ActionPlansTitle, "admin"), ["Model"] = model }, status);
    }

    private static async Task<IResult> EditAsync(PageRequest web, ActionPlan plan, PlanYear year, WebForm? form, int status)
    {
        var model = new ActionPlanEditModel(plan, year, form);
        return await web.RenderAsync<ActionPlanEditPage>(new() { ["Frame"] = web.Frame(web.Text.EditPlanTitle(plan.FiscalYear), "admin"), ["Model"] = model }, status);
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? Whole(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The editable numbers of a plan, under the names the plan validator reports its errors by.</summary>
    private static Dictionary<string, string?> Values(ActionPlan plan)
    {
        var values = new Dictionary<string, string?>
        {
            ["quarterlyDueDays"] = Whole(plan.QuarterlyDueDays), ["annualDueDays"] = Whole(plan.AnnualDueDays), ["lockDays"] = Whole(plan.LockDays),
        };
        for (var a = 0; a < plan.Areas.Count; a++)
        {
            var area = plan.Areas[a];
            values[$"areas[{a}].weight"] = Number(area.Weight);
            for (var i = 0; i < area.Indicators.Count; i++)
            {
                var indicator = area.Indicators[i];
                values[Field(a, i, "weight")] = Number(indicator.Weight);
                values[Field(a, i, "dueDaysAfterPeriod")] = Whole(indicator.DueDaysAfterPeriod);
                foreach (var (key, _) in Levels)
                {
                    values[Field(a, i, "targets." + key)] = TargetAt(indicator.Targets, key)?.ToString();
                }
            }
        }
        return values;
    }

    private static Target? TargetAt(Targets targets, string key) => key switch
    {
        "at100" => targets.At100,
        "at90" => targets.At90,
        "at80" => targets.At80,
        "at70" => targets.At70,
        _ => targets.At60,
    };

    /// <summary>The stored plan with the posted numbers; a number that cannot be read is an error beside its input.</summary>
    private static ActionPlan Apply(ActionPlan plan, WebForm form, WebText text)
    {
        int Days(string name, int stored)
        {
            if (form.Text(name) is null) form.AddError(name, text.FieldRequired);
            return form.Int(name) ?? stored;
        }

        decimal Weight(string name, decimal stored)
        {
            if (form.Text(name) is null) form.AddError(name, text.FieldRequired);
            return form.Decimal(name) ?? stored;
        }

        Target? Level(PlanIndicator indicator, string name)
        {
            if (indicator.Unit == IndicatorUnit.Date) return form.Date(name) is { } date ? Target.On(date) : null;
            return form.Decimal(name) is { } number ? new Target(number, null) : null;
        }

        var areas = plan.Areas.Select((area, a) => area with
        {
            Weight = Weight($"areas[{a}].weight", area.Weight),
            Indicators = area.Indicators.Select((indicator, i) => indicator with
            {
                Weight = Weight(Field(a, i, "weight"), indicator.Weight),
                DueDaysAfterPeriod = form.Int(Field(a, i, "dueDaysAfterPeriod")),
                Targets = new Targets
                {
                    At100 = Level(indicator, Field(a, i, "targets.at100")),
                    At90 = Level(indicator, Field(a, i, "targets.at90")),
                    At80 = Level(indicator, Field(a, i, "targets.at80")),
                    At70 = Level(indicator, Field(a, i, "targets.at70")),
                    At60 = Level(indicator, Field(a, i, "targets.at60")),
                },
            }).ToList(),
        }).ToList();
        return plan with
        {
            QuarterlyDueDays = Days("quarterlyDueDays", plan.QuarterlyDueDays),
            AnnualDueDays = Days("annualDueDays", plan.AnnualDueDays),
            LockDays = Days("lockDays", plan.LockDays),
            Areas = areas,
        };
    }

    /// <summary>
    /// The validator says an area's indicators (or the areas) do not add up; the weights the user changed are what
    /// broke the total, so the error is shown beside them. With none changed it stays with the area.
    /// </summary>
    private static void PlaceTotals(ActionPlan plan, WebForm form)
    {
        bool Changed(string name, decimal stored) =>
            !TypedInput.TryDecimal(form.Value(name), out var posted) || posted != stored;

        var changedAreas = new List<string>();
        for (var a = 0; a < plan.Areas.Count; a++)
        {
            var area = plan.Areas[a];
            var changed = area.Indicators.Select((indicator, i) => (Name: Field(a, i, "weight"), indicator.Weight))
                .Where(w => Changed(w.Name, w.Weight)).Select(w => w.Name).ToList();
            if (Changed($"areas[{a}].weight", area.Weight))
            {
                changed.Add($"areas[{a}].weight");
                changedAreas.Add($"areas[{a}].weight");
            }
            form.MoveErrors($"areas[{a}].indicators", changed);
        }
        form.MoveErrors("areas", changedAreas);
    }

    /// <summary>Where the summary's link of an error goes: the input beside which the error is shown.</summary>
    public static string Anchor(string field)
    {
        if (TargetsField().IsMatch(field)) return field + ".at100";
        if (AreaField().Match(field) is { Success: true } area) return $"areas[{area.Groups[1].Value}].weight";
        return field == "areas" ? "areas[0].weight" : field;
    }

    [GeneratedRegex(@"^areas\[\d+\]\.indicators\[\d+\]\.targets$")]
    private static partial Regex TargetsField();

    [GeneratedRegex(@"^areas\[(\d+)\]\.indicators$")]
    private static partial Regex AreaField();
}
