using BenchmarkDotNet.Running;
using CharterTracker;
using CharterTracker.Benchmarks;

// dotnet run -c Release -- --filter '*' --job short
// dotnet run -c Release -- national-web <folder>   builds the national web data set (NationalWebSet) in the folder and
//                                                   serves it on http://127.0.0.1:5080 with the benchmarks' clock.
if (args is ["national-web", var folder, ..])
{
    var directory = Path.GetFullPath(folder);
    if (!File.Exists(NationalWebSet.DatabaseFile(directory)))
    {
        var facts = await NationalWebSet.CreateAsync(directory);
        Console.WriteLine($"Built {directory} in {facts.BuildTime.TotalSeconds:0} s: ministry {facts.MinistryId}, department {facts.DepartmentId}, district {facts.DistrictId}, leaf {facts.LeafId}.");
    }
    var app = NationalWebSet.Build(directory, "http://127.0.0.1:5080");
    await CharterApp.InitialiseAsync(app);
    Console.WriteLine($"Serving on http://127.0.0.1:5080 as of {NationalWebSet.Now:yyyy-MM-dd}; sign in as committee, department.fp, upazila.fp or admin with {NationalWebSet.Password}.");
    await app.RunAsync();
    return;
}
if (args is ["write-profile", var national, ..])
{
    await WriteProfile.RunAsync(national, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 500);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(OfficeTreeBenchmarks).Assembly).Run(args);
