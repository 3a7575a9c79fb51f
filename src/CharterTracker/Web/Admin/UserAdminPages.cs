using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Pipeline;

namespace CharterTracker.Web;

/// <summary>Users and roles: the list with its filters, creating a user, changing one, a new password, focal point assignments.</summary>
public static class UserAdminPages
{
    private const int UsersPerPage = 100;

    public static IEndpointRouteBuilder MapUserAdminPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/admin/users", async web =>
        {
            AdminPages.Require(web);
            return await ListAsync(web);
        });

        app.MapPage("/admin/users/new", async web =>
        {
            AdminPages.Require(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?>
            {
                ["role"] = nameof(Role.FocalPoint), ["language"] = "bn", ["officeId"] = AdminPages.Query(web, "office") is { Length: > 0 } office ? office : null,
            });
            return await UserPageAsync(web, null, form, null, StatusCodes.Status200OK);
        });

        app.MapPagePost("/admin/users/new", async web =>
        {
            AdminPages.Require(web);
            var form = await WebForm.ReadAsync(web);
            var officeId = await AdminPages.OfficeIdByCodeAsync(web, form, "officeId");
            var user = await form.SendAsync(web, new RegisterUserCommand
            {
                Username = form.Text("username"), Password = form.Value("password"), DisplayName = form.Text("displayName"), Role = RoleOf(form),
                OfficeId = officeId, Email = form.Text("email"), Language = form.Text("language"),
            });
            return user is null
                ? await UserPageAsync(web, null, form, null, StatusCodes.Status400BadRequest)
                : Results.Redirect($"/admin/users/{AdminPages.Id(user.Id)}?saved=user");
        });

        app.MapPage("/admin/users/{id:long}", async web =>
        {
            AdminPages.Require(web);
            var user = await UserAsync(web);
            return await UserPageAsync(web, user, await DetailsFormAsync(web, user), null, StatusCodes.Status200OK);
        });

        app.MapPagePost("/admin/users/{id:long}", async web =>
        {
            AdminPages.Require(web);
            var user = await UserAsync(web);
            var form = await WebForm.ReadAsync(web);
            var officeId = await AdminPages.OfficeIdByCodeAsync(web, form, "officeId");
            var changed = await form.SendAsync(web, new ChangeUserCommand
            {
                UserId = user.Id, DisplayName = form.Text("displayName"), Email = form.Text("email"), Role = RoleOf(form),
                OfficeId = officeId, Language = form.Text("language"), Active = form.Checked("active"),
            });
            return changed is null
                ? await UserPageAsync(web, user, form, null, StatusCodes.Status400BadRequest)
                : Results.Redirect($"/admin/users/{AdminPages.Id(user.Id)}?saved=user");
        });

        app.MapPagePost("/admin/users/{id:long}/password", async web =>
        {
            AdminPages.Require(web);
            var user = await UserAsync(web);
            var form = await WebForm.ReadAsync(web);
            if (form.Value("password") != form.Value("passwordAgain")) form.AddError("passwordAgain", web.Text.PasswordsDiffer);
            var reset = await form.SendAsync(web, new ResetUserPasswordCommand { UserId = user.Id, Password = form.Value("password") });
            return reset is null
                ? await UserPageAsync(web, user, await DetailsFormAsync(web, user), form, StatusCodes.Status400BadRequest)
                : Results.Redirect($"/admin/users/{AdminPages.Id(user.Id)}?saved=password");
        });

        app.MapPage("/admin/users/{id:long}/focal-points/new", async web =>
        {
            AdminPages.Require(web);
            var form = WebForm.Blank(web, new Dictionary<string, string?> { ["validFrom"] = AdminPages.Day(web.Calendar.Today) });
            return await AssignFormAsync(web, await UserAsync(web), form, StatusCodes.Status200OK);
        });

        app.MapPagePost("/admin/users/{id:long}/focal-points/new", async web =>
        {
            AdminPages.Require(web);
            var user = await UserAsync(web);
            var form = await WebForm.ReadAsync(web);
            var officeId = await AdminPages.OfficeIdByCodeAsync(web, form, "officeId");
            if (officeId is null && form.Text("officeId") is null) form.AddError("officeId", web.Text.OfficeRequired);
            var assigned = officeId is null ? null : await form.SendAsync(web, new AssignFocalPointCommand
            {
                OfficeId = officeId.Value, UserId = user.Id, ValidFrom = form.Date("validFrom"), ValidUntil = form.Date("validUntil"),
            });
            return assigned is null
                ? await AssignFormAsync(web, user, form, StatusCodes.Status400BadRequest)
                : Results.Redirect($"/admin/users/{AdminPages.Id(user.Id)}?saved=focal-point#focal-points");
        });
        return app;
    }

    /// <summary>People type a username, commands take the user's id: the user with that username, or an error beside the field.</summary>
    public static async Task<long?> UserIdByUsernameAsync(PageRequest web, WebForm form, string field)
    {
        if (form.Text(field) is not { } username) return null;
        var found = (await web.Mediator.Send(new ListUsersQuery(Search: username), web.Aborted))
            .FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
        if (found is null) form.AddError(field, web.Text.NoUserNamed(username));
        return found?.Id;
    }

    private static Role? RoleOf(WebForm form) => Enum.TryParse<Role>(form.Value("role"), out var role) && Enum.IsDefined(role) ? role : null;

    private static Task<User> UserAsync(PageRequest web) => web.Mediator.Send(new GetUserQuery(AdminPages.RouteId(web, "id")), web.Aborted);

    private static async Task<WebForm> DetailsFormAsync(PageRequest web, User user) => WebForm.Blank(web, new Dictionary<string, string?>
    {
        ["displayName"] = user.DisplayName, ["email"] = user.Email, ["role"] = user.Role.ToString(),
        ["officeId"] = await AdminPages.OfficeCodeAsync(web, user.OfficeId), ["language"] = user.Language, ["active"] = user.Active ? "true" : null,
    });

    private static async Task<IResult> UserPageAsync(PageRequest web, User? user, WebForm details, WebForm? password, int status)
    {
        IReadOnlyList<UserAssignmentRow> assignments = [];
        if (user is not null)
        {
            password ??= WebForm.Blank(web, new Dictionary<string, string?>());
            var rows = new List<UserAssignmentRow>();
            foreach (var a in await web.Mediator.Send(new ListAssignmentsOfUserQuery(user.Id), web.Aborted))
            {
                rows.Add(new UserAssignmentRow(a, await web.Mediator.Send(new GetOfficeQuery(a.OfficeId), web.Aborted)));
            }
            assignments = rows;
        }
        var title = user is null ? web.Text.NewUser : $"{web.Text.UserTitle}: {user.DisplayName} ({user.Username})";
        var model = new UserPageModel(user, details, password, assignments);
        return await web.RenderAsync<UserPage>(new() { ["Frame"] = web.Frame(title, "admin"), ["Model"] = model }, status);
    }

    private static async Task<IResult> AssignFormAsync(PageRequest web, User user, WebForm form, int status)
    {
        var back = $"/admin/users/{AdminPages.Id(user.Id)}#focal-points";
        var model = new FocalPointFormModel(user, null, null, form, $"/admin/users/{AdminPages.Id(user.Id)}/focal-points/new", back);
        return await web.RenderAsync<FocalPointFormPage>(new() { ["Frame"] = web.Frame(web.Text.AssignUserTitle(user.DisplayName), "admin"), ["Model"] = model }, status);
    }

    private static async Task<IResult> ListAsync(PageRequest web)
    {
        var search = AdminPages.Query(web, "search");
        var roleText = AdminPages.Query(web, "role");
        var officeCode = AdminPages.Query(web, "office");
        Role? role = roleText.Length == 0 ? null : Enum.TryParse<Role>(roleText, out var r) && Enum.IsDefined(r) ? r : throw new BadPageRequestException();
        long? officeId = null;
        string? officeProblem = null;
        if (officeCode.Length > 0)
        {
            try
            {
                officeId = (await web.Mediator.Send(new GetOfficeByCodeQuery(officeCode), web.Aborted)).Id;
            }
            catch (NotFoundException)
            {
                officeProblem = web.Text.NoOfficeWithCode(officeCode);
            }
        }
        IReadOnlyList<User> users = officeProblem is null ? await web.Mediator.Send(new ListUsersQuery(officeId, role, search), web.Aborted) : [];
        var page = AdminPages.PageNumber(web);
        var offices = new Dictionary<long, Office>();
        var rows = new List<UserRow>();
        foreach (var user in users.Skip((page - 1) * UsersPerPage).Take(UsersPerPage))
        {
            Office? office = null;
            if (user.OfficeId is { } id && !offices.TryGetValue(id, out office))
            {
                offices[id] = office = await web.Mediator.Send(new GetOfficeQuery(id), web.Aborted);
            }
            rows.Add(new UserRow(user, office));
        }
        var filter = $"search={Uri.EscapeDataString(search)}&role={Uri.EscapeDataString(roleText)}&office={Uri.EscapeDataString(officeCode)}";
        var pager = new Pager(page, UsersPerPage, users.Count, p => $"/admin/users?{filter}&page={AdminPages.Id(p)}");
        var model = new UsersModel(rows, pager, search, roleText, officeCode, users.Count) { OfficeProblem = officeProblem };
        return await web.RenderAsync<UsersPage>(new() { ["Frame"] = web.Frame(web.Text.UsersTitle, "admin"), ["Model"] = model });
    }
}
