using System.Globalization;
using CharterTracker.Access;
using CharterTracker.Awards;
using CharterTracker.Offices;
using CharterTracker.Pipeline;

namespace CharterTracker.Web;

/// <summary>
/// The service-quality awards on the web: the cycles a user may see; opening a cycle and assigning its judges (the
/// organising office's monitoring committee), with the judging's progress while scores are sealed and the ranked
/// results, certificates and CSV once judging has closed; nominating and withdrawing services (focal points of the
/// organiser's subtree); the judge's scoring sheet. Every rule is the Awards commands' own: the pages only ask.
/// </summary>
public static class AwardPages
{
    private static readonly string[] CategoryFields = ["code", "nameBn", "nameEn", "nameTh"];
    private static readonly string[] CriterionFields = ["code", "nameBn", "nameEn", "weight"];

    /// <summary>More rows than a cycle may have (20): a form posting more is cut here and refused by the validator.</summary>
    private const int MaxRows = 25;

    public static IEndpointRouteBuilder MapAwardPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/awards", async web =>
        {
            var cycles = await web.Mediator.Send(new ListAwardCyclesQuery(), web.Aborted);
            var model = new AwardListModel(cycles, MayOrganise(web) ? "/awards/new" : null);
            return await web.RenderAsync<AwardsPage>(new() { ["Frame"] = web.Frame(web.Text.AwardsTitle, "awards"), ["Model"] = model });
        });

        app.MapPage("/awards/new", async web =>
        {
            var office = await OrganiserAsync(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?> { ["fiscalYear"] = web.Calendar.YearOf(web.Calendar.Today).Name });
            return await CycleFormAsync(web, office, form, 2, 3, StatusCodes.Status200OK);
        });

        app.MapPagePost("/awards/new", async web =>
        {
            var office = await OrganiserAsync(web);
            var form = await WebForm.ReadAsync(web);
            var categories = Rows(form, "categories", CategoryFields);
            var criteria = Rows(form, "criteria", CriterionFields);
            switch (form.Value("add"))
            {
                case "category": return await CycleFormAsync(web, office, form, categories + 1, criteria, StatusCodes.Status200OK);
                case "criterion": return await CycleFormAsync(web, office, form, categories, criteria + 1, StatusCodes.Status200OK);
            }
            categories = Compact(form, "categories", categories, CategoryFields);
            criteria = Compact(form, "criteria", criteria, CriterionFields);
            var command = new CreateAwardCycleCommand
            {
                Name = form.Text("name"), FiscalYear = form.Typed("fiscalYear"), OfficeId = office.Id,
                NominationsCloseOn = form.Date("nominationsCloseOn"), JudgingClosesOn = form.Date("judgingClosesOn"),
                Categories = Enumerable.Range(0, categories).Select(i => new CreateAwardCycleCommand.CategoryInput(
                    form.Text($"categories[{i}].code"), form.Text($"categories[{i}].nameBn"), form.Text($"categories[{i}].nameEn"), form.Text($"categories[{i}].nameTh"))).ToList(),
                Criteria = Enumerable.Range(0, criteria).Select(i => new CreateAwardCycleCommand.CriterionInput(
                    form.Text($"criteria[{i}].code"), form.Text($"criteria[{i}].nameBn"), form.Text($"criteria[{i}].nameEn"), form.Decimal($"criteria[{i}].weight"))).ToList(),
            };
            var cycle = await form.SendAsync(web, command);
            if (cycle is not null) return Results.Redirect($"/awards/{Iso(cycle.Id)}?saved=award-cycle");
            return await CycleFormAsync(web, office, form, Math.Max(categories, 1), Math.Max(criteria, 1), StatusCodes.Status400BadRequest);
        });

        app.MapPage("/awards/{id:long}", async web => await CycleAsync(web, await CycleOf(web), null, StatusCodes.Status200OK));

        app.MapPagePost("/awards/{id:long}/judges", async web =>
        {
            var cycle = await CycleOf(web);
            var form = await WebForm.ReadAsync(web);
            var judge = await form.SendAsync(web, new AssignJudgeCommand { CycleId = cycle.Id, UserId = form.Long("userId") });
            if (judge is not null) return Results.Redirect($"/awards/{Iso(cycle.Id)}?saved=judge#judges");
            return await CycleAsync(web, cycle, form, StatusCodes.Status400BadRequest);
        });

        app.MapPage("/awards/{id:long}/nominations/new", async web =>
        {
            var cycle = await CycleOf(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?> { ["categoryCode"] = cycle.Categories.Count == 1 ? cycle.Categories[0].Code : null });
            return await NominationFormAsync(web, cycle, form, StatusCodes.Status200OK);
        });

        app.MapPagePost("/awards/{id:long}/nominations/new", async web =>
        {
            var cycle = await CycleOf(web);
            var form = await WebForm.ReadAsync(web);
            var officeId = form.Long("officeId");
            if (officeId is { } office) await WorkspacePages.AttachEvidenceAsync(web, form, office, "nominatedOn");
            var nomination = await form.SendAsync(web, new NominateServiceCommand
            {
                CycleId = cycle.Id, OfficeId = officeId, CategoryCode = form.Text("categoryCode"), Title = form.Text("title"), Summary = form.Text("summary"),
                EvidenceIds = form.Ids("evidenceIds"), HasEvidence = form.Checked("hasEvidence"),
            });
            if (nomination is not null) return Results.Redirect($"/awards/{Iso(cycle.Id)}?saved=nomination#nominations");
            return await NominationFormAsync(web, cycle, form, StatusCodes.Status400BadRequest);
        });

        app.MapPagePost("/awards/nominations/{id:long}/withdraw", async web =>
        {
            var nomination = await web.Mediator.Send(new GetNominationQuery(WorkspacePages.RouteId(web)), web.Aborted);
            var form = await WebForm.ReadAsync(web);
            var withdrawn = await form.SendAsync(web, new WithdrawNominationCommand { Id = nomination.Id, Reason = form.Text("reason") });
            if (withdrawn is not null) return Results.Redirect($"/awards/{Iso(nomination.CycleId)}?saved=nomination-withdrawn#nominations");
            return await web.MessageAsync(web.Text.WithdrawNomination, string.Join(" ", form.Errors.Select(e => e.Message)), StatusCodes.Status409Conflict, "awards");
        });

        app.MapPage("/awards/{id:long}/sheet", async web =>
            await SheetAsync(web, WorkspacePages.RouteId(web), null, null, StatusCodes.Status200OK));

        app.MapPagePost("/awards/nominations/{id:long}/scores", async web =>
        {
            var nomination = await web.Mediator.Send(new GetNominationQuery(WorkspacePages.RouteId(web)), web.Aborted);
            var cycle = await web.Mediator.Send(new GetAwardCycleQuery(nomination.CycleId), web.Aborted);
            var form = await WebForm.ReadAsync(web);
            // Each criterion's input is score.{code}; one left empty keeps what was saved before.
            var scores = new List<ScoreNominationCommand.ScoreInput>();
            foreach (var criterion in cycle.Criteria)
            {
                if (form.Decimal("score." + criterion.Code) is { } score) scores.Add(new ScoreNominationCommand.ScoreInput(criterion.Code, score));
            }
            var sheet = await form.SendAsync(web, new ScoreNominationCommand { NominationId = nomination.Id, Scores = scores });
            if (sheet is not null) return Results.Redirect($"/awards/{Iso(cycle.Id)}/sheet?saved=scores#nomination-{Iso(nomination.Id)}");
            // The validator names scores[i]; the page's inputs are named by criterion.
            for (var i = 0; i < scores.Count; i++)
            {
                foreach (var part in new[] { "score", "criterionCode" }) form.MoveErrors($"scores[{i}].{part}", ["score." + scores[i].CriterionCode]);
            }
            return await SheetAsync(web, cycle.Id, nomination.Id, form, StatusCodes.Status400BadRequest);
        });
        return app;
    }

    private static string Iso(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Who is offered "new cycle": a monitoring committee or an administrator (the command checks the office).</summary>
    private static bool MayOrganise(PageRequest web) => web.Me.Role is Role.MonitoringCommittee or Role.SystemAdmin;

    /// <summary>
    /// The office a new cycle is for (<c>?officeId=</c>, else the user's own): only its monitoring committee, or an
    /// administrator, opens the form — the same as the command's demand to oversee it, asked before showing a form.
    /// </summary>
    private static async Task<Office> OrganiserAsync(PageRequest web)
    {
        if (!MayOrganise(web)) throw new ForbiddenException("Award cycles are opened by the organising office's monitoring committee.");
        var (officeId, _, _) = await web.PeriodAsync();
        if (officeId is null) throw new BadPageRequestException();
        // A committee reads exactly the subtree it oversees: an office it cannot read is one it may not organise for.
        return await web.Mediator.Send(new GetOfficeQuery(officeId.Value), web.Aborted);
    }

    private static Task<AwardCycle> CycleOf(PageRequest web) => web.Mediator.Send(new GetAwardCycleQuery(WorkspacePages.RouteId(web)), web.Aborted);

    private static Task<IResult> CycleFormAsync(PageRequest web, Office office, WebForm form, int categories, int criteria, int status)
    {
        var action = $"/awards/new?officeId={Iso(office.Id)}";
        var model = new AwardCycleFormModel(office, form, action, Math.Min(categories, MaxRows), Math.Min(criteria, MaxRows));
        return web.RenderAsync<AwardCycleFormPage>(new() { ["Frame"] = web.Frame($"{web.Text.NewAwardCycle}: {web.Name(office)}", "awards"), ["Model"] = model }, status);
    }

    private static async Task<IResult> CycleAsync(PageRequest web, AwardCycle cycle, WebForm? judgeForm, int status)
    {
        var (mediator, ct) = (web.Mediator, web.Aborted);
        var part = (await mediator.Send(new ListAwardCyclesQuery(cycle.FiscalYear), ct)).FirstOrDefault(c => c.Id == cycle.Id)
                   ?? new AwardCycleSummary { Id = cycle.Id };
        var search = web.Http.Request.Query["judge"].ToString().Trim();
        var model = new AwardCycleModel(cycle, part)
        {
            Progress = part.Organising ? await mediator.Send(new GetJudgingProgressQuery(cycle.Id), ct) : null,
            JudgeSearch = part.Organising && search.Length > 0 ? search : null,
            Candidates = part.Organising && search.Length is > 0 and <= 100 ? await mediator.Send(new FindJudgeCandidatesQuery(cycle.Id, search), ct) : [],
            JudgeForm = part.Organising ? judgeForm ?? WebForm.Blank(web, new Dictionary<string, string?>()) : null,
            Nominations = await mediator.Send(new ListNominationsQuery(cycle.Id), ct),
            Results = cycle.Stage == AwardStage.Closed ? await mediator.Send(new GetAwardResultsQuery(cycle.Id), ct) : null,
            NominateUrl = cycle.Stage == AwardStage.Nominating && WorkspacePages.CanWrite(web) ? $"/awards/{Iso(cycle.Id)}/nominations/new" : null,
            SheetUrl = part.Judging ? $"/awards/{Iso(cycle.Id)}/sheet" : null,
            CanWithdraw = cycle.Stage == AwardStage.Nominating && WorkspacePages.CanWrite(web),
            Token = web.AntiforgeryToken(),
        };
        return await web.RenderAsync<AwardCyclePage>(new() { ["Frame"] = web.Frame(cycle.Name, "awards"), ["Model"] = model }, status);
    }

    private static async Task<IResult> NominationFormAsync(PageRequest web, AwardCycle cycle, WebForm form, int status)
    {
        if (cycle.Stage != AwardStage.Nominating)
        {
            return await web.MessageAsync(web.Text.Nominate, web.Text.NominationsClosed(cycle.NominationsCloseOn), StatusCodes.Status409Conflict, "awards");
        }
        var offices = await NominatingOfficesAsync(web, cycle);
        if (offices.Count == 0) return await web.MessageAsync(web.Text.Nominate, web.Text.NothingToNominate, StatusCodes.Status200OK, "awards");
        if (offices.Count == 1 && form.Value("officeId").Length == 0) form.Set("officeId", offices[0].Id);
        var options = new[] { ("", web.Text.ChooseOption) }.Concat(offices).ToList();
        var model = new NominationFormModel(cycle, form, $"/awards/{Iso(cycle.Id)}/nominations/new", options, $"/awards/{Iso(cycle.Id)}");
        return await web.RenderAsync<NominationFormPage>(
            new() { ["Frame"] = web.Frame($"{web.Text.Nominate}: {cycle.Name}", "awards"), ["Model"] = model, ["Attached"] = await WorkspacePages.AttachedAsync(web, form) }, status);
    }

    /// <summary>
    /// The offices the user may nominate for, with the offices directly under them: when the user reads the organising
    /// office (an administrator, or a focal point above it), the organiser; otherwise the offices they record for (a
    /// focal point's own and assigned offices, which lie under the organiser since the user sees the cycle). Other roles
    /// record nothing. The command still checks each office against the organiser's subtree.
    /// </summary>
    private static async Task<IReadOnlyList<(string Id, string Label)>> NominatingOfficesAsync(PageRequest web, AwardCycle cycle)
    {
        if (!WorkspacePages.CanWrite(web)) return [];
        var (mediator, ct) = (web.Mediator, web.Aborted);
        IReadOnlyList<Office> roots;
        try
        {
            roots = [await mediator.Send(new GetOfficeQuery(cycle.OfficeId), ct)];
        }
        catch (ForbiddenException)
        {
            roots = (await mediator.Send(new ListMyOfficesQuery(), ct)).Select(m => m.Office).ToList();
        }
        var offices = new List<Office>();
        foreach (var root in roots)
        {
            offices.Add(root);
            offices.AddRange((await mediator.Send(new ListOfficeChildrenQuery(root.Id), ct)).Where(child => child.Kind != OfficeKind.Branch && child.Active));
        }
        return offices.DistinctBy(o => o.Id).Select(o => (Iso(o.Id), web.Name(o))).ToList();
    }

    private static async Task<IResult> SheetAsync(PageRequest web, long cycleId, long? failedNomination, WebForm? failed, int status)
    {
        var sheet = await web.Mediator.Send(new GetScoringSheetQuery(cycleId), web.Aborted);
        var token = web.AntiforgeryToken();
        var lines = sheet.Rows.Select(row =>
        {
            var form = row.Nomination.Id == failedNomination && failed is not null
                ? failed
                : WebForm.Blank(web, row.Scores.ToDictionary(s => "score." + s.CriterionCode, s => (string?)web.Text.ScoreText(s.Score)));
            return new ScoringSheetLine(row, form, $"/awards/nominations/{Iso(row.Nomination.Id)}/scores");
        }).ToList();
        var model = new ScoringSheetModel(sheet.Cycle, lines, token);
        return await web.RenderAsync<ScoringSheetPage>(new() { ["Frame"] = web.Frame($"{web.Text.ScoringSheet}: {sheet.Cycle.Name}", "awards"), ["Model"] = model }, status);
    }

    /// <summary>How many rows of a list the posted form holds: an index counts while any of its inputs was posted.</summary>
    private static int Rows(WebForm form, string list, string[] fields)
    {
        var n = 0;
        while (n < MaxRows && fields.Any(f => form.Values($"{list}[{n}].{f}").Count > 0)) n++;
        return n;
    }

    /// <summary>
    /// Drops the rows left empty and renumbers the rest in the form itself, so that an error on
    /// <c>criteria[1].weight</c> lands beside the input of the row the command saw as its second.
    /// </summary>
    private static int Compact(WebForm form, string list, int count, string[] fields)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (fields.All(f => form.Text($"{list}[{i}].{f}") is null)) continue;
            if (kept != i)
            {
                foreach (var f in fields) form.Set($"{list}[{kept}].{f}", form.Value($"{list}[{i}].{f}"));
            }
            kept++;
        }
        for (var i = kept; i < count; i++)
        {
            foreach (var f in fields) form.Set($"{list}[{i}].{f}", null);
        }
        return kept;
    }
}
