using System.Security.Cryptography;
using System.Text;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Pipeline;

namespace CharterTracker.Web;

/// <summary>
/// The office tree a level at a time (an office, its ancestors, a page of its children), the search, the forms that
/// register, rename, move and deactivate an office, its focal points, and the CSV import with its dry run.
/// </summary>
public static class OfficeAdminPages
{
    private const int ChildrenPerPage = 100;
    private const int ResultsPerPage = 50;

    public static IEndpointRouteBuilder MapOfficeAdminPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/admin/offices", async web =>
        {
            AdminPages.Require(web);
            if (AdminPages.Query(web, "search") is { Length: > 0 } search) return await SearchAsync(web, search);
            long? officeId = string.IsNullOrEmpty(web.Http.Request.Query["officeId"]) ? null : web.QueryId("officeId");
            return await LevelAsync(web, officeId, null, StatusCodes.Status200OK);
        });

        app.MapPage("/admin/offices/new", async web =>
        {
            AdminPages.Require(web);
            var parent = await ParentAsync(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?>
            {
                ["kind"] = (parent is null ? OfficeKind.Ministry : Below(parent.Kind)).ToString(),
                ["activeFrom"] = AdminPages.Day(web.Calendar.Today),
            });
            return await FormAsync(web, OfficeFormMode.Register, parent, form, StatusCodes.Status200OK);
        });

        app.MapPagePost("/admin/offices/new", async web =>
        {
            AdminPages.Require(web);
            var parent = await ParentAsync(web);
            var form = await WebForm.ReadAsync(web);
            var kind = Enum.TryParse<OfficeKind>(form.Value("kind"), out var k) && Enum.IsDefined(k) ? k : (OfficeKind?)null;
            var office = await form.SendAsync(web, new RegisterOfficeCommand
            {
                Code = form.Text("code"), NameBn = form.Text("nameBn"), NameEn = form.Text("nameEn"), Kind = kind,
                ParentId = parent?.Id, ActiveFrom = form.Date("activeFrom"),
            });
            return office is null
                ? await FormAsync(web, OfficeFormMode.Register, parent, form, StatusCodes.Status400BadRequest)
                : Results.Redirect(LevelUrl(parent?.Id) + Saved(parent is null, "office"));
        });

        app.MapPage("/admin/offices/{id:long}/{change:regex(^(rename|move|deactivate)$)}", async web =>
        {
            AdminPages.Require(web);
            var (mode, office) = await ChangeAsync(web);
            var defaults = new Dictionary<string, string?>();
            if (mode == OfficeFormMode.Rename)
            {
                defaults["nameBn"] = office.NameBn;
                defaults["nameEn"] = office.NameEn;
            }
            else
            {
                defaults["effectiveOn"] = AdminPages.Day(web.Calendar.Today);
            }
            return await FormAsync(web, mode, office, WebForm.Blank(web, defaults), StatusCodes.Status200OK);
        });

        app.MapPagePost("/admin/offices/{id:long}/{change:regex(^(rename|move|deactivate)$)}", async web =>
        {
            AdminPages.Require(web);
            var (mode, office) = await ChangeAsync(web);
            var form = await WebForm.ReadAsync(web);
            Office? changed = mode switch
            {
                OfficeFormMode.Rename => await form.SendAsync(web, new RenameOfficeCommand { OfficeId = office.Id, NameBn = form.Text("nameBn"), NameEn = form.Text("nameEn") }),
                OfficeFormMode.Move => await MoveAsync(web, form, office),
                _ => await form.SendAsync(web, new DeactivateOfficeCommand { OfficeId = office.Id, EffectiveOn = form.Date("effectiveOn") }),
            };
            return changed is null
                ? await FormAsync(web, mode, office, form, StatusCodes.Status400BadRequest)
                : Results.Redirect(LevelUrl(office.Id) + "&saved=office");
        });

        app.MapPagePost("/admin/offices/{id:long}/focal-points", async web =>
        {
            AdminPages.Require(web);
            var officeId = AdminPages.RouteId(web, "id");
            var form = await WebForm.ReadAsync(web);
            var userId = await UserAdminPages.UserIdByUsernameAsync(web, form, "userId");
            var assigned = await form.SendAsync(web, new AssignFocalPointCommand
            {
                OfficeId = officeId, UserId = userId, ValidFrom = form.Date("validFrom"), ValidUntil = form.Date("validUntil"),
            });
            return assigned is null
                ? await LevelAsync(web, officeId, form, StatusCodes.Status400BadRequest)
                : Results.Redirect(LevelUrl(officeId) + "&saved=focal-point#focal-points");
        });

        app.MapPage("/admin/offices/{id:long}/focal-points/{assignmentId:long}/end", async web =>
        {
            AdminPages.Require(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?> { ["validUntil"] = AdminPages.Day(web.Calendar.Today) });
            return await EndFormAsync(web, form, StatusCodes.Status200OK);
        });

        app.MapPagePost("/admin/offices/{id:long}/focal-points/{assignmentId:long}/end", async web =>
        {
            AdminPages.Require(web);
            var officeId = AdminPages.RouteId(web, "id");
            var form = await WebForm.ReadAsync(web);
            var ended = await form.SendAsync(web, new EndFocalPointAssignmentCommand
            {
                OfficeId = officeId, AssignmentId = AdminPages.RouteId(web, "assignmentId"), ValidUntil = form.Date("validUntil"),
            });
            return ended is null
                ? await EndFormAsync(web, form, StatusCodes.Status400BadRequest)
                : Results.Redirect(LevelUrl(officeId) + "&saved=focal-point#focal-points");
        });

        app.MapPage("/admin/offices/import", async web =>
        {
            AdminPages.Require(web);
            return await ImportAsync(web, WebForm.Blank(web, new Dictionary<string, string?>()), null, StatusCodes.Status200OK);
        });

        app.MapPage("/admin/offices/import/sample.csv", web =>
        {
            AdminPages.Require(web);
            return Task.FromResult(CsvTable.File(SampleCsv, "offices-sample.csv"));
        });

        // The dry run: nothing is written; the report, and the file carried to the confirmation with its hash.
        app.MapPagePost("/admin/offices/import", async web =>
        {
            AdminPages.Require(web);
            var form = await WebForm.ReadAsync(web);
            if (form.File("file") is not { } file)
            {
                form.AddError("file", web.Text.ChooseCsvFile);
                return await ImportAsync(web, form, null, StatusCodes.Status400BadRequest);
            }
            string csv;
            using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                csv = Normalise(await reader.ReadToEndAsync(web.Aborted));
            }
            var report = await form.SendAsync(web, new ImportOfficesCommand { Csv = csv, DryRun = true });
            if (report is null) return await ImportAsync(web, form, null, StatusCodes.Status400BadRequest);
            form.Set("csv", csv);
            form.Set("sha256", Hash(csv));
            return await ImportAsync(web, form, new ImportCheck(file.FileName, report), StatusCodes.Status200OK);
        }).WithFormOptions(valueLengthLimit: ImportLimit, multipartBodyLengthLimit: ImportLimit);

        // The confirmation imports exactly the file that was checked: its text came back with the hash of what was checked.
        app.MapPagePost("/admin/offices/import/confirm", async web =>
        {
            AdminPages.Require(web);
            var form = await WebForm.ReadAsync(web);
            var csv = Normalise(form.Value("csv"));
            if (csv.Length == 0 || Hash(csv) != form.Value("sha256"))
            {
                form.AddError("file", web.Text.ImportFileChanged);
                return await ImportAsync(web, form, null, StatusCodes.Status400BadRequest);
            }
            var imported = await form.SendAsync(web, new ImportOfficesCommand { Csv = csv, DryRun = false });
            if (imported is not null) return Results.Redirect($"/admin/offices/import?saved=office-import&imported={AdminPages.Id(imported.Imported)}");
            // A row became bad since the dry run (another office took a code): nothing was written; show the report again.
            Say.Use(web.Text.Language);
            var report = await web.Mediator.Send(new ImportOfficesCommand { Csv = csv, DryRun = true }, web.Aborted);
            var again = WebForm.Blank(web, new Dictionary<string, string?> { ["csv"] = csv, ["sha256"] = Hash(csv) });
            foreach (var (field, message) in form.Errors.Where(e => !e.Field.StartsWith("lines[", StringComparison.Ordinal))) again.AddError(field, message);
            return await ImportAsync(web, again, new ImportCheck(form.Value("fileName"), report), StatusCodes.Status400BadRequest);
        }).WithFormOptions(valueLengthLimit: ImportLimit, multipartBodyLengthLimit: ImportLimit);
        return app;
    }

    /// <summary>A national file of tens of thousands of offices is a few megabytes; the form's default 4 MB per value is too small for it.</summary>
    private const int ImportLimit = 64 * 1024 * 1024;

    /// <summary>Line ends as one character and no byte-order mark: a browser sends a hidden field's line ends back as CR LF.</summary>
    private static string Normalise(string csv) => csv.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string Hash(string csv) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));

    public static string LevelUrl(long? officeId) => officeId is { } id ? $"/admin/offices?officeId={AdminPages.Id(id)}" : "/admin/offices";

    private static string Saved(bool top, string what) => (top ? "?" : "&") + "saved=" + what;

    /// <summary>The kind a new office under this one most likely has.</summary>
    private static OfficeKind Below(OfficeKind kind) => kind switch
    {
        OfficeKind.Ministry or OfficeKind.Division => OfficeKind.Department,
        OfficeKind.Department or OfficeKind.Agency => OfficeKind.DivisionalOffice,
        OfficeKind.DivisionalOffice => OfficeKind.DistrictOffice,
        OfficeKind.DistrictOffice => OfficeKind.UpazilaOffice,
        _ => OfficeKind.Branch,
    };

    private static async Task<Office?> ParentAsync(PageRequest web) =>
        string.IsNullOrEmpty(web.Http.Request.Query["parentId"]) ? null : await web.Mediator.Send(new GetOfficeQuery(web.QueryId("parentId")), web.Aborted);

    private static async Task<(OfficeFormMode Mode, Office Office)> ChangeAsync(PageRequest web)
    {
        var mode = AdminPages.RouteText(web, "change") switch
        {
            "rename" => OfficeFormMode.Rename,
            "move" => OfficeFormMode.Move,
            _ => OfficeFormMode.Deactivate,
        };
        return (mode, await web.Mediator.Send(new GetOfficeQuery(AdminPages.RouteId(web, "id")), web.Aborted));
    }

    private static async Task<Office?> MoveAsync(PageRequest web, WebForm form, Office office)
    {
        var parentId = await AdminPages.OfficeIdByCodeAsync(web, form, "newParentId");
        return await form.SendAsync(web, new MoveOfficeCommand { OfficeId = office.Id, NewParentId = parentId, EffectiveOn = form.Date("effectiveOn") });
    }

    private static async Task<IResult> FormAsync(PageRequest web, OfficeFormMode mode, Office? office, WebForm form, int status)
    {
        var text = web.Text;
        var action = mode == OfficeFormMode.Register
            ? "/admin/offices/new" + (office is null ? "" : "?parentId=" + AdminPages.Id(office.Id))
            : $"/admin/offices/{AdminPages.Id(office!.Id)}/{mode.ToString().ToLowerInvariant()}";
        var title = text.OfficeFormTitle(mode, office is null ? null : web.Name(office));
        var model = new OfficeFormModel(mode, office, form, action, LevelUrl(office?.Id), web.Calendar.CurrentQuarter.Start);
        return await web.RenderAsync<OfficeFormPage>(new() { ["Frame"] = web.Frame(title, "admin"), ["Model"] = model }, status);
    }

    private static async Task<IResult> LevelAsync(PageRequest web, long? officeId, WebForm? assign, int status)
    {
        var page = AdminPages.PageNumber(web);
        var level = await web.Mediator.Send(new GetOfficeLevelQuery(officeId, page, ChildrenPerPage), web.Aborted);
        var crumbs = new List<Crumb> { new(web.Text.AllOffices, "/admin/offices") };
        crumbs.AddRange(level.Ancestors.Append(level.Office).OfType<Office>().Select(o => new Crumb(web.Name(o), LevelUrl(o.Id))));
        IReadOnlyList<FocalPointRow> focalPoints = [];
        if (level.Office is { } office)
        {
            var today = web.Calendar.Today;
            focalPoints = (await web.Mediator.Send(new ListFocalPointsQuery(office.Id), web.Aborted))
                .Select(a => new FocalPointRow(a, a.ValidUntil is { } until && until <= today ? null
                    : $"/admin/offices/{AdminPages.Id(office.Id)}/focal-points/{AdminPages.Id(a.Id)}/end"))
                .ToList();
            assign ??= WebForm.Blank(web, new Dictionary<string, string?> { ["validFrom"] = AdminPages.Day(today) });
        }
        var pager = new Pager(level.Page, level.PageSize, level.Total, p => LevelUrl(officeId) + (officeId is null ? "?" : "&") + "page=" + AdminPages.Id(p));
        var model = new OfficeLevelModel(level, crumbs, pager, focalPoints, assign);
        var title = level.Office is { } current ? $"{web.Text.OfficesTitle}: {web.Name(current)}" : web.Text.OfficesTitle;
        return await web.RenderAsync<OfficesPage>(new() { ["Frame"] = web.Frame(title, "admin"), ["Model"] = model }, status);
    }

    private static async Task<IResult> EndFormAsync(PageRequest web, WebForm form, int status)
    {
        var office = await web.Mediator.Send(new GetOfficeQuery(AdminPages.RouteId(web, "id")), web.Aborted);
        var assignmentId = AdminPages.RouteId(web, "assignmentId");
        var assignment = (await web.Mediator.Send(new ListFocalPointsQuery(office.Id), web.Aborted)).FirstOrDefault(a => a.Id == assignmentId)
            ?? throw new NotFoundException($"Office {office.Id} has no focal point assignment {assignmentId}.");
        var user = await web.Mediator.Send(new GetUserQuery(assignment.UserId), web.Aborted);
        var back = LevelUrl(office.Id) + "#focal-points";
        var model = new FocalPointFormModel(user, assignment, office, form, $"/admin/offices/{AdminPages.Id(office.Id)}/focal-points/{AdminPages.Id(assignmentId)}/end", back);
        return await web.RenderAsync<FocalPointFormPage>(new() { ["Frame"] = web.Frame(web.Text.EndAssignmentTitle(user.DisplayName, web.Name(office)), "admin"), ["Model"] = model }, status);
    }

    private static async Task<IResult> SearchAsync(PageRequest web, string search)
    {
        var page = AdminPages.PageNumber(web);
        var results = await web.Mediator.Send(new ListOfficesQuery { Search = search, Page = page, PageSize = ResultsPerPage }, web.Aborted);
        var pager = new Pager(results.Page, results.PageSize, results.Total, p => $"/admin/offices?search={Uri.EscapeDataString(search)}&page={AdminPages.Id(p)}");
        var model = new OfficeSearchModel(search, results, pager);
        return await web.RenderAsync<OfficeSearchPage>(new() { ["Frame"] = web.Frame(web.Text.OfficeSearchTitle(search), "admin"), ["Model"] = model });
    }

    private static async Task<IResult> ImportAsync(PageRequest web, WebForm form, ImportCheck? check, int status)
    {
        var imported = int.TryParse(web.Http.Request.Query["imported"], out var count) ? count : (int?)null;
        var model = new OfficeImportModel(form, check, imported, ImportOfficesHandler.Header);
        return await web.RenderAsync<OfficeImportPage>(new() { ["Frame"] = web.Frame(web.Text.ImportOffices, "admin"), ["Model"] = model }, status);
    }

    /// <summary>
    /// Offices a deployment would add under one it has (the demo's Department of Government Transport, DGT): the sample
    /// imports as it is into the demo data set. Codes are new; the parent of the district office is a row of the file.
    /// </summary>
    internal const string SampleCsv = """
        code,nameBn,nameEn,kind,parentCode,activeFrom
        DGT-DIV-6,"সরকারি যানবাহন অধিদপ্তর, বিভাগীয় কার্যালয়, ঢাকা","DGT Divisional Office, Dhaka",DivisionalOffice,DGT,2020-07-01
        DGT-DIST-47,"সরকারি যানবাহন অধিদপ্তর, জেলা কার্যালয়, গাজীপুর","DGT District Office, Gazipur",DistrictOffice,DGT-DIV-6,2021-01-01
        DGT-DIST-52,"সরকারি যানবাহন অধিদপ্তর, জেলা কার্যালয়, নারায়ণগঞ্জ","DGT District Office, Narayanganj",DistrictOffice,DGT-DIV-6,2021-01-01

        """;
}

public enum OfficeFormMode
{
    Register,
    Rename,
    Move,
    Deactivate,
}
