using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Demo;
using CharterTracker.Deadlines;
using CharterTracker.Tests.Support;
using CharterTracker.Tests.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CharterTracker.Tests.Data;

/// <summary>
/// No SQL Server can run on the build machines, so the SQL Server path is checked without one: every batch of the
/// <c>db/sqlserver</c> scripts and every statement the product can send to SQL Server goes through SQL Server's own
/// parser and is resolved against the tables and columns those scripts create (<see cref="TSqlCheck"/>). The
/// statements are recorded by <see cref="DbSession"/> (the SQL Server side of a <see cref="SqlText"/>, a portable
/// string as it is) while a broad scenario runs on SQLite: the demo data set, every GET route for four roles, the
/// web pages, the jobs and the structural office changes. Statements it does not run are added by reflection (every
/// static <see cref="SqlText"/>) and from the migration runner's and health check's own texts.
/// </summary>
public sealed partial class TSqlStatementTests
{
    private sealed class Recorder : ISqlServerStatementRecorder
    {
        public ConcurrentDictionary<string, int> Statements { get; } = new(StringComparer.Ordinal);

        public void Record(string sqlServerText) => Statements.AddOrUpdate(sqlServerText, 1, (_, count) => count + 1);
    }

    private static readonly Lazy<TSqlCheck> Check = new(() => new TSqlCheck(
        MigrationRunner.EmbeddedScripts(Dialect.SqlServer).SelectMany(script => MigrationRunner.Batches(script.Sql))
            .Append(MigrationRunner.SqlServerStatements[1]))); // the journal's own table

    private readonly Recorder _recorder = new();
    private readonly List<string> _serverErrors = [];

    [OneTimeSetUp]
    public async Task RunTheScenarioOnSqlite()
    {
        await using var smtp = SmtpListener.Start();
        var settings = smtp.Settings();
        settings["Charter:DemoData"] = "true";
        await using var app = await TestApp.StartAsync(TestClock.At(2025, 1, 20), settings: settings,
            services: services => services.AddSingleton<ISqlServerStatementRecorder>(_recorder));

        var admin = await app.AsAdminAsync();
        var ministry = Sql.Query<long>(app, "SELECT Id FROM Offices WHERE Code = 'MOPA'").Single();
        var agency = Sql.Query<long>(app, "SELECT Id FROM Offices WHERE Code = 'BPATC'").Single();
        var other = Sql.Query<long>(app, "SELECT Id FROM Offices WHERE Code = 'NAPD'").Single();

        // The jobs, then the structural changes a SystemAdmin makes.
        await app.SendAsSystemAsync(new FlagMissedDeadlinesCommand { AsOf = app.Clock.GetUtcNow() });
        await app.SendAsSystemAsync(new SendRemindersCommand { AsOf = app.Clock.GetUtcNow() });
        await app.SendAsSystemAsync(new DeliverOutboxCommand { AsOf = app.Clock.GetUtcNow() });
        foreach (var job in new[] { "flag-missed-deadlines", "send-reminders", "deliver-outbox" })
        {
            await admin.PostAsync($"/api/v1/admin/jobs/{job}/run", null);
        }
        await admin.PostJsonAsync($"/api/v1/offices/{agency}/rename", new { nameBn = "নতুন নাম", nameEn = "Renamed" }, HttpStatusCode.OK);
        var moved = await new Given(app).OfficeAsync("TSQL-1", agency, activeFrom: "2024-07-01");
        await admin.PostJsonAsync($"/api/v1/offices/{moved}/move", new { newParentId = other, effectiveOn = "2025-01-01" }, HttpStatusCode.OK);
        await admin.PostJsonAsync($"/api/v1/offices/{moved}/deactivate", new { effectiveOn = "2025-01-01" }, HttpStatusCode.OK);
        await admin.PostJsonAsync("/api/v1/admin/scores/rebuild?fiscalYear=2024-25", new { }, HttpStatusCode.OK);
        using (var csv = new MultipartFormDataContent())
        {
            csv.Add(new ByteArrayContent("code,nameBn,nameEn,kind,parentCode\nTSQL-2,দপ্তর,Imported,Agency,MOPA\n"u8.ToArray()), "file", "offices.csv");
            await admin.PostAsync("/api/v1/offices/import", csv);
        }

        // Every GET route, as each kind of user, through the API (bearer) and the web pages (cookie).
        var ids = new Dictionary<string, long>
        {
            ["/api/v1/meetings/"] = First(app, "Meetings"),
            ["/api/v1/charter-updates/"] = First(app, "CharterUpdates"),
            ["/api/v1/reports/"] = First(app, "Reports"),
            ["/api/v1/trainings/"] = First(app, "Trainings"),
            ["/api/v1/users/"] = First(app, "Users"),
            ["/api/v1/follow-ups/"] = First(app, "FollowUps"),
            ["/api/v1/evidence/"] = First(app, "EvidenceFiles"),
            // Job runs live in Hangfire's storage, not in a table of ours: any id reaches the route.
            ["/api/v1/admin/jobs/runs/"] = 1,
        };
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? false)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => !route.EndsWith(".pdf", StringComparison.Ordinal)) // the same queries as the .html; printing is slow
            .Distinct().ToList();
        var clients = new List<HttpClient> { admin };
        foreach (var user in new[] { "committee", "mopa.fp", "viewer" })
        {
            clients.Add(await app.AsAsync(user, DemoData.Password));
            clients.Add(await app.SignInOnFormAsync(user, DemoData.Password));
        }
        clients.Add(await app.SignInOnFormAsync(CharterTracker.Access.BootstrapAdmin.Username, TestApp.AdminPassword));
        foreach (var client in clients)
        {
            foreach (var route in routes)
            {
                var url = Fill(route, ids, ministry) + $"?fiscalYear=2024-25&quarter=2&officeId={ministry}&year=2024-25";
                using var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    _serverErrors.Add($"{url}: {(int)response.StatusCode}");
                }
            }
        }
    }

    private static long First(TestApp app, string table) =>
        Sql.Query<long>(app, $"SELECT COALESCE(MIN(Id), 1) FROM {table}").Single();

    private static string Fill(string route, Dictionary<string, long> ids, long office) => RouteParameter().Replace(route, match =>
    {
        var before = route[..match.Index];
        if (ids.FirstOrDefault(pair => before.EndsWith(pair.Key, StringComparison.Ordinal)) is { Key: not null } id) return id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups["name"].Value switch
        {
            "fiscalYear" => "2024-25",
            "name" => "flag-missed-deadlines",
            _ => office.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    });

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    /// <summary>Every static <see cref="SqlText"/> of the product, by reflection, with where it is declared.</summary>
    private static IReadOnlyList<(string Name, SqlText Text)> SqlTextFields() =>
        typeof(SqlText).Assembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(field => field.FieldType == typeof(SqlText))
            .Select(field => ($"{field.DeclaringType!.Name}.{field.Name}", (SqlText)field.GetValue(null)!))
            .ToList();

    /// <summary>The insert, update and select every record kind's <see cref="RecordTable"/> builds (the scenario edits none).</summary>
    private static IEnumerable<string> RecordTableStatements() =>
        typeof(RecordTable).Assembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(field => field.FieldType == typeof(RecordTable))
            .Select(field => (RecordTable)field.GetValue(null)!)
            .SelectMany(table => new[] { DbSession.ReturningId(table.Insert).SqlServer, table.Update, table.Select + " WHERE Id = @Id" });

    private static bool HasPlaceholder(string sql) => Placeholder().IsMatch(sql);

    /// <summary>
    /// A field that holds only common table expressions (<c>name (columns) AS (…), …</c>), put in front of statements
    /// after <c>WITH</c> (Offices/OfficeTree's subtrees of today), is checked as the smallest statement it can start.
    /// </summary>
    private static string AsStatement(string sql) => CteList().IsMatch(sql) ? "WITH " + sql + "\nSELECT 1" : sql;

    [GeneratedRegex(@"^\s*\w+\s*\([\w\s,]*\)\s*AS\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CteList();

    [GeneratedRegex(@"\{[A-Za-z]\w*\}")]
    private static partial Regex Placeholder();

    /// <summary>Whether a recorded statement is this template with its placeholders filled.</summary>
    private static bool Fills(string template, string statement) =>
        Regex.IsMatch(statement, "^" + Placeholder().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), "(?s:.*)") + "$", RegexOptions.Singleline);

    [Test]
    public void The_scenario_ran_without_a_server_error()
    {
        Assert.That(_serverErrors, Is.Empty);
    }

    [Test]
    public void Every_db_sqlserver_script_parses_and_names_only_tables_and_columns_the_scripts_create()
    {
        var problems = new List<string>();
        var batches = 0;
        // Each script is checked against the schema as it stood when the script ran: a later script may drop what an
        // earlier one created (0009 drops JobRuns). A name is unknown only if neither the schema before the script
        // (what it drops or alters) nor the schema after it (what it creates) has it.
        var scripts = MigrationRunner.EmbeddedScripts(Dialect.SqlServer);
        for (var i = 0; i < scripts.Count; i++)
        {
            var before = new TSqlCheck(scripts.Take(i).SelectMany(s => MigrationRunner.Batches(s.Sql)));
            var after = new TSqlCheck(scripts.Take(i + 1).SelectMany(s => MigrationRunner.Batches(s.Sql)));
            foreach (var batch in MigrationRunner.Batches(scripts[i].Sql))
            {
                batches++;
                problems.AddRange(before.Problems(batch).Intersect(after.Problems(batch)).Select(problem => $"{scripts[i].Name}: {problem}"));
            }
        }
        TestContext.Out.WriteLine($"{batches} batches of {MigrationRunner.EmbeddedScripts(Dialect.SqlServer).Count} scripts, {Check.Value.Tables.Count} tables");
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Every_statement_the_product_can_send_to_SQL_Server_parses_and_names_only_real_tables_and_columns()
    {
        var recorded = _recorder.Statements.Keys.ToList();
        if (Environment.GetEnvironmentVariable("TSQL_DUMP") is { } dump) File.WriteAllLines(dump, recorded.Select(sql => sql.ReplaceLineEndings(" ")));
        var fields = SqlTextFields();
        var templates = fields.Where(field => HasPlaceholder(field.Text.SqlServer)).ToList();
        var statements = recorded
            .Concat(fields.Select(field => field.Text.SqlServer).Where(sql => !HasPlaceholder(sql)).Select(AsStatement))
            .Concat(RecordTableStatements())
            .Concat(MigrationRunner.SqlServerStatements)
            .Append(DatabaseHealthCheck.Sql)
            .Distinct(StringComparer.Ordinal).ToList();

        var problems = statements
            .SelectMany(sql => Check.Value.Problems(sql).Select(problem => $"{problem}\n    in: {sql}"))
            .ToList();
        var executed = fields.Count(field => recorded.Any(statement => Fills(field.Text.SqlServer, statement)));
        var unrunTemplates = templates.Where(field => !recorded.Any(statement => Fills(field.Text.SqlServer, statement))).Select(field => field.Name).ToList();

        TestContext.Out.WriteLine(
            $"{statements.Count} distinct statements checked ({recorded.Count} recorded in the scenario, {_recorder.Statements.Values.Sum()} executions); " +
            $"{executed} of {fields.Count} static SqlText fields executed ({100.0 * executed / Math.Max(1, fields.Count):0}%)");
        TestContext.Out.WriteLine("Not executed by the scenario (checked as written): " +
            string.Join(", ", fields.Where(field => !recorded.Any(statement => Fills(field.Text.SqlServer, statement))).Select(field => field.Name)));
        Assert.Multiple(() =>
        {
            Assert.That(recorded, Has.Count.GreaterThan(100), "the scenario ran the product's data access");
            Assert.That(problems, Is.Empty);
            Assert.That(unrunTemplates, Is.Empty, "a SqlText with {placeholders} is only checked once the scenario fills them");
        });
    }

    [TestCase("LIMIT", "SELECT Id FROM Offices ORDER BY Code LIMIT @Take OFFSET @Skip")]
    [TestCase("||", "SELECT Path || CAST(Id AS varchar(20)) || '/' FROM Offices")]
    [TestCase("datetime('now')", "UPDATE Outbox SET SentAtUtc = datetime('now') WHERE Id = @Id")]
    [TestCase("INSERT OR IGNORE", "INSERT OR IGNORE INTO MissedFlags (OfficeId, FiscalYear, Quarter, IndicatorCode, DueOn, FlaggedAtUtc) VALUES (@O, @Y, @Q, @I, @D, @F)")]
    [TestCase("INSERT OR REPLACE", "INSERT OR REPLACE INTO MissedFlags (OfficeId, FiscalYear, Quarter, IndicatorCode, DueOn, FlaggedAtUtc) VALUES (@O, @Y, @Q, @I, @D, @F)")]
    [TestCase("ON CONFLICT", "INSERT INTO MissedFlags (OfficeId, FiscalYear, Quarter, IndicatorCode, DueOn, FlaggedAtUtc) VALUES (@O, @Y, @Q, @I, @D, @F) ON CONFLICT DO NOTHING")]
    [TestCase("true", "SELECT COUNT(*) FROM Users WHERE Active = true")]
    [TestCase("false", "UPDATE Outbox SET FailedPermanently = false WHERE Id = @Id")]
    [TestCase("unknown table", "SELECT Id FROM Office WHERE Id = @Id")]
    [TestCase("unknown column", "SELECT o.Id, o.Title FROM Offices o WHERE o.Id = @Id")]
    [TestCase("unknown column of a join", "SELECT u.Username FROM Users u JOIN Offices o ON o.Id = u.OfficeId WHERE o.UserName = @Name")]
    public void SQLite_only_syntax_and_unknown_names_are_rejected(string construct, string sql)
    {
        Assert.That(Check.Value.Problems(sql), Is.Not.Empty, construct);
    }

    [Test]
    public void What_SQL_Server_accepts_passes_CTEs_aliases_derived_tables_and_OUTPUT_included()
    {
        string[] accepted =
        [
            "WITH up AS (SELECT Id, ParentId, 0 AS Hops FROM Offices WHERE Id = @Id UNION ALL SELECT o.Id, o.ParentId, up.Hops + 1 FROM Offices o JOIN up ON o.Id = up.ParentId) SELECT Id, Hops FROM up ORDER BY Hops",
            "SELECT t.Kind, t.N FROM (SELECT Kind, COUNT(*) AS N FROM Offices GROUP BY Kind) t WHERE t.N > 1 ORDER BY N DESC",
            "SELECT Code AS OfficeCode FROM Offices WHERE Id IN @ids ORDER BY OfficeCode OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY",
            "INSERT INTO Offices (Code, NameBn, NameEn, Kind, Path, Depth, ActiveFrom, CreatedAtUtc) OUTPUT INSERTED.Id VALUES (@Code, @NameBn, @NameEn, @Kind, '', 0, @From, @Now);",
            "UPDATE o SET ActiveUntil = p.ValidUntil FROM Offices o JOIN OfficePlacements p ON p.OfficeId = o.Id WHERE DATEDIFF(day, p.ValidFrom, @Today) > 0",
        ];
        Assert.That(accepted.ToDictionary(sql => sql, sql => Check.Value.Problems(sql)), Has.All.Property("Value").Empty);
    }

    [Test]
    public void Statements_reach_the_database_only_through_DbSession_the_migration_runner_and_the_health_check()
    {
        // The recorder sits in DbSession; a Dapper call on a raw connection elsewhere would escape the check above.
        var source = Path.Combine(TestDatabase.RepositoryRoot, "src", "CharterTracker");
        var allowed = new[] { "DbSession.cs", "MigrationRunner.cs", "DatabaseHealthCheck.cs", "DbConnectionFactory.cs" }; // the last: SQLite pragmas only
        // The national data set (generate-national) is a SQLite file written with SQLite's own SQL: never sent to SQL Server.
        var sqliteOnly = Path.Combine(source, "Demo", "National");
        var escaping = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !allowed.Contains(Path.GetFileName(file)) && !file.StartsWith(sqliteOnly, StringComparison.Ordinal))
            .Where(file => RawConnectionCall().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(source, file))
            .ToList();
        // A SqlText chosen before it reaches DbSession (.For(db.Dialect)) would be recorded by its SQLite side.
        var chosenEarly = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => Path.GetFileName(file) is not ("DbSession.cs" or "MigrationRunner.cs" or "Dialect.cs"))
            .Where(file => File.ReadAllText(file).Contains(".For(", StringComparison.Ordinal) && File.ReadAllText(file).Contains("SqlText", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(source, file))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(escaping, Is.Empty);
            Assert.That(chosenEarly, Is.Empty, "pass the SqlText itself to DbSession");
        });
    }

    [GeneratedRegex(@"(connection|Connection\(\)|ConnectionAsync\([^)]*\)\)?)\s*\.\s*(Query|Execute)\w*\(|CommandText\s*=")]
    private static partial Regex RawConnectionCall();
}
