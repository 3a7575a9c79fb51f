using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Auditing;
using CharterTracker.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CharterTracker.Tests.Auditing;

/// <summary>
/// The audit log of a subtree and a period, as CSV, for the committee's auditors; and nothing ever changes an audit
/// row. World: <see cref="Given.TwoMinistriesAsync"/>, records kept on 10, 14 (23:30 Dhaka), 15 (00:30 Dhaka) and 20 August 2024.
/// </summary>
public sealed class AuditExportTests
{
    private TestApp _app = null!;
    private Dictionary<string, long> _office = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 8, 10));
        _office = await new Given(_app).TwoMinistriesAsync();
        await _app.UserAsync("m1.committee", Role.MonitoringCommittee, _office["M1"]);
        await _app.UserAsync("m2.committee", Role.MonitoringCommittee, _office["M2"]);
        await _app.UserAsync("m1.viewer", Role.Viewer, _office["M1"]);
        await _app.UserAsync("a1.fp", Role.FocalPoint, _office["A1"]);
        await _app.UserAsync("b1.fp", Role.FocalPoint, _office["B1"]);

        async Task RecordAsync(string username, string office, DateTimeOffset at)
        {
            _app.Clock.Set(at);
            _app.ForgetSignIns();
            var client = await _app.SignInAsync(username);
            await client.PostJsonAsync($"/api/v1/offices/{_office[office]}/charter-updates", Samples.CharterUpdate(), HttpStatusCode.Created);
        }
        var dhaka = TimeSpan.FromHours(6);
        await RecordAsync("a1.fp", "A1", new DateTimeOffset(2024, 8, 14, 23, 30, 0, dhaka));
        await RecordAsync("a1.fp", "A1", new DateTimeOffset(2024, 8, 15, 0, 30, 0, dhaka));
        await RecordAsync("b1.fp", "B1", new DateTimeOffset(2024, 8, 16, 10, 0, 0, dhaka));
        await RecordAsync("a1.fp", "A1", new DateTimeOffset(2024, 8, 20, 10, 0, 0, dhaka));
        _app.Clock.Set(new DateTimeOffset(2024, 8, 25, 12, 0, 0, dhaka));
        _app.ForgetSignIns();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private string Url(string office, string from = "2024-08-15", string to = "2024-08-31") => $"/api/v1/offices/{_office[office]}/audit.csv?from={from}&to={to}";

    private static IReadOnlyList<string[]> Rows(string csv) =>
        csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToList();

    [Test]
    public async Task The_committee_exports_its_subtrees_rows_of_the_period_by_the_deployments_days_oldest_first()
    {
        var committee = await _app.SignInAsync("m1.committee");

        var response = await committee.GetAsync(Url("M1"));
        var csv = await response.Content.ReadAsStringAsync();

        var expected = Sql.Query<long>(_app, """
            SELECT a.Id FROM AuditLog a JOIN Offices o ON o.Id = a.OfficeId
            WHERE o.Code IN ('M1', 'A1', 'D1', 'A2') AND a.OccurredAtUtc >= '2024-08-14T18:00:00' AND a.OccurredAtUtc < '2024-08-31T18:00:00' ORDER BY a.Id
            """);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), csv);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(csv.TrimStart('\uFEFF'), Does.StartWith("id,occurredAtUtc,username,action,officeId,officeCode,entityId,outcome,detail,payload\r\n"));
            Assert.That(Rows(csv).Select(row => long.Parse(row[0])), Is.EqualTo(expected));
            Assert.That(Rows(csv).Where(row => row[3] == "RecordCharterUpdate").Select(row => (row[2], row[5])), Is.EqualTo(new[] { ("a1.fp", "A1"), ("a1.fp", "A1") }),
                "A1's records of 15 (00:30 Dhaka, still 14 August in UTC) and 20 August; not the one of 14 August, nor B1's");
        });
    }

    [TestCase("a1.fp", "M1")]
    [TestCase("m1.viewer", "M1")]
    [TestCase("m2.committee", "M1")]
    [TestCase("m1.committee", "M2")]
    public async Task Anyone_but_the_subtrees_committee_or_an_administrator_gets_403(string username, string office)
    {
        var client = await _app.SignInAsync(username);

        await (await client.GetAsync(Url(office))).JsonAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task An_administrator_and_the_committee_of_a_parent_may_export()
    {
        var admin = await _app.AsAdminAsync();
        var committee = await _app.SignInAsync("m1.committee");

        var everything = await (await admin.GetAsync(Url("M2"))).Content.ReadAsStringAsync();
        var agency = await committee.GetAsync(Url("A1"));

        Assert.That(Rows(everything).Select(row => row[5]), Is.EqualTo(new[] { "B1" }));
        Assert.That(agency.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("", "2024-08-31", "from")]
    [TestCase("2024-08-15", "", "to")]
    [TestCase("2024-08-15", "2024-08-14", "to")]
    [TestCase("2023-08-15", "2024-08-31", "to")]
    public async Task A_period_missing_a_day_backwards_or_over_a_year_is_a_400_naming_the_field(string from, string to, string field)
    {
        var committee = await _app.SignInAsync("m1.committee");

        var problem = await (await committee.GetAsync(Url("M1", from, to))).JsonAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { field }));
    }

    [Test]
    public void A_cell_that_would_start_a_formula_is_written_as_text()
    {
        var csv = AuditCsv.Of([new AuditExportRow { Id = 1, Username = "@SUM(A1)", Action = "RegisterOffice", OfficeCode = "A1", Detail = "=HYPERLINK(\"http://x\")", Payload = "{}" }]);

        var cells = csv.Split("\r\n")[1];
        Assert.That(cells, Does.Contain(",'@SUM(A1),").And.Contain(",\"'=HYPERLINK(\"\"http://x\"\")\","));
    }

    [TestCase("\t=1+2", ",'\t=1+2,")]
    [TestCase("\r=1+2", ",\"'\r=1+2\",")]
    public void A_cell_that_a_spreadsheet_would_read_as_a_formula_after_a_tab_or_return_is_written_as_text(string username, string expected)
    {
        var csv = AuditCsv.Of([new AuditExportRow { Id = 1, Username = username, Action = "RegisterOffice", OfficeCode = "A1", Detail = "d", Payload = "{}" }]);

        Assert.That(csv[csv.IndexOf("\r\n", StringComparison.Ordinal)..], Does.Contain(expected));
    }

    [Test]
    public void Every_audit_route_only_reads()
    {
        var routes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.Contains("audit", StringComparison.OrdinalIgnoreCase) == true)
            .Select(endpoint => (endpoint.RoutePattern.RawText, Methods: endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["any"]))
            .ToList();

        Assert.That(routes.Select(route => route.RawText), Is.SupersetOf(new[] { "/api/v1/audit", "/api/v1/offices/{id:long}/audit.csv" }));
        Assert.That(routes.SelectMany(route => route.Methods.Select(method => $"{method} {route.RawText}")), Is.All.StartWith("GET "));
    }

    [Test]
    public async Task Writing_to_an_audit_route_changes_no_row()
    {
        var admin = await _app.AsAdminAsync();
        var before = Sql.Query<string>(_app, "SELECT Id || Username || Action || Outcome || Payload FROM AuditLog ORDER BY Id");

        var answers = new List<HttpStatusCode>();
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            foreach (var url in new[] { "/api/v1/audit", "/api/v1/audit/1", Url("M1") })
            {
                answers.Add((await admin.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") })).StatusCode);
            }
        }

        Assert.That(answers, Is.All.AnyOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed));
        Assert.That(Sql.Query<string>(_app, "SELECT Id || Username || Action || Outcome || Payload FROM AuditLog ORDER BY Id"), Is.EqualTo(before));
    }

    /// <summary>The source only ever inserts into the audit table; the database refuses anything else.</summary>
    [Test]
    public void The_audit_table_is_only_ever_inserted_into()
    {
        var writes = new Regex(@"\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|DELETE|TRUNCATE\s+TABLE|MERGE\s+INTO|MERGE|DROP\s+TABLE|ALTER\s+TABLE)\s+(\[?dbo\]?\.)?\[?AuditLog\b", RegexOptions.IgnoreCase);
        var found = new[] { "src", "db" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(TestDatabase.RepositoryRoot, folder), "*.*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".sql", StringComparison.Ordinal))
            .SelectMany(file => writes.Matches(File.ReadAllText(file)).Select(match => $"{Path.GetFileName(file)}: {Regex.Replace(match.Value, @"\s+", " ")}"))
            .ToList();

        Assert.That(found, Is.Not.Empty);
        Assert.That(found, Is.All.Contains(": INSERT INTO"));

        Assert.Throws<SqliteException>(() => Sql.Execute(_app, "UPDATE AuditLog SET Username = 'someone else'"));
        Assert.Throws<SqliteException>(() => Sql.Execute(_app, "DELETE FROM AuditLog"));
    }
}
