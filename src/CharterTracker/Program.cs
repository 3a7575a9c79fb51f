using CharterTracker;
using CharterTracker.Data;
using CharterTracker.Demo;
using CharterTracker.Scheduling;

// Verbs of the one executable: `migrate` applies the schema (the deployment step for SQL Server); anything else runs the app.
if (args.FirstOrDefault() == "migrate")
{
    var migrator = CharterApp.Build(args[1..]);
    var applied = await migrator.Services.GetRequiredService<MigrationRunner>().MigrateAsync();
    await migrator.Services.MigrateJobStorageAsync(); // Hangfire's tables on SQL Server (Scheduling/)
    Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
    return 0;
}

// `backup <folder>` / `restore <folder>`: an online copy of the SQLite database and evidence, and its way back (docs/operations.md).
if (args.FirstOrDefault() is "backup" or "restore")
{
    if (args.Length < 2)
    {
        Console.Error.WriteLine($"Usage: CharterTracker {args[0]} <folder> [--Charter:Database:ConnectionString=…]");
        return 2;
    }
    var host = CharterApp.Build(args[2..]);
    var evidence = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CharterTracker.Evidence.EvidenceOptions>>().Value.Directory;
    return await ActivatorUtilities.CreateInstance<SqliteBackup>(host.Services, evidence).RunVerbAsync(args[0], args[1]);
}

// `generate-national <folder> [--offices 25000] [--seed 42]`: the national data set for load and page tests (Demo/National).
if (args.FirstOrDefault() == "generate-national")
{
    return await CharterTracker.Demo.National.NationalVerb.RunAsync(args[1..], CharterApp.Build, CharterApp.InitialiseAsync);
}

var app = CharterApp.Build(args);
await CharterApp.InitialiseAsync(app);
app.Lifetime.ApplicationStarted.Register(() =>
{
    var factory = app.Services.GetRequiredService<DbConnectionFactory>();
    Console.WriteLine($"""

        CharterTracker is running: {string.Join(", ", app.Urls)}  (API explorer: /swagger)
        Database: {factory.Dialect}{(factory.SqliteFile is { } file ? " file " + Path.GetFullPath(file) : "")}
        """);
    if (app.Configuration.GetValue<bool>("Charter:DemoData"))
    {
        Console.WriteLine($"Demo logins (password {DemoData.Password}): " + string.Join(", ", DemoData.Users.Select(u => $"{u.Username} ({u.Role})"))
                          + (app.Configuration["Charter:BootstrapAdminPassword"] is { Length: > 0 } ? "; admin uses Charter__BootstrapAdminPassword" : ""));
    }
});
await app.RunAsync();
return 0;

/// <summary>Visible to tests and benchmarks that host the app themselves.</summary>
public partial class Program;
