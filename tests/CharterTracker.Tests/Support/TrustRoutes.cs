using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using CharterTracker.Tests.QualitySystems;
using Microsoft.Extensions.DependencyInjection;

namespace CharterTracker.Tests.Support;

/// <summary>A route as the app maps it: the method and the pattern's raw text (no trailing slash).</summary>
public sealed record RouteKey(string Method, string Pattern)
{
    public override string ToString() => $"{Method} {Pattern}";

    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>Server-rendered pages (and the sign-in form) answer in HTML; everything else is the API's JSON.</summary>
    public bool IsPage => !(Pattern.StartsWith("/api/", StringComparison.Ordinal) || Pattern.StartsWith("/health/", StringComparison.Ordinal)
                            || Pattern.StartsWith("/openapi/", StringComparison.Ordinal) || Pattern.StartsWith("/assets/", StringComparison.Ordinal));

    public static RouteKey Parse(string text) => text.Split(' ', 2) is [var method, var pattern] ? new RouteKey(method, pattern) : throw new ArgumentException(text);
}

public enum BodyKind
{
    None,
    Json,

    /// <summary>A web form: multipart, as browsers post the workspace's forms, with the page's antiforgery token.</summary>
    Form,

    /// <summary>multipart/form-data without a token (the API's uploads).</summary>
    Multipart,

    /// <summary>text/csv.</summary>
    Csv,
}

/// <summary>A file in a multipart body.</summary>
public sealed record FilePart(string Field, string FileName, string ContentType, byte[] Bytes);

/// <summary>A request to send: a valid sample, or a mutation of one.</summary>
public sealed record RequestSample(string Method, string Url, BodyKind Kind)
{
    public JsonNode? Json { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];
    public FilePart? File { get; init; }
    public string? Text { get; init; }

    /// <summary>Raw bytes and content type, for bodies no well-behaved client would send.</summary>
    public (byte[] Bytes, string ContentType)? Raw { get; init; }

    public HttpRequestMessage ToRequest(string? formToken)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Raw is { } raw)
        {
            request.Content = new ByteArrayContent(raw.Bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", raw.ContentType);
            return request;
        }
        request.Content = Kind switch
        {
            BodyKind.Json => new StringContent(Json?.ToJsonString() ?? "null", Encoding.UTF8, "application/json"),
            BodyKind.Csv => new StringContent(Text ?? "", Encoding.UTF8, "text/csv"),
            BodyKind.Form or BodyKind.Multipart => Multipart(Kind == BodyKind.Form ? formToken : null),
            _ => null,
        };
        return request;
    }

    private MultipartFormDataContent Multipart(string? token)
    {
        var content = new MultipartFormDataContent();
        if (token is not null) content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in Fields) content.Add(new StringContent(value), name);
        if (File is { } file)
        {
            var bytes = new ByteArrayContent(file.Bytes);
            bytes.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            content.Add(bytes, file.Field, file.FileName);
        }
        return content;
    }
}

/// <summary>
/// The app's route table, read from its <see cref="EndpointDataSource"/> at test time, and what the trust suites need
/// to call each route: real ids for its parameters (from a <see cref="TrustWorld"/>) and a valid sample request for
/// every write route.
/// </summary>
public static partial class TrustRoutes
{
    /// <summary>Every route of the running app, one per method.</summary>
    public static IReadOnlyList<RouteKey> Of(TestApp app)
    {
        var routes = new SortedSet<RouteKey>(Comparer<RouteKey>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString())));
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith('/')) pattern = "/" + pattern;
            if (pattern.Length > 1) pattern = pattern.TrimEnd('/');
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods) routes.Add(new RouteKey(method, pattern));
        }
        return routes.ToList();
    }

    /// <summary>Whether a route's URL names an office or one of its records (so the target office's relation matters).</summary>
    public static bool NamesOffice(string pattern, string? query) =>
        (query?.Contains("{office}", StringComparison.Ordinal) ?? false)
        || Parameter().Matches(pattern).Any(m => OfficeSegments.Contains(Before(pattern, m.Index)) || m.Groups["name"].Value == "officeId");

    private static readonly HashSet<string> OfficeSegments =
        [
            "offices", "charter-updates", "meetings", "trainings", "reports", "evidence", "follow-ups", "focal-points",
            "award-cycles", "awards", "nominations",
            "kaizen",
            "spot-checks", "minutes",
            "quality-systems", "quality-indicators", "indicators", "quality-values",
        ];

    /// <summary>The URL of a route for a target office: every parameter filled with a real id of that office's records.</summary>
    public static string Url(TrustWorld world, string pattern, string? query, Relation relation)
    {
        var office = world.Offices[relation == Relation.None ? Relation.Own : relation];
        var path = Parameter().Replace(pattern, m => Value(world, office, Before(pattern, m.Index), m.Groups["name"].Value));
        var q = query?.Replace("{office}", Id(office.Office), StringComparison.Ordinal).Replace("{code}", office.Code, StringComparison.Ordinal);
        return q is null ? path : path + "?" + q;
    }

    private static string Before(string pattern, int index) => pattern[..index].TrimEnd('/').Split('/')[^1];

    private static string Value(TrustWorld world, OfficeRecords office, string segment, string name) => (segment, name) switch
    {
        (_, "code") => office.Code,
        (_, "officeId") or ("offices", _) => Id(office.Office),
        ("spot-checks", _) => Id(world.SpotChecks[office.Office].SpotCheck),
        ("items", _) => Id(world.SpotChecks[office.Office].Item),
        ("minutes", _) => Id(office.Meeting),
        (_, "path") => "recurring", // Hangfire's dashboard: /admin/jobs/dashboard/{**path}
        ("charter-updates", _) => Id(office.CharterUpdate),
        ("meetings", _) => Id(office.Meeting),
        ("trainings", _) => Id(office.Training),
        ("reports", _) => Id(office.Report),
        ("kaizen", _) => Id(office.Kaizen),
        ("evidence", _) => Id(office.Evidence),
        ("follow-ups", _) => Id(office.FollowUp),
        ("quality-systems", _) => Id(world.Quality[office.Office].System),
        ("quality-indicators", _) or ("indicators", _) => Id(world.Quality[office.Office].Indicator),
        ("quality-values", _) => Id(world.Quality[office.Office].Value),
        ("values", "fiscalYear") => TrustWorld.Year,
        (_, "quarter") => "1",
        ("focal-points", _) => Id(office.Assignment),
        ("award-cycles", _) or ("awards", _) => Id(world.Awards[office.Office].Cycle),
        ("nominations", _) => Id(world.Awards[office.Office].Nomination),
        ("users", _) => Id(world.TargetUserId),
        ("runs", _) => Id(world.JobRunId),
        ("jobs", _) => world.JobName,
        ("action-plans", _) => TrustWorld.Year,
        ("assets", _) => "site.css",
        ("dashboard", _) => "heat-map",
        (_, "change") => "rename",
        (_, "documentName") => "v1",
        _ => throw new InvalidOperationException($"No value for the route parameter {{{name}}} after '{segment}': add one in {nameof(TrustRoutes)}.{nameof(Value)}."),
    };

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    /// <summary>
    /// A valid request for every write route, against a target office's records (the sample bodies of
    /// <see cref="Samples"/> where one exists). A route missing here fails the suites that need it, by name.
    /// </summary>
    public static RequestSample? Sample(TrustWorld world, RouteKey route, string url, Relation relation)
    {
        var office = world.Offices[relation == Relation.None ? Relation.Own : relation];
        var n = world.Next();
        RequestSample Json(object body) => new(route.Method, url, BodyKind.Json) { Json = JsonSerializer.SerializeToNode(body, TestApp.Json) };
        RequestSample Form(params (string Name, string Value)[] fields) =>
            new(route.Method, url, BodyKind.Form) { Fields = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList() };
        RequestSample NoBody() => new(route.Method, url, BodyKind.None);
        var code = $"T{n}";
        return route.ToString() switch
        {
            "POST /api/v1/auth/token" => Json(new { username = "signin", password = "Password-signin" }),
            "POST /api/v1/users" => Json(new { username = $"user{n}", password = "Password-new-1", displayName = "নতুন ব্যবহারকারী", role = "Viewer", officeId = office.Office, email = $"user{n}@example.gov.bd", language = "bn" }),
            "PUT /api/v1/users/{id:long}" => Json(new { displayName = "Target", email = "target@example.gov.bd", role = "FocalPoint", officeId = world.Offices[Relation.OtherMinistry].Office, language = "en", active = true }),
            "POST /api/v1/users/{id:long}/password" => Json(new { password = "Password-target" }),
            "POST /api/v1/offices/{officeId:long}/focal-points" => Json(new { userId = world.TargetUserId, validFrom = $"{2030 + n % 60}-01-01", validUntil = $"{2030 + n % 60}-02-01" }),
            "POST /api/v1/offices/{officeId:long}/focal-points/{assignmentId:long}/end" => Json(new { validUntil = "2024-12-01" }),
            "POST /api/v1/offices" => Json(new { code, nameBn = $"দপ্তর {code}", nameEn = $"Office {code}", kind = "Branch", parentId = office.Office, activeFrom = "2024-08-01" }),
            "POST /api/v1/offices/{id:long}/rename" => Json(new { nameBn = $"দপ্তর {office.Code}", nameEn = $"Office {office.Code}" }),
            // Moving an office under itself: refused by the validator, after the access check (nothing moves).
            "POST /api/v1/offices/{id:long}/move" => Json(new { newParentId = office.Office, effectiveOn = "2024-08-15" }),
            // Closing far in the future: the office stays open for every case after this one.
            "POST /api/v1/offices/{id:long}/deactivate" => Json(new { effectiveOn = "2099-07-01" }),
            "POST /api/v1/offices/import" => new(route.Method, url + "?dryRun=true", BodyKind.Csv)
            {
                Text = $"code,nameBn,nameEn,kind,parentCode,activeFrom\nIMP{n},আমদানি,Imported,Branch,{office.Code},2024-08-01\n",
            },
            "POST /api/v1/evidence" => new(route.Method, url, BodyKind.Multipart)
            {
                Fields = [KeyValuePair.Create("evidenceDate", "2024-08-10"), KeyValuePair.Create("officeId", Id(office.Office))],
                File = new FilePart("file", "minutes.pdf", "application/pdf", TrustWorld.SmallPdf),
            },
            "POST /api/v1/offices/{officeId:long}/charter-updates" => Json(Samples.CharterUpdate()),
            "POST /api/v1/offices/{officeId:long}/charter/versions" => Json(Charters.CharterSamples.Version()),
            "PUT /api/v1/offices/{officeId:long}/charter/draft" => Json(Charters.CharterSamples.Version().Without("publishedOn")),
            "POST /api/v1/offices/{officeId:long}/charter/draft/publish" => Json(new { publishedOn = "2024-08-10", revision = 1 }),
            "POST /api/v1/offices/{officeId:long}/charter/draft/services.csv" => new(route.Method, url, BodyKind.Csv) { Text = Charters.CharterSamples.ServicesCsv },
            "POST /api/v1/offices/{officeId:long}/meetings" => Json(Samples.Meeting(followUpOwner: office.Office).With("kind", "StakeholderAwareness")),
            "POST /api/v1/offices/{officeId:long}/trainings" => Json(Samples.Training()),
            "POST /api/v1/offices/{officeId:long}/reports" => Json(Samples.Report()),
            "PUT /api/v1/charter-updates/{id:long}" => Json(Samples.CharterUpdate().With("version", 1)),
            "PUT /api/v1/meetings/{id:long}" => Json(Samples.Meeting(followUpOwner: office.Office).With("kind", "StakeholderAwareness").With("version", 1)),
            "PUT /api/v1/trainings/{id:long}" => Json(Samples.Training().With("version", 1)),
            "PUT /api/v1/reports/{id:long}" => Json(Samples.Report().With("version", 1)),
            "POST /api/v1/offices/{officeId:long}/kaizen" => Json(Samples.Kaizen()),
            "PUT /api/v1/kaizen/{id:long}" => Json(Samples.Kaizen().With("version", 1)),
            "POST /api/v1/kaizen/{id:long}/withdraw" => Json(new { reason = "Entered twice", version = 1 }),
            "POST /api/v1/charter-updates/{id:long}/withdraw" or "POST /api/v1/meetings/{id:long}/withdraw"
                or "POST /api/v1/trainings/{id:long}/withdraw" or "POST /api/v1/reports/{id:long}/withdraw" => Json(new { reason = "Entered twice", version = 1 }),
            "POST /api/v1/follow-ups/{id:long}/complete" => Json(new { doneOn = "2024-08-14", note = "Uploaded to the portal" }),
            "POST /api/v1/offices/{id:long}/score-overrides" => Json(new { fiscalYear = TrustWorld.Year, quarter = 1, indicatorCode = "1.1.1", score = 50, remark = "Checked on site" }),
            "POST /api/v1/offices/{id:long}/lock-exceptions" => Json(new { fiscalYear = TrustWorld.Year, quarter = 1, openUntil = "2024-09-30", reason = "Flood" }),
            "POST /api/v1/admin/scores/rebuild" => NoBody() with { Url = url + "?fiscalYear=" + TrustWorld.Year },
            "PUT /api/v1/action-plans/{fiscalYear}" => new(route.Method, url, BodyKind.Json) { Json = world.Plan.DeepClone() },
            "POST /api/v1/action-plans/{fiscalYear}/clone" => Json(new { toFiscalYear = $"{2030 + n % 60}-{(31 + n % 60) % 100:00}" }),
            "POST /api/v1/admin/jobs/{name}/run" => NoBody(),
            "POST /api/v1/award-cycles" => Json(TrustAwards.CycleBody(office.Office)),
            "PUT /api/v1/award-cycles/{id:long}/windows" => Json(new { nominationsCloseOn = "2024-08-31", judgingClosesOn = "2024-09-30" }),
            "POST /api/v1/award-cycles/{id:long}/judges" => Json(new { userId = world.TargetUserId }),
            "POST /api/v1/award-cycles/{id:long}/nominations" => Json(TrustAwards.NominationBody(office.Office)),
            "PUT /api/v1/nominations/{id:long}/scores" => Json(new { scores = new[] { new { criterionCode = "Q", score = 7.5m }, new { criterionCode = "S", score = 6m } } }),
            "POST /api/v1/nominations/{id:long}/withdraw" => Json(new { reason = "Entered twice" }),
            "PUT /api/v1/meetings/{id:long}/publication" => Json(new { published = true }),
            "POST /api/v1/offices/{id:long}/spot-checks" => Json(new { fiscalYear = TrustWorld.Year, quarter = 1, sampleSize = 2 }),
            "PUT /api/v1/spot-checks/{id:long}/items/{itemId:long}" => Json(new { checkedOn = "2024-08-15", withinTimeLimit = true, feeAsPublished = true, documentsAsPublished = false, note = "পুরনো ফরম চাওয়া হয়েছে" }),
            "POST /api/v1/spot-checks/{id:long}/issue" => Json(new { memoNumber = "05.00.0000.197.16.001.24.136", issuedOn = "2024-08-15", signatoryName = "মোঃ পারভেজ হাসান", signatoryDesignation = "যুগ্মসচিব" }),
            "POST /api/v1/offices/{id:long}/quality-systems" => Json(new { systemCode = "OWN", nameBn = $"নিজস্ব ব্যবস্থা {n}", adoptedOn = "2024-07-01" }),
            "POST /api/v1/quality-systems/{id:long}/retire" => Json(new { retiredOn = "2024-08-10", version = 1 }),
            "POST /api/v1/offices/{id:long}/quality-indicators" => Json(QualitySamples.Indicator(world.Quality[office.Office].System, $"Q{n}")),
            "PUT /api/v1/quality-indicators/{id:long}" => Json(QualitySamples.Indicator(0, $"E{n}").With("version", 1)),
            // The quarter holds a value already: a correction of version 1 (400 or 409 once corrected; the access check comes first).
            "PUT /api/v1/quality-indicators/{id:long}/values/{fiscalYear}/{quarter:int}" => Json(QualitySamples.Value(80).With("version", 1)),
            "POST /api/v1/quality-values/{id:long}/withdraw" => Json(new { reason = "Entered twice", version = 1 }),

            "POST /login" => new(route.Method, url, BodyKind.Form) { Fields = [KeyValuePair.Create("username", "signin"), KeyValuePair.Create("password", "Password-signin"), KeyValuePair.Create("returnUrl", "/")] },
            "POST /logout" => Form(),
            "POST /workspace/charter-updates/new" => Form(("updatedOn", "2024-08-10"), ("portalReference", "NIS-2024-0815"), ("notes", "হালনাগাদ"), ("hasEvidence", "true")),
            "POST /workspace/charter-updates/{id:long}/edit" => Form(("version", "1"), ("updatedOn", "2024-08-10"), ("portalReference", "NIS-2024-0815"), ("hasEvidence", "true")),
            "POST /charter/offices/{officeId:long}/draft" => Form(CharterDraftFields),
            "POST /charter/offices/{officeId:long}/publish" => Form(("publishedOn", "2024-08-10"), ("revision", "1")),
            "POST /charter/offices/{officeId:long}/import" => new(route.Method, url, BodyKind.Form)
            {
                File = new FilePart("file", "services.csv", "text/csv", Encoding.UTF8.GetBytes(Charters.CharterSamples.ServicesCsv)),
            },
            "POST /workspace/meetings/new" => Form(MeetingFields(office)),
            "POST /workspace/meetings/{id:long}/edit" => Form([("version", "1"), .. MeetingFields(office)]),
            "POST /workspace/trainings/new" => Form(("kind", "Workshop"), ("heldOn", "2024-08-05"), ("title", "কর্মশালা"), ("participants", "35"), ("hasEvidence", "true")),
            "POST /workspace/trainings/{id:long}/edit" => Form(("version", "1"), ("kind", "Workshop"), ("heldOn", "2024-08-05"), ("title", "কর্মশালা"), ("participants", "35"), ("hasEvidence", "true")),
            "POST /workspace/reports/new" => Form(("kind", "QuarterlyImplementation"), ("quarter", "1"), ("submittedOn", "2024-08-14"), ("hasEvidence", "true")),
            "POST /workspace/reports/{id:long}/edit" => Form(("version", "1"), ("kind", "QuarterlyImplementation"), ("quarter", "1"), ("submittedOn", "2024-08-14"), ("hasEvidence", "true")),
            "POST /workspace/charter-updates/{id:long}/withdraw" or "POST /workspace/meetings/{id:long}/withdraw"
                or "POST /workspace/trainings/{id:long}/withdraw" or "POST /workspace/reports/{id:long}/withdraw" => Form(("version", "1"), ("reason", "Entered twice")),
            "POST /workspace/kaizen/new" => Form(KaizenFields),
            "POST /workspace/kaizen/{id:long}/edit" => Form([("version", "1"), .. KaizenFields]),
            "POST /workspace/kaizen/{id:long}/withdraw" => Form(("version", "1"), ("reason", "Entered twice")),
            "POST /workspace/follow-ups/{id:long}/complete" => Form(("doneOn", "2024-08-14"), ("note", "Done")),
            "POST /admin/users/new" => Form(("username", $"webuser{n}"), ("password", "Password-new-1"), ("displayName", "ব্যবহারকারী"), ("role", "Viewer"), ("officeId", office.Code), ("email", $"webuser{n}@example.gov.bd"), ("language", "bn")),
            "POST /admin/users/{id:long}" => Form(("displayName", "Target"), ("email", "target@example.gov.bd"), ("role", "FocalPoint"), ("officeId", "B1"), ("language", "en"), ("active", "true")),
            "POST /admin/users/{id:long}/password" => Form(("password", "Password-target"), ("passwordAgain", "Password-target")),
            "POST /admin/users/{id:long}/focal-points/new" => Form(("officeId", office.Code), ("validFrom", $"{2030 + n % 60}-03-01"), ("validUntil", $"{2030 + n % 60}-04-01")),
            "POST /admin/offices/new" => Form(("code", code), ("nameBn", $"দপ্তর {code}"), ("nameEn", $"Office {code}"), ("kind", "Branch"), ("activeFrom", "2024-08-01")),
            "POST /admin/offices/{id:long}/{change:regex(^(rename|move|deactivate)$)}" => Form(("nameBn", $"দপ্তর {office.Code}"), ("nameEn", $"Office {office.Code}")),
            "POST /admin/offices/{id:long}/focal-points" => Form(("userId", "target"), ("validFrom", $"{2030 + n % 60}-05-01"), ("validUntil", $"{2030 + n % 60}-06-01")),
            "POST /admin/offices/{id:long}/focal-points/{assignmentId:long}/end" => Form(("validUntil", "2024-12-01")),
            "POST /admin/offices/import" => new(route.Method, url, BodyKind.Form)
            {
                File = new FilePart("file", "offices.csv", "text/csv", Encoding.UTF8.GetBytes($"code,nameBn,nameEn,kind,parentCode,activeFrom\nWIMP{n},আমদানি,Imported,Branch,{office.Code},2024-08-01\n")),
            },
            "POST /admin/offices/import/confirm" => Form(("csv", $"code,nameBn,nameEn,kind,parentCode,activeFrom\nWC{n},আমদানি,Imported,Branch,{office.Code},2024-08-01"), ("sha256", "00"), ("fileName", "offices.csv")),
            "POST /admin/action-plans/clone" => Form(("fiscalYear", TrustWorld.Year), ("toFiscalYear", $"{2030 + n % 60}-{(31 + n % 60) % 100:00}")),
            "POST /admin/action-plans/{year}/edit" => Form(("quarterlyDueDays", "15"), ("annualDueDays", "30"), ("lockDays", "30")),
            "POST /admin/jobs/{name}/run" => Form(),
            "POST /workspace/meetings/{id:long}/publication" => Form(("published", "true")),
            "POST /spot-checks" => Form(("fiscalYear", TrustWorld.Year), ("quarter", "1"), ("sampleSize", "2")),
            "POST /spot-checks/{id:long}/items/{itemId:long}" => Form(("checkedOn", "2024-08-15"), ("withinTimeLimit", "yes"), ("feeAsPublished", "yes"), ("documentsAsPublished", "yes")),
            "POST /spot-checks/{id:long}/issue" => Form(("memoNumber", "05.00.0000.197.16.001.24.137"), ("issuedOn", "2024-08-15"), ("signatoryName", "মোঃ পারভেজ হাসান"), ("signatoryDesignation", "যুগ্মসচিব")),
            "POST /quality-systems/adopt" => Form(("systemCode", "OWN"), ("nameBn", $"নিজস্ব {n}"), ("adoptedOn", "2024-07-01")),
            "POST /quality-systems/{id:long}/indicators/new" => Form(("code", $"W{n}"), ("nameBn", "সূচক"), ("unit", "Percent"), ("frequency", "Quarterly"),
                ("aggregation", "Average"), ("direction", "HigherIsBetter"), ("weight", "1"), ("targets.at100", "90"), ("evidenceRequired", "true")),
            "POST /quality-systems/indicators/{id:long}/edit" => Form(("version", "1"), ("code", $"V{n}"), ("nameBn", "সূচক"), ("unit", "Percent"), ("frequency", "Quarterly"),
                ("aggregation", "Average"), ("direction", "HigherIsBetter"), ("weight", "1"), ("targets.at100", "90")),
            "POST /quality-systems/indicators/{id:long}/value" => Form(("version", "1"), ("value", "৮০"), ("hasEvidence", "true")),
            "POST /workspace/quality-values/{id:long}/withdraw" => Form(("version", "1"), ("reason", "Entered twice")),
            "POST /awards/new" => Form(("name", "সেবার মান পুরস্কার"), ("fiscalYear", TrustWorld.Year), ("nominationsCloseOn", "2024-08-31"), ("judgingClosesOn", "2024-09-30"),
                ("categories[0].code", "PROCESS"), ("categories[0].nameBn", "প্রক্রিয়া"), ("categories[0].nameEn", "Per-process"),
                ("criteria[0].code", "Q"), ("criteria[0].nameBn", "মান"), ("criteria[0].nameEn", "Quality"), ("criteria[0].weight", "৬০")),
            "POST /awards/{id:long}/judges" => Form(("userId", Id(world.TargetUserId))),
            "POST /awards/{id:long}/nominations/new" => Form(("officeId", Id(office.Office)), ("categoryCode", "PROCESS"), ("title", "সনদ এক দিনে"), ("summary", "৫ ধাপ থেকে ৩ ধাপ"), ("hasEvidence", "true")),
            "POST /awards/nominations/{id:long}/withdraw" => Form(("reason", "Entered twice")),
            "POST /awards/nominations/{id:long}/scores" => Form(("score.Q", "৭.৫"), ("score.S", "6")),
            _ => null,
        };
    }

    private static readonly (string, string)[] KaizenFields =
    [
        ("title", "প্রত্যয়নপত্র সেবা"), ("problem", "৭ বার যাতায়াত"), ("rootCause", "তিন টেবিল"), ("change", "এক টেবিল"), ("status", "Implemented"),
        ("implementedOn", "2024-08-05"), ("team[0].name", "নাসরিন আক্তার"), ("team[0].designation", "সহকারী পরিচালক"),
        ("measures[0].name", "যাতায়াত"), ("measures[0].unit", "বার"), ("measures[0].before", "৭"), ("measures[0].after", "২"), ("measures[0].better", "Lower"),
        ("hasEvidence", "true"),
    ];

    private static readonly (string, string)[] CharterDraftFields =
    [
        ("visionBn", "দক্ষ ভূমি সেবা"), ("missionBn", "দ্রুত ভূমি সেবা"),
        ("services[0].serviceId", ""), ("services[0].category", "Citizen"), ("services[0].nameBn", "নামজারি"), ("services[0].method", "অনলাইনে"),
        ("services[0].documents", "দলিল"), ("services[0].fee", "১১৫০ টাকা"), ("services[0].timeLimit", "৭ কার্যদিবস"),
        ("services[0].officer.name", "মোঃ করিম"), ("services[0].officer.designation", "সহকারী কমিশনার (ভূমি)"),
        ("grievance[0].level", "1"), ("grievance[0].days", "30"), ("grievance[0].officer.name", "মোঃ রফিক"), ("grievance[0].officer.designation", "ইউএনও"),
        ("expectations[0].textBn", "সম্পূর্ণ আবেদন জমা দিন"),
    ];

    private static (string, string)[] MeetingFields(OfficeRecords office) =>
    [
        ("kind", "StakeholderAwareness"), ("title", "ত্রৈমাসিক সভা"), ("heldOn", "2024-08-12"), ("startTime", "11:00"), ("venue", "সভাকক্ষ"),
        ("chair.name", "মোঃ পারভেজ হাসান"), ("chair.designation", "যুগ্মসচিব"),
        ("attendees[0].name", "মো: আনিছুর রহমান"), ("attendees[0].designation", "সিনিয়র সহকারী সচিব"), ("attendees[0].office", "সিপি-৩ শাখা"), ("attendees[0].attended", "true"),
        ("agenda[0].discussion", "হালনাগাদকরণ"), ("agenda[0].decision", "নিশ্চিত করবেন"),
        ("agenda[0].followUps[0].action", "Upload"), ("agenda[0].followUps[0].ownerOfficeId", Id(office.Office)), ("agenda[0].followUps[0].dueOn", "2024-09-30"),
        ("hasEvidence", "true"),
    ];
}
