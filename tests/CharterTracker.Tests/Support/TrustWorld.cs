using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Tests.QualitySystems;
using CharterTracker.Tests.Web;

namespace CharterTracker.Tests.Support;

/// <summary>Where a target office stands from the office the matrix's users sit at (A1).</summary>
public enum Relation
{
    Own,
    Subtree,
    Parent,
    Sibling,
    OtherMinistry,

    /// <summary>The route names no office (or the rule ignores it).</summary>
    None,
}

/// <summary>The records of one office that route parameters name.</summary>
public sealed record OfficeRecords(long Office, string Code, long CharterUpdate, long Meeting, long Training, long Report, long Evidence, long FollowUp, long Assignment, long Kaizen);

/// <summary>
/// One world for the trust suites, built once per fixture through the API:
/// <code>
/// M1 (ministry)                 M2 (ministry)
/// ├── A1 (agency)  ← users     └── B1 (agency)
/// │   └── F1 (district office)
/// └── A2 (agency)
/// </code>
/// The committee member, the focal point and the viewer sit at A1, so A1 is their own office, F1 their subtree,
/// M1 their parent, A2 a sibling and B1 another ministry. Every office holds a record of each kind (fiscal year
/// 2024-25, quarter 1), an evidence file, a meeting with a follow-up it owns, and a focal point assignment of the
/// spare user <c>target</c>, so that every route parameter names something real.
/// </summary>
public sealed class TrustWorld
{
    public const string Year = "2024-25";
    public static readonly byte[] SmallPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private TrustWorld(TestApp app) => App = app;

    public TestApp App { get; }
    public Dictionary<Relation, OfficeRecords> Offices { get; } = [];

    /// <summary>Each office's quality system (ISO 9001), indicator and Q1 value, by office id.</summary>
    public Dictionary<long, QualityRecords> Quality { get; } = [];
    public Dictionary<Role, HttpClient> Bearer { get; } = [];

    /// <summary>Browser-like clients (cookie, no redirects followed) and the antiforgery token of a page each has loaded.</summary>
    public Dictionary<Role, (HttpClient Client, string Token)> Browser { get; } = [];

    public HttpClient Anonymous { get; private set; } = null!;
    public long TargetUserId { get; private set; }
    public long JobRunId { get; private set; }
    public string JobName { get; private set; } = "";

    /// <summary>Per office id: the award cycle it organises and its nomination in it (<see cref="TrustAwards"/>).</summary>
    public Dictionary<long, (long Cycle, long Nomination)> Awards { get; private set; } = [];
    /// <summary>Per office id: a spot check the administrator drew there and its first item (from the office's own charter).</summary>
    public Dictionary<long, (long SpotCheck, long Item)> SpotChecks { get; } = [];

    /// <summary>The built-in plan of 2024-25, as the API exports it (the body of a plan import).</summary>
    public System.Text.Json.Nodes.JsonNode Plan { get; private set; } = null!;
    private int _serial;

    /// <summary>A number not used before in this world: for codes, usernames and years that must be fresh.</summary>
    public int Next() => Interlocked.Increment(ref _serial);

    public static readonly Role[] Roles = [Role.SystemAdmin, Role.MonitoringCommittee, Role.FocalPoint, Role.Viewer];

    public static async Task<TrustWorld> BuildAsync(TestApp app)
    {
        var world = new TrustWorld(app);
        var given = new Given(app);
        // Every office stands alone on the quarter's first day and is hung into the tree on 1 August: on 1 July none had
        // subordinates, so each holds one record of every kind in Q1 (an office with subordinates is expected other
        // things), while today's tree, the one access follows, is the one above.
        var m1 = await given.OfficeAsync("M1", kind: OfficeKind.Ministry);
        var a1 = await given.OfficeAsync("A1");
        var f1 = await given.OfficeAsync("F1", kind: OfficeKind.DistrictOffice);
        var a2 = await given.OfficeAsync("A2");
        var m2 = await given.OfficeAsync("M2", kind: OfficeKind.Ministry);
        var b1 = await given.OfficeAsync("B1");
        var admin = await app.AsAdminAsync();
        foreach (var (office, parent) in new[] { (a1, m1), (a2, m1), (f1, a1), (b1, m2) })
        {
            await admin.PostJsonAsync($"/api/v1/offices/{office}/move", new { newParentId = parent, effectiveOn = "2024-08-01" }, HttpStatusCode.OK);
        }
        world.TargetUserId = await app.UserAsync("target", Role.FocalPoint, b1);
        await app.UserAsync("signin", Role.Viewer, m2);

        foreach (var (relation, id, code) in new[] { (Relation.Own, a1, "A1"), (Relation.Subtree, f1, "F1"), (Relation.Parent, m1, "M1"), (Relation.Sibling, a2, "A2"), (Relation.OtherMinistry, b1, "B1") })
        {
            world.Offices[relation] = await RecordsOfAsync(admin, world, id, code);
            world.Quality[id] = await QualityRecords.OfAsync(admin, id);
        }

        world.Awards = await TrustAwards.BuildAsync(admin, world.Offices.Values.Select(o => o.Office));
        world.Bearer[Role.SystemAdmin] = admin;
        world.Bearer[Role.MonitoringCommittee] = await app.AsNewUserAsync("committee", Role.MonitoringCommittee, a1);
        world.Bearer[Role.FocalPoint] = await app.AsNewUserAsync("focal", Role.FocalPoint, a1);
        world.Bearer[Role.Viewer] = await app.AsNewUserAsync("viewer", Role.Viewer, a1);
        foreach (var role in Roles)
        {
            var username = role == Role.SystemAdmin ? "admin" : ((Dictionary<Role, string>)new() { [Role.MonitoringCommittee] = "committee", [Role.FocalPoint] = "focal", [Role.Viewer] = "viewer" })[role];
            var client = await app.SignInOnFormAsync(username, role == Role.SystemAdmin ? TestApp.AdminPassword : null);
            // A form every role may open: withdrawing its own office's charter update.
            var form = $"/workspace/charter-updates/{world.Offices[Relation.Own].CharterUpdate}/withdraw";
            var page = await (await client.GetAsync(form)).Content.ReadAsStringAsync();
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value
                : throw new AssertionException($"No form token on {form} for {username}.");
            world.Browser[role] = (client, token);
        }
        world.Anonymous = NewAnonymous(app);

        world.Plan = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync($"/api/v1/action-plans/{Year}"))!;
        var jobs = await admin.GetJsonAsync("/api/v1/admin/jobs");
        world.JobName = jobs.EnumerateArray().Select(j => j.Str("name")).First();
        var run = await (await admin.PostAsync($"/api/v1/admin/jobs/{world.JobName}/run", null)).JsonAsync(HttpStatusCode.Accepted);
        world.JobRunId = run.GetProperty("runId").GetInt64();
        return world;
    }

    private static async Task<OfficeRecords> RecordsOfAsync(HttpClient admin, TrustWorld world, long office, string code)
    {
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(SmallPdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "minutes.pdf" },
            { new StringContent("2024-08-10"), "evidenceDate" },
            { new StringContent(office.ToString(System.Globalization.CultureInfo.InvariantCulture)), "officeId" },
        };
        var evidence = (await (await admin.PostAsync("/api/v1/evidence", upload)).JsonAsync(HttpStatusCode.Created)).Id();
        var update = (await admin.PostJsonAsync($"/api/v1/offices/{office}/charter-updates", Samples.CharterUpdate(), HttpStatusCode.Created)).Id();
        await admin.PostJsonAsync($"/api/v1/offices/{office}/charter/versions", Charters.CharterSamples.Version(), HttpStatusCode.Created);
        var spotCheck = await admin.PostJsonAsync($"/api/v1/offices/{office}/spot-checks", new { fiscalYear = Year, quarter = 1, sampleSize = 1 }, HttpStatusCode.Created);
        world.SpotChecks[office] = (spotCheck.Id(), spotCheck.GetProperty("items")[0].GetProperty("itemId").GetInt64());
        var meeting = await admin.PostJsonAsync($"/api/v1/offices/{office}/meetings", Samples.Meeting().With("kind", "StakeholderAwareness"), HttpStatusCode.Created);
        // The follow-up comes from a meeting of its own: editing a meeting replaces its agenda, follow-ups included.
        await admin.PostJsonAsync($"/api/v1/offices/{office}/meetings", Samples.Meeting(followUpOwner: office).With("kind", "StakeholderAwareness"), HttpStatusCode.Created);
        var training = (await admin.PostJsonAsync($"/api/v1/offices/{office}/trainings", Samples.Training(), HttpStatusCode.Created)).Id();
        var report = (await admin.PostJsonAsync($"/api/v1/offices/{office}/reports", Samples.Report(), HttpStatusCode.Created)).Id();
        var followUps = await admin.GetJsonAsync($"/api/v1/offices/{office}/follow-ups");
        var followUp = followUps.EnumerateArray().Single().Id();
        var assignment = (await admin.PostJsonAsync($"/api/v1/offices/{office}/focal-points",
            new { userId = world.TargetUserId, validFrom = "2024-09-01" }, HttpStatusCode.Created)).Id();
        var kaizen = (await admin.PostJsonAsync($"/api/v1/offices/{office}/kaizen", Samples.Kaizen(), HttpStatusCode.Created)).Id();
        return new OfficeRecords(office, code, update, meeting.Id(), training, report, evidence, followUp, assignment, kaizen);
    }

    /// <summary>A browser that keeps no cookies: it stays anonymous whatever it posts (the sign-in form included).</summary>
    public static HttpClient NewAnonymous(TestApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
}
