using CharterTracker.Data;
using CharterTracker.Demo.National;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CharterTracker.Benchmarks;

/// <summary>
/// The national data set the benchmarks measure (<see cref="Demo.National.NationalDataSet"/>, the app's <c>generate-national</c>
/// verb: 25,000 offices, 2024-25 complete, 2025-26 planned), served with the benchmarks' clock, on which 2025-26 Q1 is
/// under way (so the risk list has offices with work still open and a focal point can record for the quarter).
/// </summary>
public static class NationalWebSet
{
    public const string Password = Demo.National.NationalDataSet.Password;

    /// <summary>Noon in Dhaka on 20 August 2025: 2025-26 Q1 is under way, 2024-25 is complete.</summary>
    public static readonly DateTimeOffset Now = new(2025, 8, 20, 6, 0, 0, TimeSpan.Zero);

    public static string DatabaseFile(string directory) => Demo.National.NationalDataSet.DatabaseFile(directory);

    public static Task<Demo.National.NationalDataSet.Facts> CreateAsync(string directory) =>
        Demo.National.NationalDataSet.CreateAsync(directory, NationalOfficeTree.Offices, NationalYearOfRecords.DefaultSeed, () => Build(directory), app => CharterApp.InitialiseAsync(app));

    /// <summary>The app over the folder, with the benchmarks' clock.</summary>
    public static WebApplication Build(string directory, string? urls = null) =>
        CharterApp.Build([], builder =>
        {
            if (urls is not null) builder.WebHost.UseUrls(urls);
            builder.Configuration.AddInMemoryCollection(Demo.National.NationalDataSet.Settings(directory));
            builder.Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        });

    public static Task<Demo.National.NationalDataSet.Facts> FactsAsync(DbConnectionFactory factory, long ministryId, long departmentId) =>
        Demo.National.NationalDataSet.FactsAsync(factory, ministryId, departmentId);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
