using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CharterTracker.Demo;

/// <summary>Bangladesh's divisions, districts and upazilas (embedded; see Demo/BdAdmin/README.md).</summary>
public static class BangladeshAdmin
{
    public sealed record Unit(int Id, int ParentId, string NameEn, string NameBn);

    public static IReadOnlyList<Unit> Divisions { get; } = Read("divisions.csv", hasParent: false);
    public static IReadOnlyList<Unit> Districts { get; } = Read("districts.csv", hasParent: true);
    public static IReadOnlyList<Unit> Upazilas { get; } = Read("upazilas.csv", hasParent: true);

    private static List<Unit> Read(string file, bool hasParent)
    {
        using var stream = typeof(BangladeshAdmin).Assembly.GetManifestResourceStream("bd-admin/" + file)
            ?? throw new InvalidOperationException($"bd-admin/{file} is not embedded.");
        using var reader = new CsvReader(new StreamReader(stream), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var units = new List<Unit>();
        while (reader.Read())
        {
            var offset = hasParent ? 1 : 0;
            units.Add(new Unit(
                reader.GetField<int>(0),
                hasParent ? reader.GetField<int>(1) : 0,
                Clean(reader.GetField(1 + offset)),
                Clean(reader.GetField(2 + offset))));
        }
        return units;
    }

    /// <summary>The source has stray tabs and trailing spaces in a few names.</summary>
    private static string Clean(string? name) => string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
