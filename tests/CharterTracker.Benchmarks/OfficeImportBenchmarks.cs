using System.Text;
using BenchmarkDotNet.Attributes;
using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Offices;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using CharterTracker.Demo.National;

namespace CharterTracker.Benchmarks;

/// <summary>
/// Importing 5,000 offices (departments, their divisional, district and upazila offices) under a stored ministry
/// through the real <see cref="ImportOfficesCommand"/>: the application's services and the whole pipeline
/// (authorization, validation, one transaction, the audit row), as a system administrator. Every iteration
/// starts from the same freshly migrated file holding only the ministry (the iteration setup makes BenchmarkDotNet
/// run one import per iteration).
/// </summary>
[MemoryDiagnoser]
public class OfficeImportBenchmarks
{
    public const int Rows = 5_000;

    private string _directory = null!;
    private string _template = null!;
    private string _database = null!;
    private WebApplication _app = null!;
    private string _csv = null!;

    [GlobalSetup]
    public void StartTheApplication()
    {
        _directory = Directory.CreateTempSubdirectory("chartertracker-import-").FullName;
        _template = Path.Combine(_directory, "template.db");
        _database = Path.Combine(_directory, "charter.db");
        CreateTemplateAsync().GetAwaiter().GetResult();
        _csv = Csv();

        _app = CharterApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Charter:Database:Provider"] = "Sqlite",
            ["Charter:Database:ConnectionString"] = $"Data Source={_database}",
            ["Charter:KeysDirectory"] = Path.Combine(_directory, "keys"),
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }

    [IterationSetup]
    public void StartFromTheTemplate()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" }) File.Delete(file);
        File.Copy(_template, _database);
    }

    [GlobalCleanup]
    public void StopTheApplication()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "ImportOfficesCommand: 5,000 rows")]
    public async Task<int> Import_5000_offices()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        var report = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportOfficesCommand { Csv = _csv });
        return report.Imported == Rows ? report.Imported : throw new InvalidOperationException($"Imported {report.Imported} of {Rows} rows.");
    }

    /// <summary>A migrated file with the ministry the file hangs its offices under.</summary>
    private async Task CreateTemplateAsync()
    {
        TypeHandlers.Register();
        var factory = new DbConnectionFactory(Dialect.Sqlite, $"Data Source={_template}");
        await new MigrationRunner(factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance).MigrateAsync();
        await using (var connection = await factory.OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO Offices (Id, Code, NameBn, NameEn, Kind, ParentId, Path, Depth, ActiveFrom, CreatedAtUtc)
                VALUES (1, 'MOPA', 'জনপ্রশাসন মন্ত্রণালয়', 'Ministry of Public Administration', 'Ministry', NULL, '/1/', 0, '2015-07-01', '2015-07-01T00:00:00.0000000Z');
                INSERT INTO OfficePlacements (OfficeId, ParentId, ValidFrom) VALUES (1, NULL, '2015-07-01');
                """);
            // Checkpoint, so that the template is one self-contained file to copy.
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        SqliteConnection.ClearAllPools();
    }

    /// <summary>25 departments under MOPA, 8 divisional offices each, 8 district offices under each of those, and upazila offices to make 5,000 rows; children listed before their parents here and there, as a spreadsheet may.</summary>
    private static string Csv()
    {
        var lines = new List<string>();
        for (var d = 1; d <= 25; d++)
        {
            lines.Add($"IMP-D{d},অধিদপ্তর {d},Import Department {d},Department,MOPA,2024-07-01");
            for (var v = 1; v <= 8; v++)
            {
                lines.Add($"IMP-D{d}-V{v},বিভাগীয় কার্যালয় {v},Divisional Office {v},DivisionalOffice,IMP-D{d},2024-07-01");
                for (var z = 1; z <= 8; z++)
                {
                    lines.Add($"IMP-D{d}-V{v}-Z{z},জেলা কার্যালয় {z},District Office {z},DistrictOffice,IMP-D{d}-V{v},2024-07-01");
                }
            }
        }
        var districts = lines.Where(line => line.Contains(",DistrictOffice,", StringComparison.Ordinal)).Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)]).ToList();
        for (var u = 0; lines.Count < Rows; u++)
        {
            var district = districts[u % districts.Count];
            lines.Insert(u % 7 == 0 ? 0 : lines.Count, $"{district}-U{u / districts.Count + 1},উপজেলা কার্যালয়,Upazila Office,UpazilaOffice,{district},2024-07-01");
        }
        return new StringBuilder("code,nameBn,nameEn,kind,parentCode,activeFrom\n").AppendJoin('\n', lines).Append('\n').ToString();
    }
}
