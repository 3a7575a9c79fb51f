using System.Globalization;
using CharterTracker.Data;
using Dapper;

namespace CharterTracker.Demo.National;

/// <summary>
/// A realistic fiscal year 2024-25 of records for every office of a <see cref="NationalOfficeTree"/>, written with
/// set-based <c>INSERT … SELECT</c>s in one transaction, following db/sqlite/0002_activities.sql. Deterministic: each
/// decision is a hash of the office id, the quarter, a salt and the seed, so every run with a seed holds the same records.
/// <list type="bullet">
/// <item>a charter update in about 90 % of office-quarters, with evidence in 95 % of them, recorded late (after the
/// quarter's due date) in about 10 %;</item>
/// <item>the quarterly meeting (with subordinate offices when the office has any, with stakeholders when not) in
/// about 80 % of office-quarters;</item>
/// <item>a quarterly implementation report from about 85 % of leaf office-quarters;</item>
/// <item>one workshop or training a year from about 85 % of offices, held in Q2 or Q3;</item>
/// <item>the annual progress report from about 80 % of leaf offices, in July 2025.</item>
/// </list>
/// Everything is recorded by mid-August 2025: the benchmark's clock stands after the year has closed.
/// </summary>
public static class NationalYearOfRecords
{
    public const string FiscalYear = "2024-25";

    /// <summary>Each quarter with its first day and due date (quarter end + 15 days, the plan's QuarterlyDueDays).</summary>
    private const string Quarters = """
        q (n, Start, QuarterEnd, Due) AS (VALUES
            (1, '2024-07-01', '2024-09-30', '2024-10-15'),
            (2, '2024-10-01', '2024-12-31', '2025-01-15'),
            (3, '2025-01-01', '2025-03-31', '2025-04-15'),
            (4, '2025-04-01', '2025-06-30', '2025-07-15'))
        """;

    /// <summary>Every office, and whether anything hangs under it (all offices exist all year; the moves were in 2021).</summary>
    private const string Offices = """
        f (Id, Code, ParentId, HasChildren) AS (
            SELECT o.Id, o.Code, o.ParentId, EXISTS (SELECT 1 FROM Offices c WHERE c.ParentId = o.Id) FROM Offices o)
        """;

    private const string Audit = "1, 1, 'system', RecordedOn || 'T04:00:00.0000000Z', RecordedOn || 'T04:00:00.0000000Z'";

    /// <summary>
    /// A deterministic pseudo-random number 0..modulo-1 from the office id, the quarter and a salt: two rounds of
    /// a 31-bit linear congruential generator, the low bits dropped (64-bit integer arithmetic never overflows).
    /// The expressions name the columns <c>Id</c> and <c>n</c> (the quarter, 0 for the year) of the row they decide.
    /// </summary>
    private static string Roll(int salt, int modulo = 100, string quarter = "n")
    {
        var seed = $"(Id * 1103515245 + {quarter} * 7919 + {salt * 104729 + 12345} + @Seed * 15485863)";
        return $"((((({seed} % 2147483648) * 1103515245 + 12345) % 2147483648) / 65536) % {modulo.ToString(CultureInfo.InvariantCulture)})";
    }

    /// <summary>On time: a few days after it happened, no later than the due date. Late: 3 to 22 days after it.</summary>
    private static string RecordedOn(string happened, string due, int salt, int latePercent = 10) =>
        $"CASE WHEN {Roll(salt)} < {latePercent} THEN date({due}, '+' || (3 + {Roll(salt + 1, 20)}) || ' days') " +
        $"ELSE MIN(date({happened}, '+' || (1 + {Roll(salt + 2, 4)}) || ' days'), {due}) END";

    private static string Evidence(int salt, int percent) => $"CASE WHEN {Roll(salt)} < {percent} THEN 1 ELSE 0 END";

    /// <summary>Office-quarters (columns Id, Code, ParentId, HasChildren, n, Start, QuarterEnd, Due).</summary>
    private const string OfficeQuarters = "SELECT f.*, q.* FROM f CROSS JOIN q";

    private static readonly string CharterUpdatesSql = $"""
        WITH {Quarters}, {Offices}
        INSERT INTO CharterUpdates (OfficeId, FiscalYear, Quarter, UpdatedOn, PortalReference, HasEvidence, Notes, RecordedOn, BackFilled, Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc)
        SELECT Id, '{FiscalYear}', n, UpdatedOn, 'NIS-2024-' || Code || '-Q' || n, {Evidence(11, 95)}, NULL, RecordedOn, {Audit}
        FROM (
            SELECT *, {RecordedOn("UpdatedOn", "Due", 12)} AS RecordedOn
            FROM (SELECT *, date(Start, '+' || (20 + {Roll(10, 45)}) || ' days') AS UpdatedOn FROM ({OfficeQuarters}))
            WHERE {Roll(1)} < 90)
        ORDER BY n, Id
        """;

    private static readonly string MeetingsSql = $"""
        WITH {Quarters}, {Offices}
        INSERT INTO Meetings (OfficeId, Kind, FiscalYear, Quarter, Title, HeldOn, StartTime, Venue, ChairName, ChairDesignation, Opening, MemoNumber, IssuedOn,
                              SignatoryName, SignatoryDesignation, HasEvidence, RecordedOn, BackFilled, Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc)
        SELECT Id, CASE WHEN HasChildren THEN 'SubordinateCoordination' ELSE 'StakeholderAwareness' END, '{FiscalYear}', n,
               CASE WHEN HasChildren THEN 'আওতাধীন দপ্তরসমূহের সমন্বয়ে ত্রৈমাসিক সভা' ELSE 'স্টেকহোল্ডারগণের সমন্বয়ে অবহিতকরণ সভা' END,
               HeldOn, '10:30:00', 'সম্মেলন কক্ষ', 'প্রধান নির্বাহী', 'দপ্তর প্রধান', NULL, NULL, NULL,
               NULL, NULL, {Evidence(21, 92)}, RecordedOn, {Audit}
        FROM (
            SELECT *, {RecordedOn("HeldOn", "Due", 22)} AS RecordedOn
            FROM (SELECT *, date(Start, '+' || (30 + {Roll(20, 55)}) || ' days') AS HeldOn FROM ({OfficeQuarters}))
            WHERE {Roll(2)} < 80)
        ORDER BY n, Id
        """;

    private static readonly string QuarterlyReportsSql = $"""
        WITH {Quarters}, {Offices}
        INSERT INTO Reports (OfficeId, Kind, FiscalYear, Quarter, SubmittedOn, SubmittedToOfficeId, Notes, HasEvidence, RecordedOn, BackFilled, Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc)
        SELECT Id, 'QuarterlyImplementation', '{FiscalYear}', n, SubmittedOn, ParentId, NULL, {Evidence(31, 97)}, RecordedOn, {Audit}
        FROM (
            SELECT *, {RecordedOn("SubmittedOn", "Due", 32)} AS RecordedOn
            FROM (SELECT *, date(QuarterEnd, '+' || (3 + {Roll(30, 10)}) || ' days') AS SubmittedOn FROM ({OfficeQuarters}))
            WHERE NOT HasChildren AND {Roll(3)} < 85)
        ORDER BY n, Id
        """;

    /// <summary>Held in Q2 or Q3 (the quarter follows from the day held, as RecordTraining derives it), recorded two days later.</summary>
    private static readonly string TrainingsSql = $"""
        WITH {Quarters}, {Offices}
        INSERT INTO Trainings (OfficeId, Kind, FiscalYear, Quarter, HeldOn, Title, Participants, OfficesRepresented, HasEvidence, RecordedOn, BackFilled, Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc)
        SELECT Id, CASE WHEN HasChildren THEN 'Workshop' ELSE 'Training' END, '{FiscalYear}', n, HeldOn, 'সেবা প্রদান প্রতিশ্রুতি বিষয়ক কর্মশালা',
               20 + {Roll(42, 40, "0")}, NULL, 1, RecordedOn, {Audit}
        FROM (
            SELECT *, date(Start, '+' || (10 + {Roll(41, 60, "0")}) || ' days') AS HeldOn, date(Start, '+' || (12 + {Roll(41, 60, "0")}) || ' days') AS RecordedOn
            FROM ({OfficeQuarters})
            WHERE n = 2 + {Roll(40, 2, "0")} AND {Roll(4, quarter: "0")} < 85)
        ORDER BY Id
        """;

    private static readonly string AnnualReportsSql = $"""
        WITH {Offices}
        INSERT INTO Reports (OfficeId, Kind, FiscalYear, Quarter, SubmittedOn, SubmittedToOfficeId, Notes, HasEvidence, RecordedOn, BackFilled, Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc)
        SELECT Id, 'AnnualProgress', '{FiscalYear}', NULL, SubmittedOn, ParentId, NULL, 1, RecordedOn, {Audit}
        FROM (
            SELECT *, {RecordedOn("SubmittedOn", "'2025-07-15'", 52, latePercent: 8)} AS RecordedOn
            FROM (SELECT *, 0 AS n, date('2025-06-30', '+' || (5 + {Roll(50, 8, "0")}) || ' days') AS SubmittedOn FROM f)
            WHERE NOT HasChildren AND {Roll(5)} < 80)
        ORDER BY Id
        """;

    public sealed record Counts(int CharterUpdates, int Meetings, int QuarterlyReports, int Trainings, int AnnualReports)
    {
        public int Records => CharterUpdates + Meetings + QuarterlyReports + Trainings + AnnualReports;
    }

    /// <summary>The seed the benchmarks' data set is built with.</summary>
    public const int DefaultSeed = 42;

    public static async Task<Counts> InsertAsync(DbConnectionFactory factory, int seed = DefaultSeed)
    {
        await using var connection = await factory.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        async Task<int> Run(string sql) => await connection.ExecuteAsync(sql, new { Seed = seed % 1000 }, transaction: transaction, commandTimeout: 600);
        var counts = new Counts(
            CharterUpdates: await Run(CharterUpdatesSql),
            Meetings: await Run(MeetingsSql),
            QuarterlyReports: await Run(QuarterlyReportsSql),
            Trainings: await Run(TrainingsSql),
            AnnualReports: await Run(AnnualReportsSql));
        await transaction.CommitAsync();
        return counts;
    }
}
