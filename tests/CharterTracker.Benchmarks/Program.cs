using BenchmarkDotNet.Running;
using CharterTracker;
using CharterTracker.Benchmarks;

// dotnet run -c Release -- --filter '*' --job short
// dotnet run -c Release -- national-web <folder> [url]  builds the national web data set (NationalWebSet) in the folder
//                                                   and serves it (http://127.0.0.1:5080) with the benchmarks' clock.
// dotnet run -c Release -- write-profile <folder> [n]  where a write's milliseconds go (spans), on a copy of the set.
// dotnet run -c Release -- limits <folder> <wrk> [s]   every figure of bench/run.sh against its limit.
// dotnet run -c Release -- reads <folder>              only the national reads of it (no write load, no documents).
if (args is ["reads", var readsData, ..])
{
    return await Limits.RunAsync(readsData, typeof(Limits).Assembly.Location, wrk: "", writeSeconds: 0, readsOnly: true);
}
if (args is ["limits", var data, var wrk, ..])
{
    return await Limits.RunAsync(data, typeof(Limits).Assembly.Location, wrk, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 15);
}
if (args is ["national-web", var folder, ..])
{
    var url = args.Length > 2 ? args[2] : "http://127.0.0.1:5080";
    var directory = Path.GetFullPath(folder);
    if (!File.Exists(NationalWebSet.DatabaseFile(directory)))
    {
        var facts = await NationalWebSet.CreateAsync(directory);
        Console.WriteLine($"Built {directory} in {facts.BuildTime.TotalSeconds:0} s: ministry {facts.MinistryId}, department {facts.DepartmentId}, district {facts.DistrictId}, leaf {facts.LeafId}.");
    }
    var app = NationalWebSet.Build(directory, url);
    await CharterApp.InitialiseAsync(app);
    Console.WriteLine($"Serving on {url} as of {NationalWebSet.Now:yyyy-MM-dd}; sign in as committee, department.fp, upazila.fp or admin with {NationalWebSet.Password}.");
    await app.RunAsync();
    return 0;
}
if (args is ["write-profile", var national, ..])
{
    await WriteProfile.RunAsync(national, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 500);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(OfficeTreeBenchmarks).Assembly).Run(args);
return 0;
