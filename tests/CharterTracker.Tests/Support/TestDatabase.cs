using CharterTracker.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace CharterTracker.Tests.Support;

/// <summary>
/// A real SQLite file per test app. The schema is migrated once into a template file and copied, so every test
/// starts from a fresh, fully migrated database in a few milliseconds.
/// </summary>
public static class TestDatabase
{
    public static readonly string Root = Directory.CreateTempSubdirectory("chartertracker-tests-").FullName;

    private static readonly Lazy<string> Template = new(() =>
    {
        var file = Path.Combine(Root, "template.db");
        var factory = new DbConnectionFactory(Dialect.Sqlite, $"Data Source={file}");
        new MigrationRunner(factory, NullLogger<MigrationRunner>.Instance).MigrateAsync().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return file;
    });

    /// <summary>A new directory holding a migrated database file <c>charter.db</c>.</summary>
    public static string NewDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("app-").FullName;
        File.Copy(Template.Value, Path.Combine(directory, "charter.db"));
        return directory;
    }

    /// <summary>The repository root, for tests that read db/ itself.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CharterTracker.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("CharterTracker.sln not found above the test directory.");
        }
    }
}
