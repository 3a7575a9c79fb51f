using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using CharterTracker.Scheduling;

namespace CharterTracker.Web;

/// <summary>The administration's start page: its areas and a few figures.</summary>
public sealed record AdminIndexModel(long Offices, int Users, int ActiveUsers, string CurrentYear, bool CurrentYearHasPlan, IReadOnlyList<JobListing> Jobs);

/// <summary>One level of the office tree: the office, its breadcrumb, a page of its children, its focal points.</summary>
public sealed record OfficeLevelModel(OfficeLevel Level, IReadOnlyList<Crumb> Breadcrumb, Pager Pager, IReadOnlyList<FocalPointRow> FocalPoints, WebForm? AssignForm);

/// <summary>An assignment with the page that ends it (none once it has ended).</summary>
public sealed record FocalPointRow(FocalPointAssignment Assignment, string? EndAction);

/// <summary>Assign a user to an office (from the user's page), or end an assignment.</summary>
public sealed record FocalPointFormModel(User User, FocalPointAssignment? Ending, Office? Office, WebForm Form, string Action, string BackUrl);

public sealed record OfficeSearchModel(string Search, PageOf<Office> Results, Pager Pager);

/// <summary>Register (under <see cref="Office"/>, or at the top), rename, move or deactivate <see cref="Office"/>.</summary>
public sealed record OfficeFormModel(OfficeFormMode Mode, Office? Office, WebForm Form, string Action, string BackUrl, DateOnly QuarterStart);

/// <summary>The import page: the upload form, and after a dry run its report (and the confirmation when every row is good).</summary>
public sealed record OfficeImportModel(WebForm Form, ImportCheck? Check, int? Imported, IReadOnlyList<string> Columns);

public sealed record ImportCheck(string? FileName, OfficeImportReport Report)
{
    public bool Good => Report.Errors.Count == 0 && Report.Rows > 0;

    /// <summary>The lines with at least one error.</summary>
    public int BadRows => Report.Errors.Select(e => e.Line).Distinct().Count();
}

/// <summary>The users' list with its filters.</summary>
public sealed record UsersModel(IReadOnlyList<UserRow> Users, Pager Pager, string Search, string Role, string Office, int Total)
{
    /// <summary>The office filter names no office.</summary>
    public string? OfficeProblem { get; init; }
}

public sealed record UserRow(User User, Office? Office);

/// <summary>A user's page: the details form, the password form, the focal point assignments and the form that adds one.</summary>
public sealed record UserPageModel(User? User, WebForm Details, WebForm? Password, IReadOnlyList<UserAssignmentRow> Assignments);

public sealed record UserAssignmentRow(FocalPointAssignment Assignment, Office Office);

/// <summary>Every stored plan with the state of its year, and the clone form.</summary>
public sealed record ActionPlansModel(IReadOnlyList<PlanYear> Years, WebForm CloneForm);

/// <param name="Started">The year has begun: its plan no longer changes.</param>
public sealed record PlanYear(string FiscalYear, bool Started, bool Ended);

public sealed record ActionPlanModel(ActionPlan Plan, PlanYear Year);

public sealed record ActionPlanEditModel(ActionPlan Plan, PlanYear Year, WebForm? Form);

public sealed record JobsModel(IReadOnlyList<JobRow> Jobs, TimeZoneInfo Zone, string Token);

public sealed record JobRow(JobListing Job, IReadOnlyList<JobRun> Runs);

public sealed record JobRunModel(JobRun Run, ScheduledJob? Job, TimeZoneInfo Zone);
