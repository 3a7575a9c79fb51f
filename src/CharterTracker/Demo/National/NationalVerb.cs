using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Demo.National;

/// <summary>The executable's verb <c>generate-national &lt;folder&gt; [--offices N] [--seed S]</c>: builds <see cref="NationalDataSet"/> into an empty folder.</summary>
public static class NationalVerb
{
    public static async Task<int> RunAsync(string[] args, Func<string[], Action<WebApplicationBuilder>?, WebApplication> build, Func<WebApplication, CancellationToken, Task> initialise)
    {
        var offices = NationalOfficeTree.Offices;
        var seed = NationalYearOfRecords.DefaultSeed;
        string? folder = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--offices" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out offices):
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case var value when folder is null && !value.StartsWith("--", StringComparison.Ordinal):
                    folder = value;
                    break;
                default:
                    folder = null;
                    i = args.Length;
                    break;
            }
        }
        if (folder is null || offices < 74)
        {
            Console.Error.WriteLine("Usage: CharterTracker generate-national <folder> [--offices 25000 (at least 74)] [--seed 42]");
            return 2;
        }
        var directory = Path.GetFullPath(folder);
        if (File.Exists(NationalDataSet.DatabaseFile(directory)))
        {
            Console.Error.WriteLine($"{NationalDataSet.DatabaseFile(directory)} exists already: choose an empty folder.");
            return 2;
        }
        var facts = await NationalDataSet.CreateAsync(directory, offices, seed,
            () => build([], builder => builder.Configuration.AddInMemoryCollection(NationalDataSet.Settings(directory))),
            app => initialise(app, CancellationToken.None));
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"""
            Built {NationalDataSet.DatabaseFile(directory)} in {facts.BuildTime.TotalSeconds:0} s: {offices} offices (seed {seed}), fiscal year 2024-25 recorded, 2025-26 planned.
            Start the app on it:
              Charter__Database__ConnectionString='Data Source={NationalDataSet.DatabaseFile(directory)}' Charter__KeysDirectory='{Path.Combine(directory, "keys")}' dotnet run --project src/CharterTracker
            Sign in as committee (ministry {facts.MinistryId}), department.fp, upazila.fp, admin or fp-<office code>, password {NationalDataSet.Password}.
            """);
        return 0;
    }
}
