using CharterTracker.SpotChecks;

namespace CharterTracker.Web;

public sealed record SpotChecksListModel(string OfficeName, long OfficeId, string FiscalYear, IReadOnlyList<PeriodLink> Years, IReadOnlyList<SpotCheckSummary> Checks,
    WebForm? DrawForm, string DrawAction);

public sealed record SpotCheckDetailModel(SpotCheck Check, string OfficeName, SpotCheckDrawVerification Verification, WebForm? IssueForm, string IssueAction, bool CanRecord);

public sealed record SpotCheckFindingModel(SpotCheck Check, SpotCheckItem Item, WebForm Form, string Action, string BackUrl);

public sealed record MinutesPublicationModel(long MeetingId, string What, bool Published, string PublicUrl, string Token, string Action, string BackUrl);
