using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Access;

/// <summary>
/// The access matrix, generated from the app's own route table: every API route and page × every role (and
/// anonymous) × the target office's relation to the caller's office (<see cref="TrustWorld"/>: own, subtree, parent,
/// sibling, another ministry; none for routes that name no office). <see cref="Rules"/> says which access rule each
/// route follows; a route the app maps without an entry here fails the test by name, so no route ships unjudged.
/// One world, one app, signed in once; reads run first, then writes, then the writes that use their target up.
/// </summary>
[NonParallelizable]
public sealed class AccessMatrixTests
{
    /// <summary>The access rules, as the product promises them (README "Access", API.md).</summary>
    public enum Rule
    {
        /// <summary>Anyone, signed in or not.</summary>
        AnonymousOk,

        /// <summary>Any signed-in user, whatever the office (about themselves, or not tied to an office).</summary>
        SignedIn,

        /// <summary>SystemAdmin anywhere; any other role in its own office's subtree.</summary>
        ReadSubtree,

        /// <summary>SystemAdmin anywhere; a FocalPoint in its own office's subtree.</summary>
        WriteSubtree,

        /// <summary>SystemAdmin anywhere; the monitoring committee in its own office's subtree.</summary>
        OverseeSubtree,

        /// <summary>SystemAdmin anywhere; a FocalPoint whose subtree holds the target's parent (lock exceptions).</summary>
        WriteParent,

        /// <summary>Only a SystemAdmin.</summary>
        AdminOnly,

        /// <summary>An award cycle's line: any role reading the organiser's subtree or sitting in it (it may nominate); judges too.</summary>
        AwardLine,

        /// <summary>Only a judge of the award cycle: nobody of the world, administrators included.</summary>
        JudgeOnly,
    }

    /// <param name="Query">A query string for the route; <c>{office}</c> becomes the target office's id.</param>
    /// <param name="UsesUp">The write consumes its target (withdraw, complete, end, sign out): it runs after every other case.</param>
    public sealed record Entry(Rule Rule, string? Query = null, bool UsesUp = false);

    private const string Period = "fiscalYear=2024-25&quarter=1";
    private const string OfficePeriod = "officeId={office}&fiscalYear=2024-25&quarter=1";

    /// <summary>Every route of the app and the rule it follows.</summary>
    public static readonly IReadOnlyDictionary<string, Entry> Rules = new Dictionary<string, Entry>(StringComparer.Ordinal)
    {
        // Outside the sign-in.
        ["GET /health/live"] = new(Rule.AnonymousOk),
        ["GET /health/ready"] = new(Rule.AnonymousOk),
        ["GET /openapi/{documentName}.json"] = new(Rule.AnonymousOk),
        ["GET /assets/{name}"] = new(Rule.AnonymousOk),
        ["GET /login"] = new(Rule.AnonymousOk),
        ["POST /login"] = new(Rule.AnonymousOk),
        ["POST /logout"] = new(Rule.AnonymousOk, UsesUp: true),
        ["POST /api/v1/auth/token"] = new(Rule.AnonymousOk),

        // Self.
        ["GET /api/v1/auth/me"] = new(Rule.SignedIn),
        ["GET /api/v1/me/offices"] = new(Rule.SignedIn),
        ["GET /api/v1/me/notifications"] = new(Rule.SignedIn),
        ["GET /"] = new(Rule.SignedIn),

        // Users and focal point assignments.
        ["POST /api/v1/users"] = new(Rule.AdminOnly),
        ["GET /api/v1/users"] = new(Rule.AdminOnly),
        ["GET /api/v1/users/{id:long}"] = new(Rule.AdminOnly),
        ["PUT /api/v1/users/{id:long}"] = new(Rule.AdminOnly),
        ["POST /api/v1/users/{id:long}/password"] = new(Rule.AdminOnly),
        ["GET /api/v1/users/{id:long}/focal-points"] = new(Rule.AdminOnly),
        ["GET /api/v1/offices/{officeId:long}/focal-points"] = new(Rule.ReadSubtree),
        ["POST /api/v1/offices/{officeId:long}/focal-points"] = new(Rule.AdminOnly),
        ["POST /api/v1/offices/{officeId:long}/focal-points/{assignmentId:long}/end"] = new(Rule.AdminOnly, UsesUp: true),

        // The office tree.
        ["GET /api/v1/offices"] = new(Rule.SignedIn),
        ["POST /api/v1/offices"] = new(Rule.WriteSubtree),
        ["GET /api/v1/offices/{id:long}"] = new(Rule.ReadSubtree),
        ["GET /api/v1/offices/{id:long}/children"] = new(Rule.ReadSubtree),
        ["GET /api/v1/offices/{id:long}/subtree"] = new(Rule.ReadSubtree),
        ["GET /api/v1/offices/{id:long}/history"] = new(Rule.ReadSubtree),
        ["POST /api/v1/offices/{id:long}/rename"] = new(Rule.WriteSubtree),
        ["POST /api/v1/offices/{id:long}/move"] = new(Rule.WriteSubtree),
        ["POST /api/v1/offices/{id:long}/deactivate"] = new(Rule.WriteSubtree, UsesUp: true),
        ["POST /api/v1/offices/import"] = new(Rule.WriteSubtree),
        ["GET /api/v1/audit"] = new(Rule.ReadSubtree, "officeId={office}"),
        ["GET /api/v1/offices/{id:long}/audit.csv"] = new(Rule.OverseeSubtree, "from=2024-07-01&to=2024-09-30"),

        // Evidence.
        ["POST /api/v1/evidence"] = new(Rule.WriteSubtree),
        ["GET /api/v1/evidence/{id:long}"] = new(Rule.ReadSubtree),

        // Records of every kind.
        ["POST /api/v1/offices/{officeId:long}/charter-updates"] = new(Rule.WriteSubtree),
        ["GET /api/v1/offices/{officeId:long}/charter-updates"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/charter-updates/{id:long}"] = new(Rule.ReadSubtree),
        ["PUT /api/v1/charter-updates/{id:long}"] = new(Rule.WriteSubtree),
        ["POST /api/v1/charter-updates/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /api/v1/charter-updates/{id:long}/history"] = new(Rule.ReadSubtree),
        ["POST /api/v1/offices/{officeId:long}/meetings"] = new(Rule.WriteSubtree),
        ["GET /api/v1/offices/{officeId:long}/meetings"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/meetings/{id:long}"] = new(Rule.ReadSubtree),
        ["PUT /api/v1/meetings/{id:long}"] = new(Rule.WriteSubtree),
        ["POST /api/v1/meetings/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /api/v1/meetings/{id:long}/history"] = new(Rule.ReadSubtree),
        ["GET /api/v1/offices/{officeId:long}/follow-ups"] = new(Rule.ReadSubtree),
        ["POST /api/v1/follow-ups/{id:long}/complete"] = new(Rule.WriteSubtree, UsesUp: true),
        ["POST /api/v1/offices/{officeId:long}/trainings"] = new(Rule.WriteSubtree),
        ["GET /api/v1/offices/{officeId:long}/trainings"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/trainings/{id:long}"] = new(Rule.ReadSubtree),
        ["PUT /api/v1/trainings/{id:long}"] = new(Rule.WriteSubtree),
        ["POST /api/v1/trainings/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /api/v1/trainings/{id:long}/history"] = new(Rule.ReadSubtree),
        ["POST /api/v1/offices/{officeId:long}/reports"] = new(Rule.WriteSubtree),
        ["GET /api/v1/offices/{officeId:long}/reports"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/reports/{id:long}"] = new(Rule.ReadSubtree),
        ["PUT /api/v1/reports/{id:long}"] = new(Rule.WriteSubtree),
        ["POST /api/v1/reports/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /api/v1/reports/{id:long}/history"] = new(Rule.ReadSubtree),

        // Kaizen cases: a record kind like the others; the convention and its documents read a subtree.
        ["POST /api/v1/offices/{officeId:long}/kaizen"] = new(Rule.WriteSubtree),
        ["GET /api/v1/offices/{officeId:long}/kaizen"] = new(Rule.ReadSubtree, "fiscalYear=2024-25&subtree=true"),
        ["GET /api/v1/offices/{officeId:long}/kaizen/convention"] = new(Rule.ReadSubtree, "fiscalYear=2024-25"),
        ["GET /api/v1/offices/{officeId:long}/kaizen/convention.csv"] = new(Rule.ReadSubtree, "fiscalYear=2024-25"),
        ["GET /api/v1/offices/{officeId:long}/kaizen/booklet.pdf"] = new(Rule.ReadSubtree, "fiscalYear=2024-25"),
        ["GET /api/v1/kaizen/{id:long}"] = new(Rule.ReadSubtree),
        ["PUT /api/v1/kaizen/{id:long}"] = new(Rule.WriteSubtree),
        ["POST /api/v1/kaizen/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /api/v1/kaizen/{id:long}/history"] = new(Rule.ReadSubtree),
        ["GET /api/v1/kaizen/{id:long}/case.html"] = new(Rule.ReadSubtree),
        ["GET /api/v1/kaizen/{id:long}/case.pdf"] = new(Rule.ReadSubtree),

        // Plans, scores, monitoring, documents.
        ["GET /api/v1/action-plans"] = new(Rule.SignedIn),
        ["GET /api/v1/action-plans/{fiscalYear}"] = new(Rule.SignedIn),
        ["PUT /api/v1/action-plans/{fiscalYear}"] = new(Rule.AdminOnly),
        ["POST /api/v1/action-plans/{fiscalYear}/clone"] = new(Rule.AdminOnly),
        ["GET /api/v1/offices/{id:long}/scorecard"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/rollup"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/deadlines"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/checklist"] = new(Rule.ReadSubtree, Period),
        ["POST /api/v1/offices/{id:long}/score-overrides"] = new(Rule.OverseeSubtree),
        ["POST /api/v1/offices/{id:long}/lock-exceptions"] = new(Rule.WriteParent),
        ["POST /api/v1/admin/scores/rebuild"] = new(Rule.AdminOnly),
        ["GET /api/v1/offices/{id:long}/trend"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/heat-map"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/ranking"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/lapses"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/risk"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/subtree/meetings"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/subtree/follow-ups"] = new(Rule.ReadSubtree),
        ["GET /api/v1/meetings/{id:long}/minutes.html"] = new(Rule.ReadSubtree),
        ["GET /api/v1/meetings/{id:long}/minutes.pdf"] = new(Rule.ReadSubtree),
        ["GET /api/v1/offices/{id:long}/annual-report.html"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/annual-report.pdf"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/quarterly-report.html"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/quarterly-report.pdf"] = new(Rule.ReadSubtree, Period),

        // Service-quality awards (the cycle's office is its organiser; the world's nominations are of the organiser itself).
        ["POST /api/v1/award-cycles"] = new(Rule.OverseeSubtree),
        ["GET /api/v1/award-cycles"] = new(Rule.SignedIn),
        ["GET /api/v1/award-cycles/{id:long}"] = new(Rule.AwardLine),
        ["PUT /api/v1/award-cycles/{id:long}/windows"] = new(Rule.OverseeSubtree),
        ["POST /api/v1/award-cycles/{id:long}/judges"] = new(Rule.OverseeSubtree),
        ["POST /api/v1/award-cycles/{id:long}/nominations"] = new(Rule.WriteSubtree),
        ["GET /api/v1/award-cycles/{id:long}/nominations"] = new(Rule.AwardLine),
        ["GET /api/v1/award-cycles/{id:long}/sheet"] = new(Rule.JudgeOnly),
        ["GET /api/v1/award-cycles/{id:long}/progress"] = new(Rule.OverseeSubtree),
        ["GET /api/v1/award-cycles/{id:long}/results"] = new(Rule.AwardLine),
        ["GET /api/v1/award-cycles/{id:long}/results.csv"] = new(Rule.AwardLine),
        ["GET /api/v1/award-cycles/{id:long}/scores"] = new(Rule.OverseeSubtree),
        ["GET /api/v1/nominations/{id:long}"] = new(Rule.ReadSubtree),
        ["PUT /api/v1/nominations/{id:long}/scores"] = new(Rule.JudgeOnly),
        ["POST /api/v1/nominations/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /api/v1/nominations/{id:long}/certificate.pdf"] = new(Rule.ReadSubtree),
        // Quality systems (apart from the plan).
        ["GET /api/v1/quality-systems/catalog"] = new(Rule.SignedIn),
        ["POST /api/v1/offices/{id:long}/quality-systems"] = new(Rule.WriteSubtree),
        ["GET /api/v1/offices/{id:long}/quality-systems"] = new(Rule.ReadSubtree),
        ["POST /api/v1/quality-systems/{id:long}/retire"] = new(Rule.WriteSubtree, UsesUp: true),
        ["POST /api/v1/offices/{id:long}/quality-indicators"] = new(Rule.WriteSubtree),
        ["GET /api/v1/quality-indicators/{id:long}"] = new(Rule.ReadSubtree),
        ["PUT /api/v1/quality-indicators/{id:long}"] = new(Rule.WriteSubtree),
        ["GET /api/v1/quality-indicators/{id:long}/history"] = new(Rule.ReadSubtree),
        ["PUT /api/v1/quality-indicators/{id:long}/values/{fiscalYear}/{quarter:int}"] = new(Rule.WriteSubtree),
        ["GET /api/v1/offices/{id:long}/quality-values"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/quality-values/{id:long}"] = new(Rule.ReadSubtree),
        ["POST /api/v1/quality-values/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /api/v1/quality-values/{id:long}/history"] = new(Rule.ReadSubtree),
        ["GET /api/v1/offices/{id:long}/quality-scorecard"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/offices/{id:long}/quality-rollup"] = new(Rule.ReadSubtree, Period),
        ["GET /quality-systems"] = new(Rule.ReadSubtree, OfficePeriod),
        ["GET /quality-systems/scorecard.csv"] = new(Rule.ReadSubtree, OfficePeriod),
        ["GET /quality-systems/rollup"] = new(Rule.ReadSubtree, OfficePeriod),
        ["GET /quality-systems/rollup.csv"] = new(Rule.ReadSubtree, OfficePeriod),
        ["GET /quality-systems/adopt"] = new(Rule.ReadSubtree, OfficePeriod),
        ["POST /quality-systems/adopt"] = new(Rule.WriteSubtree, OfficePeriod),
        ["GET /quality-systems/{id:long}/indicators/new"] = new(Rule.ReadSubtree),
        ["POST /quality-systems/{id:long}/indicators/new"] = new(Rule.WriteSubtree),
        ["GET /quality-systems/indicators/{id:long}/edit"] = new(Rule.ReadSubtree),
        ["POST /quality-systems/indicators/{id:long}/edit"] = new(Rule.WriteSubtree),
        ["GET /quality-systems/indicators/{id:long}/value"] = new(Rule.ReadSubtree, Period),
        ["POST /quality-systems/indicators/{id:long}/value"] = new(Rule.WriteSubtree, Period),
        ["GET /workspace/quality-values/{id:long}/history"] = new(Rule.ReadSubtree),
        ["GET /workspace/quality-values/{id:long}/withdraw"] = new(Rule.ReadSubtree),
        ["POST /workspace/quality-values/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /api/v1/award-cycles/{id:long}/judge-candidates"] = new(Rule.OverseeSubtree, "search=target"),
        // The award pages: the cycle list for everyone; a cycle's page to its line; opening one and assigning judges to
        // the organiser's committee; nominating and withdrawing to focal points; the sheet to its judges.
        ["GET /awards"] = new(Rule.SignedIn),
        ["GET /awards/new"] = new(Rule.OverseeSubtree, "officeId={office}"),
        ["POST /awards/new"] = new(Rule.OverseeSubtree, "officeId={office}"),
        ["GET /awards/{id:long}"] = new(Rule.AwardLine),
        ["POST /awards/{id:long}/judges"] = new(Rule.OverseeSubtree),
        ["GET /awards/{id:long}/nominations/new"] = new(Rule.AwardLine),
        ["POST /awards/{id:long}/nominations/new"] = new(Rule.WriteSubtree),
        ["POST /awards/nominations/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /awards/{id:long}/sheet"] = new(Rule.JudgeOnly),
        ["POST /awards/nominations/{id:long}/scores"] = new(Rule.JudgeOnly),

        // Jobs.
        ["GET /api/v1/admin/jobs"] = new(Rule.AdminOnly),
        ["POST /api/v1/admin/jobs/{name}/run"] = new(Rule.AdminOnly),
        ["GET /api/v1/admin/jobs/{name}/runs"] = new(Rule.AdminOnly),
        ["GET /api/v1/admin/jobs/runs/{runId:long}"] = new(Rule.AdminOnly),

        // The focal point's workspace: reading an office's forms and records needs read access, saving needs write access.
        ["GET /workspace"] = new(Rule.ReadSubtree, OfficePeriod),
        ["GET /workspace/charter-updates/new"] = new(Rule.ReadSubtree, OfficePeriod),
        ["POST /workspace/charter-updates/new"] = new(Rule.WriteSubtree, OfficePeriod),
        ["GET /workspace/charter-updates/{id:long}/edit"] = new(Rule.ReadSubtree),
        ["POST /workspace/charter-updates/{id:long}/edit"] = new(Rule.WriteSubtree),
        ["GET /workspace/meetings/new"] = new(Rule.ReadSubtree, OfficePeriod + "&kind=StakeholderAwareness"),
        ["POST /workspace/meetings/new"] = new(Rule.WriteSubtree, OfficePeriod + "&kind=StakeholderAwareness"),
        ["GET /workspace/meetings/{id:long}/edit"] = new(Rule.ReadSubtree),
        ["POST /workspace/meetings/{id:long}/edit"] = new(Rule.WriteSubtree),
        ["GET /workspace/trainings/new"] = new(Rule.ReadSubtree, OfficePeriod),
        ["POST /workspace/trainings/new"] = new(Rule.WriteSubtree, OfficePeriod),
        ["GET /workspace/trainings/{id:long}/edit"] = new(Rule.ReadSubtree),
        ["POST /workspace/trainings/{id:long}/edit"] = new(Rule.WriteSubtree),
        ["GET /workspace/reports/new"] = new(Rule.ReadSubtree, OfficePeriod + "&kind=QuarterlyImplementation"),
        ["POST /workspace/reports/new"] = new(Rule.WriteSubtree, OfficePeriod + "&kind=QuarterlyImplementation"),
        ["GET /workspace/reports/{id:long}/edit"] = new(Rule.ReadSubtree),
        ["POST /workspace/reports/{id:long}/edit"] = new(Rule.WriteSubtree),
        ["GET /workspace/charter-updates/{id:long}/history"] = new(Rule.ReadSubtree),
        ["GET /workspace/charter-updates/{id:long}/withdraw"] = new(Rule.ReadSubtree),
        ["POST /workspace/charter-updates/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /workspace/meetings/{id:long}/history"] = new(Rule.ReadSubtree),
        ["GET /workspace/meetings/{id:long}/withdraw"] = new(Rule.ReadSubtree),
        ["POST /workspace/meetings/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /workspace/trainings/{id:long}/history"] = new(Rule.ReadSubtree),
        ["GET /workspace/trainings/{id:long}/withdraw"] = new(Rule.ReadSubtree),
        ["POST /workspace/trainings/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /workspace/reports/{id:long}/history"] = new(Rule.ReadSubtree),
        ["GET /workspace/reports/{id:long}/withdraw"] = new(Rule.ReadSubtree),
        ["POST /workspace/reports/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /workspace/kaizen"] = new(Rule.ReadSubtree, "officeId={office}&fiscalYear=2024-25"),
        ["GET /workspace/kaizen/new"] = new(Rule.ReadSubtree, "officeId={office}&fiscalYear=2024-25"),
        ["POST /workspace/kaizen/new"] = new(Rule.WriteSubtree, "officeId={office}&fiscalYear=2024-25"),
        ["GET /workspace/kaizen/{id:long}/edit"] = new(Rule.ReadSubtree),
        ["POST /workspace/kaizen/{id:long}/edit"] = new(Rule.WriteSubtree),
        ["GET /workspace/kaizen/{id:long}/history"] = new(Rule.ReadSubtree),
        ["GET /workspace/kaizen/{id:long}/withdraw"] = new(Rule.ReadSubtree),
        ["POST /workspace/kaizen/{id:long}/withdraw"] = new(Rule.WriteSubtree, UsesUp: true),
        ["GET /kaizen/convention"] = new(Rule.ReadSubtree, "officeId={office}&fiscalYear=2024-25"),
        ["GET /workspace/follow-ups/{id:long}/complete"] = new(Rule.ReadSubtree),
        ["POST /workspace/follow-ups/{id:long}/complete"] = new(Rule.WriteSubtree, UsesUp: true),

        // The charter itself (Charters/).
        ["GET /api/v1/offices/{officeId:long}/charter"] = new(Rule.ReadSubtree),
        ["POST /api/v1/offices/{officeId:long}/charter/versions"] = new(Rule.WriteSubtree),
        ["GET /api/v1/offices/{officeId:long}/charter/versions"] = new(Rule.ReadSubtree),
        ["GET /api/v1/offices/{officeId:long}/charter/changes"] = new(Rule.ReadSubtree),
        ["GET /api/v1/offices/{officeId:long}/charter/draft"] = new(Rule.ReadSubtree),
        ["PUT /api/v1/offices/{officeId:long}/charter/draft"] = new(Rule.WriteSubtree),
        ["POST /api/v1/offices/{officeId:long}/charter/draft/publish"] = new(Rule.WriteSubtree),
        ["GET /api/v1/offices/{officeId:long}/charter/services.csv"] = new(Rule.ReadSubtree),
        ["POST /api/v1/offices/{officeId:long}/charter/draft/services.csv"] = new(Rule.WriteSubtree),
        ["GET /api/v1/offices/{officeId:long}/charter-changes"] = new(Rule.ReadSubtree, Period),
        ["GET /charter"] = new(Rule.SignedIn),
        ["GET /charter/offices/{officeId:long}"] = new(Rule.ReadSubtree),
        ["GET /charter/offices/{officeId:long}/draft"] = new(Rule.WriteSubtree),
        ["POST /charter/offices/{officeId:long}/draft"] = new(Rule.WriteSubtree),
        ["POST /charter/offices/{officeId:long}/publish"] = new(Rule.WriteSubtree),
        ["POST /charter/offices/{officeId:long}/import"] = new(Rule.WriteSubtree),
        ["GET /charter/offices/{officeId:long}/versions"] = new(Rule.ReadSubtree),
        ["GET /charter/offices/{officeId:long}/changes"] = new(Rule.ReadSubtree),
        ["GET /charter/changes"] = new(Rule.ReadSubtree, OfficePeriod),

        // The charter's documents, the public page, minutes marked for publication, spot checks.
        ["GET /api/v1/offices/{id:long}/charter.pdf"] = new(Rule.ReadSubtree),
        ["GET /api/v1/offices/{id:long}/charter.html"] = new(Rule.ReadSubtree),
        ["GET /api/v1/meetings/{id:long}/publication"] = new(Rule.ReadSubtree),
        ["PUT /api/v1/meetings/{id:long}/publication"] = new(Rule.WriteSubtree),
        ["GET /public/offices/{code}"] = new(Rule.AnonymousOk),
        ["GET /public/minutes/{id:long}"] = new(Rule.AnonymousOk),
        ["POST /api/v1/offices/{id:long}/spot-checks"] = new(Rule.OverseeSubtree),
        ["GET /api/v1/offices/{id:long}/spot-checks"] = new(Rule.ReadSubtree, "fiscalYear=2024-25"),
        ["GET /api/v1/offices/{id:long}/spot-checks/findings"] = new(Rule.ReadSubtree, Period),
        ["GET /api/v1/spot-checks/{id:long}"] = new(Rule.ReadSubtree),
        ["GET /api/v1/spot-checks/{id:long}/verify"] = new(Rule.ReadSubtree),
        ["PUT /api/v1/spot-checks/{id:long}/items/{itemId:long}"] = new(Rule.OverseeSubtree),
        ["POST /api/v1/spot-checks/{id:long}/issue"] = new(Rule.OverseeSubtree, UsesUp: true),
        ["GET /api/v1/spot-checks/{id:long}/report.pdf"] = new(Rule.ReadSubtree),
        ["GET /api/v1/spot-checks/{id:long}/report.html"] = new(Rule.ReadSubtree),
        ["GET /spot-checks"] = new(Rule.ReadSubtree, "officeId={office}&fiscalYear=2024-25"),
        ["POST /spot-checks"] = new(Rule.OverseeSubtree, "officeId={office}&fiscalYear=2024-25"),
        ["GET /spot-checks/{id:long}"] = new(Rule.ReadSubtree),
        ["POST /spot-checks/{id:long}/issue"] = new(Rule.OverseeSubtree, UsesUp: true),
        ["GET /spot-checks/{id:long}/items/{itemId:long}"] = new(Rule.ReadSubtree),
        ["POST /spot-checks/{id:long}/items/{itemId:long}"] = new(Rule.OverseeSubtree),
        ["GET /workspace/meetings/{id:long}/publication"] = new(Rule.ReadSubtree),
        ["POST /workspace/meetings/{id:long}/publication"] = new(Rule.WriteSubtree),

        // The committee's dashboard.
        ["GET /dashboard"] = new(Rule.ReadSubtree, OfficePeriod),
        ["GET /dashboard/{table}"] = new(Rule.ReadSubtree, OfficePeriod),
        ["GET /dashboard/{table}.csv"] = new(Rule.ReadSubtree, OfficePeriod),

        // Administration.
        ["GET /admin"] = new(Rule.AdminOnly),
        ["GET /admin/offices"] = new(Rule.AdminOnly, "officeId={office}"),
        ["GET /admin/offices/new"] = new(Rule.AdminOnly, "parentId={office}"),
        ["POST /admin/offices/new"] = new(Rule.AdminOnly, "parentId={office}"),
        ["GET /admin/offices/{id:long}/{change:regex(^(rename|move|deactivate)$)}"] = new(Rule.AdminOnly),
        ["POST /admin/offices/{id:long}/{change:regex(^(rename|move|deactivate)$)}"] = new(Rule.AdminOnly),
        ["POST /admin/offices/{id:long}/focal-points"] = new(Rule.AdminOnly),
        ["GET /admin/offices/{id:long}/focal-points/{assignmentId:long}/end"] = new(Rule.AdminOnly),
        ["POST /admin/offices/{id:long}/focal-points/{assignmentId:long}/end"] = new(Rule.AdminOnly, UsesUp: true),
        ["GET /admin/offices/import"] = new(Rule.AdminOnly),
        ["GET /admin/offices/import/sample.csv"] = new(Rule.AdminOnly),
        ["POST /admin/offices/import"] = new(Rule.AdminOnly),
        ["POST /admin/offices/import/confirm"] = new(Rule.AdminOnly),
        ["GET /admin/users"] = new(Rule.AdminOnly),
        ["GET /admin/users/new"] = new(Rule.AdminOnly),
        ["POST /admin/users/new"] = new(Rule.AdminOnly),
        ["GET /admin/users/{id:long}"] = new(Rule.AdminOnly),
        ["POST /admin/users/{id:long}"] = new(Rule.AdminOnly),
        ["POST /admin/users/{id:long}/password"] = new(Rule.AdminOnly),
        ["GET /admin/users/{id:long}/focal-points/new"] = new(Rule.AdminOnly),
        ["POST /admin/users/{id:long}/focal-points/new"] = new(Rule.AdminOnly),
        ["GET /admin/action-plans"] = new(Rule.AdminOnly),
        ["POST /admin/action-plans/clone"] = new(Rule.AdminOnly),
        ["GET /admin/action-plans/{year}"] = new(Rule.AdminOnly),
        ["GET /admin/action-plans/{year}/edit"] = new(Rule.AdminOnly),
        ["POST /admin/action-plans/{year}/edit"] = new(Rule.AdminOnly),
        ["GET /admin/jobs"] = new(Rule.AdminOnly),
        ["GET /admin/jobs/dashboard/{**path}"] = new(Rule.AdminOnly),
        ["POST /admin/jobs/{name}/run"] = new(Rule.AdminOnly),
        ["GET /admin/jobs/runs/{runId:long}"] = new(Rule.AdminOnly),
    };

    private TestApp _app = null!;
    private TrustWorld _world = null!;

    [OneTimeSetUp]
    public async Task BuildWorld()
    {
        // No Chromium: a PDF route the caller may read answers 503 after the access check instead of printing.
        _app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Charter:Documents:ChromiumPath"] = "/nonexistent/chromium" });
        _world = await TrustWorld.BuildAsync(_app);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [Test, Order(1)]
    public void Every_route_of_the_app_has_an_access_rule()
    {
        var missing = TrustRoutes.Of(_app).Select(r => r.ToString()).Where(r => !Rules.ContainsKey(r)).ToList();
        var stale = Rules.Keys.Except(TrustRoutes.Of(_app).Select(r => r.ToString())).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "routes without an entry in AccessMatrixTests.Rules");
            Assert.That(stale, Is.Empty, "entries in AccessMatrixTests.Rules for routes the app no longer maps");
        });
    }

    /// <summary>One case: a route, a caller (null: anonymous), a target office.</summary>
    private sealed record Case(RouteKey Route, Entry Entry, Role? Role, Relation Relation)
    {
        public override string ToString() => $"{Route} as {Role?.ToString() ?? "anonymous"} on {Relation}";

        /// <summary>
        /// Reads first, then writes, then the writes that use their target up: the refused ones while the target is
        /// intact (a refusal must not depend on someone having got there first), then the allowed ones.
        /// </summary>
        public int Phase => !Route.IsWrite ? 0 : !Entry.UsesUp ? 1 : Allowed(Entry.Rule, Role, Relation) ? 3 : 2;

        /// <summary>Signing in or out on the form replaces the browser's cookie: those cases run last of all, one at a time.</summary>
        public bool ChangesSession => Route.ToString() is "POST /login" or "POST /logout";
    }

    public static bool Allowed(Rule rule, Role? role, Relation relation)
    {
        var inSubtree = relation is Relation.Own or Relation.Subtree or Relation.None;
        return rule switch
        {
            Rule.AnonymousOk => true,
            _ when role is null => false,
            Rule.SignedIn => true,
            Rule.JudgeOnly => false,
            _ when role == Role.SystemAdmin => true,
            Rule.AdminOnly => false,
            Rule.ReadSubtree => inSubtree,
            Rule.WriteSubtree => role == Role.FocalPoint && inSubtree,
            Rule.OverseeSubtree => role == Role.MonitoringCommittee && inSubtree,
            Rule.WriteParent => role == Role.FocalPoint && relation == Relation.Subtree,
            Rule.AwardLine => inSubtree || relation == Relation.Parent,
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }

    [Test, Order(2)]
    public async Task Every_route_answers_every_role_on_every_office_as_its_rule_says()
    {
        var routes = TrustRoutes.Of(_app).Where(r => Rules.ContainsKey(r.ToString())).ToList();
        var cases = new List<Case>();
        foreach (var route in routes)
        {
            var entry = Rules[route.ToString()];
            var relations = TrustRoutes.NamesOffice(route.Pattern, entry.Query)
                ? new[] { Relation.Own, Relation.Subtree, Relation.Parent, Relation.Sibling, Relation.OtherMinistry }
                : [Relation.None];
            foreach (var relation in relations)
            {
                foreach (var role in TrustWorld.Roles.Cast<Role?>().Append(null)) cases.Add(new Case(route, entry, role, relation));
            }
        }
        var noSample = routes.Where(r => r.IsWrite && TrustRoutes.Sample(_world, r, "/", Relation.Own) is null).Select(r => r.ToString()).ToList();
        Assert.That(noSample, Is.Empty, "write routes without a sample request in TrustRoutes.Sample");

        var failures = new ConcurrentBag<string>();
        var outcomes = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        foreach (var phase in cases.Where(c => !c.ChangesSession).GroupBy(c => c.Phase).OrderBy(g => g.Key))
        {
            await Parallel.ForEachAsync(phase, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, _) => await RunAsync(c, failures, outcomes));
        }
        foreach (var c in cases.Where(c => c.ChangesSession)) await RunAsync(c, failures, outcomes);
        clock.Stop();

        TestContext.Out.WriteLine($"Access matrix: {cases.Count} route × role × office cases over {routes.Count} routes in {clock.Elapsed.TotalSeconds:0.0} s; "
                                  + $"statuses {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}×{o.Value}"))}.");
        foreach (var failure in failures.OrderBy(f => f, StringComparer.Ordinal)) TestContext.Out.WriteLine(failure);
        Assert.That(failures, Is.Empty, $"{failures.Count} of {cases.Count} cases broke their route's rule");
    }

    /// <summary>
    /// The web cookie is for pages: an unsafe API request that carries only the cookie (no bearer token, no
    /// antiforgery token) is refused, so another site cannot make a signed-in browser write through the API.
    /// Runs after the matrix (its targets may be used up by then: a 409 still shows the cookie got past the sign-in).
    /// </summary>
    [Test, Order(3)]
    public async Task A_cookie_without_an_antiforgery_token_writes_nothing_through_the_API()
    {
        var writes = TrustRoutes.Of(_app).Where(r => r.IsWrite && !r.IsPage && Rules.TryGetValue(r.ToString(), out var e) && e.Rule != Rule.AnonymousOk).ToList();
        var accepted = new List<string>();
        // Signed in anew: the matrix ended by signing its browsers out and in as someone else.
        var browsers = new Dictionary<Role, HttpClient>();
        foreach (var (role, username) in new[] { (Role.SystemAdmin, "admin"), (Role.FocalPoint, "focal") })
        {
            browsers[role] = await Web.WebClient.SignInOnFormAsync(_app, username, role == Role.SystemAdmin ? TestApp.AdminPassword : null);
        }
        foreach (var route in writes)
        {
            foreach (var role in browsers.Keys.Where(role => Allowed(Rules[route.ToString()].Rule, role, Relation.Own)))
            {
                var url = TrustRoutes.Url(_world, route.Pattern, Rules[route.ToString()].Query, Relation.Own);
                using var request = TrustRoutes.Sample(_world, route, url, Relation.Own)!.ToRequest(null);
                using var response = await browsers[role].SendAsync(request);
                if ((int)response.StatusCode is not (400 or 401 or 403)) accepted.Add($"{route} as {role} with the cookie: {(int)response.StatusCode}");
            }
        }
        Assert.That(accepted, Is.Empty, $"unsafe API requests over {writes.Count} routes that the cookie alone got through");
    }

    private async Task RunAsync(Case c, ConcurrentBag<string> failures, ConcurrentDictionary<int, int> outcomes)
    {
        var url = TrustRoutes.Url(_world, c.Route.Pattern, c.Entry.Query, c.Relation);
        var sample = c.Route.IsWrite ? TrustRoutes.Sample(_world, c.Route, url, c.Relation)! : new RequestSample(c.Route.Method, url, BodyKind.None);
        var (client, token) = c.Role is not { } role ? (_world.Anonymous, null)
            : c.Route.IsPage ? _world.Browser[role]
            : (_world.Bearer[role], (string?)null);
        using var request = sample.ToRequest(token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        outcomes.AddOrUpdate(status, 1, (_, n) => n + 1);
        var allowed = Allowed(c.Entry.Rule, c.Role, c.Relation);
        if (Verdict(c, response, body, allowed) is { } wrong)
        {
            failures.Add($"{c} ({url}): expected {(allowed ? "allowed" : "refused")}, got {status} {wrong}: {body[..Math.Min(body.Length, 200)]}");
        }
    }

    /// <summary>Null when the answer is what the rule says; otherwise what is wrong with it.</summary>
    private static string? Verdict(Case c, HttpResponseMessage response, string body, bool allowed)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var toLogin = status is 301 or 302 or 303 or 307 && location.Contains("/login", StringComparison.Ordinal);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status >= 500 && !(status == 503 && c.Route.Pattern.EndsWith(".pdf", StringComparison.Ordinal) && allowed)) return "(a server error)";
        if (c.Entry.Rule == Rule.AnonymousOk) return status is 401 or 403 ? "(refused)" : null;
        if (!allowed)
        {
            if (c.Role is null) return c.Route.IsPage ? toLogin ? null : "(not sent to /login)" : status == 401 ? null : "(not 401)";
            if (status != 403) return "(not 403)";
            if (c.Route.IsPage) return mediaType == "text/html" ? null : "(not the 403 page)";
            return mediaType == "application/problem+json" && JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32() == 403 ? null : "(not a 403 problem)";
        }
        // Allowed: the work was done, or refused for a reason that shows the access check was passed (a rule, a stale version, a used-up target).
        if (status is 401 or 403) return "(refused)";
        if (toLogin) return "(sent to /login)";
        var printerMissing = status == 503 && c.Route.Pattern.EndsWith(".pdf", StringComparison.Ordinal);
        return status is (>= 200 and < 400) or 400 or 404 or 409 || printerMissing ? null : "(unexpected status)";
    }
}
