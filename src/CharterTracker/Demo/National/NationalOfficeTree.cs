using System.Globalization;
using CharterTracker.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CharterTracker.Demo.National;

/// <summary>
/// A national-scale office tree in a migrated SQLite file: one ministry, 60 departments (fewer for a smaller tree), each
/// with a divisional office in the 8 divisions, a district office in each of the 64 districts (under its division's
/// office) and upazila offices under the districts, named after them (Demo/BdAdmin), 25,000 offices in all by default. Every tenth upazila office was first placed under
/// a neighbouring district and moved to its present one on 1 July 2021, so the placements table holds history
/// that the as-of queries must filter out. Written with plain INSERTs in one transaction, following
/// db/sqlite/0001_foundation.sql.
/// </summary>
public sealed class NationalOfficeTree
{
    public const int Offices = 25_000;
    public const int Departments = 60;

    /// <summary>The departments of a tree of <paramref name="offices"/>: 60 at 25,000, fewer below (each brings 73 offices before its upazilas).</summary>
    public static int DepartmentsFor(int offices) => Math.Clamp((int)Math.Round(offices * (double)Departments / Offices), 1, Departments);

    /// <summary>Every office exists from this day.</summary>
    public static readonly DateOnly Since = new(2015, 7, 1);

    /// <summary>The day the moved upazila offices reached their present district.</summary>
    public static readonly DateOnly Moved = new(2021, 7, 1);

    private NationalOfficeTree(long ministryId, long departmentId, string departmentPath, int departmentOffices, int placements)
    {
        MinistryId = ministryId;
        DepartmentId = departmentId;
        DepartmentPath = departmentPath;
        DepartmentOffices = departmentOffices;
        Placements = placements;
    }

    public long MinistryId { get; }

    /// <summary>The first department: a subtree of about 420 offices.</summary>
    public long DepartmentId { get; }

    public string DepartmentPath { get; }

    public int DepartmentOffices { get; }

    public int Placements { get; }

    public static async Task<NationalOfficeTree> CreateAsync(DbConnectionFactory factory, int offices = Offices)
    {
        var departments = DepartmentsFor(offices);
        if (offices < 1 + departments * (1 + BangladeshAdmin.Divisions.Count + BangladeshAdmin.Districts.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(offices), offices, "A national tree needs at least a ministry, a department and its divisional and district offices (74 offices).");
        }
        await new MigrationRunner(factory, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        await using var connection = (SqliteConnection)await factory.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var writer = new Writer(connection, transaction);

        var districtsByDivision = BangladeshAdmin.Districts.ToLookup(district => district.ParentId);
        var upazilasByDistrict = BangladeshAdmin.Upazilas.ToLookup(upazila => upazila.ParentId);
        var districtOffices = departments * BangladeshAdmin.Districts.Count;
        var upazilaOffices = offices - 1 - departments - departments * BangladeshAdmin.Divisions.Count - districtOffices;

        var ministry = writer.Office("MOPA", "জনপ্রশাসন মন্ত্রণালয়", "Ministry of Public Administration", "Ministry", null, null);
        (long Id, string Path) firstDepartment = (0, "");
        var departmentOffices = 0;
        var districtSerial = 0;
        var upazilaSerial = 0;
        for (var d = 1; d <= departments; d++)
        {
            var department = writer.Office($"D{d:00}", $"অধিদপ্তর {d}", $"Department {d}", "Department", ministry, null);
            foreach (var division in BangladeshAdmin.Divisions)
            {
                var divisional = writer.Office($"D{d:00}-V{division.Id}", $"বিভাগীয় কার্যালয়, {division.NameBn}", $"Divisional Office, {division.NameEn}", "DivisionalOffice", department, null);
                var districts = districtsByDivision[division.Id].ToList();
                var districtIds = new List<long>();
                foreach (var district in districts)
                {
                    districtIds.Add(writer.Office($"D{d:00}-Z{district.Id}", $"জেলা কার্যালয়, {district.NameBn}", $"District Office, {district.NameEn}", "DistrictOffice", divisional, null).Id);
                }
                for (var z = 0; z < districts.Count; z++)
                {
                    // Spread the upazila offices evenly: each district office gets 5 or 6.
                    var count = (int)((long)(districtSerial + 1) * upazilaOffices / districtOffices - (long)districtSerial * upazilaOffices / districtOffices);
                    districtSerial++;
                    var names = upazilasByDistrict[districts[z].Id].ToList();
                    var parent = (districtIds[z], writer.PathOf(districtIds[z]));
                    for (var u = 0; u < count; u++)
                    {
                        var name = names[u % names.Count];
                        var before = ++upazilaSerial % 10 == 0 && districts.Count > 1 ? districtIds[(z + 1) % districts.Count] : (long?)null;
                        writer.Office($"D{d:00}-Z{districts[z].Id}-U{u + 1}", $"উপজেলা কার্যালয়, {name.NameBn}", $"Upazila Office, {name.NameEn}", "UpazilaOffice", parent, before);
                    }
                }
            }
            if (d == 1)
            {
                firstDepartment = department;
                departmentOffices = writer.Count - 1;
            }
        }
        await transaction.CommitAsync();

        if (writer.Count != offices)
        {
            throw new InvalidOperationException($"Generated {writer.Count} offices, not {offices}.");
        }
        return new NationalOfficeTree(ministry.Id, firstDepartment.Id, firstDepartment.Path, departmentOffices, writer.Placements);
    }

    /// <summary>Prepared INSERTs with explicit ids, so that each office's path is known before it is written.</summary>
    private sealed class Writer
    {
        private readonly SqliteCommand _office;
        private readonly SqliteCommand _placement;
        private readonly Dictionary<long, string> _paths = [];

        public Writer(SqliteConnection connection, SqliteTransaction transaction)
        {
            _office = connection.CreateCommand();
            _office.Transaction = transaction;
            _office.CommandText = """
                INSERT INTO Offices (Id, Code, NameBn, NameEn, Kind, ParentId, Path, Depth, ActiveFrom, ActiveUntil, CreatedAtUtc)
                VALUES (@Id, @Code, @NameBn, @NameEn, @Kind, @ParentId, @Path, @Depth, @ActiveFrom, NULL, @CreatedAtUtc)
                """;
            foreach (var name in new[] { "@Id", "@Code", "@NameBn", "@NameEn", "@Kind", "@ParentId", "@Path", "@Depth", "@ActiveFrom", "@CreatedAtUtc" })
            {
                _office.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            _office.Prepare();

            _placement = connection.CreateCommand();
            _placement.Transaction = transaction;
            _placement.CommandText = "INSERT INTO OfficePlacements (OfficeId, ParentId, ValidFrom, ValidUntil) VALUES (@OfficeId, @ParentId, @ValidFrom, @ValidUntil)";
            foreach (var name in new[] { "@OfficeId", "@ParentId", "@ValidFrom", "@ValidUntil" })
            {
                _placement.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            _placement.Prepare();
        }

        public int Count { get; private set; }

        public int Placements { get; private set; }

        public string PathOf(long id) => _paths[id];

        /// <param name="previousParentId">Where the office hung from <see cref="Since"/> until <see cref="Moved"/>, if it moved then.</param>
        public (long Id, string Path) Office(string code, string nameBn, string nameEn, string kind, (long Id, string Path)? parent, long? previousParentId)
        {
            var id = ++Count;
            var path = (parent?.Path ?? "/") + id.ToString(CultureInfo.InvariantCulture) + "/";
            _paths[id] = path;
            var values = new object?[]
            {
                id, code, nameBn, nameEn, kind, parent?.Id, path, path.Count(c => c == '/') - 2, Date(Since), "2015-07-01T00:00:00.0000000Z",
            };
            for (var i = 0; i < values.Length; i++) _office.Parameters[i].Value = values[i] ?? DBNull.Value;
            _office.ExecuteNonQuery();

            if (previousParentId is { } previous)
            {
                Place(id, previous, Since, Moved);
                Place(id, parent?.Id, Moved, null);
            }
            else
            {
                Place(id, parent?.Id, Since, null);
            }
            return (id, path);
        }

        private void Place(long officeId, long? parentId, DateOnly from, DateOnly? until)
        {
            _placement.Parameters[0].Value = officeId;
            _placement.Parameters[1].Value = parentId is { } p ? p : DBNull.Value;
            _placement.Parameters[2].Value = Date(from);
            _placement.Parameters[3].Value = until is { } u ? Date(u) : DBNull.Value;
            _placement.ExecuteNonQuery();
            Placements++;
        }

        private static string Date(DateOnly date) => date.ToString(TypeHandlers.DateFormat, CultureInfo.InvariantCulture);
    }
}
