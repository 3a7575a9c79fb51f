using CharterTracker.Data;
using CharterTracker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Tests.Data;

/// <summary>
/// Dates, times and instants written and read through a real SQLite <see cref="DbSession"/>, with the text they
/// are stored as. The process runs in Dhaka's time zone here, so that a local time is not already UTC.
/// </summary>
[NonParallelizable]
public sealed class TypeHandlerTests
{
    private string? _timeZoneBefore;
    private string _directory = null!;
    private DbSession _db = null!;

    [OneTimeSetUp]
    public void UseDhakaAsTheLocalTimeZone()
    {
        TypeHandlers.Register();
        _timeZoneBefore = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", "Asia/Dhaka");
        TimeZoneInfo.ClearCachedData();
    }

    [OneTimeTearDown]
    public void RestoreTheLocalTimeZone()
    {
        Environment.SetEnvironmentVariable("TZ", _timeZoneBefore);
        TimeZoneInfo.ClearCachedData();
    }

    [SetUp]
    public async Task CreateSampleTable()
    {
        _directory = Directory.CreateDirectory(Path.Combine(TestDatabase.Root, "types-" + Guid.NewGuid().ToString("N"))).FullName;
        _db = new DbSession(new DbConnectionFactory(Dialect.Sqlite, $"Data Source={Path.Combine(_directory, "types.db")}"));
        await _db.ExecuteAsync("CREATE TABLE Samples (Id INTEGER PRIMARY KEY, Day TEXT NULL, MaybeDay TEXT NULL, Time TEXT NULL, Instant TEXT NULL)");
    }

    [TearDown]
    public async Task DropDatabase()
    {
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task A_date_is_stored_as_YYYY_MM_DD_and_read_back_unchanged()
    {
        var day = new DateOnly(2024, 9, 2);

        await InsertAsync(new Sample { Day = day });
        var stored = await StoredAsync("Day");
        var read = await ReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(("text", "2024-09-02")));
            Assert.That(read.Day, Is.EqualTo(day));
        });
    }

    [Test]
    public async Task Dates_compared_in_SQL_as_stored_text_order_and_filter_as_dates()
    {
        // As 'd/M/yyyy' or without leading zeros these would sort 1 Dec, 2 Jan, 30 Sep.
        foreach (var day in new[] { new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 2), new DateOnly(2024, 9, 30), new DateOnly(2024, 7, 1) })
        {
            await InsertAsync(new Sample { Day = day });
        }

        var fromOctober = await _db.QueryAsync<DateOnly>("SELECT Day FROM Samples WHERE Day >= @from ORDER BY Day", new { from = new DateOnly(2024, 10, 1) });
        var all = await _db.QueryAsync<DateOnly>("SELECT Day FROM Samples ORDER BY Day");

        Assert.Multiple(() =>
        {
            Assert.That(fromOctober, Is.EqualTo(new[] { new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 2) }));
            Assert.That(all, Is.EqualTo(new[] { new DateOnly(2024, 7, 1), new DateOnly(2024, 9, 30), new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 2) }));
        });
    }

    [Test]
    public async Task A_nullable_date_is_stored_as_NULL_when_absent_and_as_YYYY_MM_DD_when_present()
    {
        await InsertAsync(new Sample { Id = 1, MaybeDay = null });
        await InsertAsync(new Sample { Id = 2, MaybeDay = new DateOnly(2025, 6, 30) });

        var stored = await _db.QueryAsync<string?>("SELECT MaybeDay FROM Samples ORDER BY Id");
        var read = await _db.QueryAsync<Sample>("SELECT Id, MaybeDay FROM Samples ORDER BY Id");

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(new[] { null, "2025-06-30" }));
            Assert.That(read.Select(sample => sample.MaybeDay), Is.EqualTo(new DateOnly?[] { null, new DateOnly(2025, 6, 30) }));
        });
    }

    [Test]
    public async Task A_time_of_day_is_stored_as_HH_mm_ss_and_read_back_unchanged_seconds_included()
    {
        var time = new TimeOnly(15, 5, 30);

        await InsertAsync(new Sample { Time = time });
        var stored = await StoredAsync("Time");
        var read = await ReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(("text", "15:05:30")));
            Assert.That(read.Time, Is.EqualTo(time));
        });
    }

    [Test]
    public async Task A_UTC_instant_is_stored_as_ISO_text_ending_in_Z_and_read_back_as_the_same_UTC_instant()
    {
        var instant = new DateTime(2024, 8, 15, 6, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);

        await InsertAsync(new Sample { Instant = instant });
        var stored = await StoredAsync("Instant");
        var read = (await ReadAsync()).Instant!.Value;

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(("text", "2024-08-15T06:30:15.1234567Z")));
            Assert.That(read, Is.EqualTo(instant));
            Assert.That(read.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public async Task A_local_time_is_stored_as_the_UTC_instant_and_read_back_with_UTC_kind()
    {
        // Noon in Dhaka (UTC+6, no daylight saving) is 06:00 UTC.
        var local = new DateTime(2024, 8, 15, 12, 0, 0, DateTimeKind.Local);
        Assert.That(TimeZoneInfo.Local.GetUtcOffset(local), Is.EqualTo(TimeSpan.FromHours(6)), "the fixture runs in Dhaka's time zone");

        await InsertAsync(new Sample { Instant = local });
        var stored = await StoredAsync("Instant");
        var read = (await ReadAsync()).Instant!.Value;

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(("text", "2024-08-15T06:00:00.0000000Z")));
            Assert.That(read, Is.EqualTo(new DateTime(2024, 8, 15, 6, 0, 0, DateTimeKind.Utc)));
            Assert.That(read.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public async Task An_unspecified_time_is_taken_as_UTC_and_read_back_with_UTC_kind()
    {
        var unspecified = new DateTime(2024, 8, 15, 12, 0, 0, DateTimeKind.Unspecified);

        await InsertAsync(new Sample { Instant = unspecified });
        var stored = await StoredAsync("Instant");
        var read = (await ReadAsync()).Instant!.Value;

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(("text", "2024-08-15T12:00:00.0000000Z")));
            Assert.That(read, Is.EqualTo(new DateTime(2024, 8, 15, 12, 0, 0, DateTimeKind.Utc)));
            Assert.That(read.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public async Task An_instant_stored_without_a_zone_designator_is_read_as_UTC()
    {
        // Microsoft.Data.Sqlite's own DateTime format: what a row written before TypeHandlers.Register() ran holds.
        await _db.ExecuteAsync("INSERT INTO Samples (Instant) VALUES ('2024-08-15 06:00:00.5')");

        var read = (await ReadAsync()).Instant!.Value;

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(new DateTime(2024, 8, 15, 6, 0, 0, 500, DateTimeKind.Utc)));
            Assert.That(read.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    private sealed record Sample
    {
        public long Id { get; init; }
        public DateOnly Day { get; init; }
        public DateOnly? MaybeDay { get; init; }
        public TimeOnly Time { get; init; }
        public DateTime? Instant { get; init; }
    }

    private Task<int> InsertAsync(Sample sample) => sample.Id == 0
        ? _db.ExecuteAsync("INSERT INTO Samples (Day, MaybeDay, Time, Instant) VALUES (@Day, @MaybeDay, @Time, @Instant)", sample)
        : _db.ExecuteAsync("INSERT INTO Samples (Id, Day, MaybeDay, Time, Instant) VALUES (@Id, @Day, @MaybeDay, @Time, @Instant)", sample);

    private async Task<Sample> ReadAsync() =>
        (await _db.QuerySingleOrDefaultAsync<Sample>("SELECT Id, Day, MaybeDay, Time, Instant FROM Samples"))!;

    /// <summary>The column's storage class and value as SQLite holds them.</summary>
    private async Task<(string Type, string Text)> StoredAsync(string column) =>
        (await _db.QuerySingleOrDefaultAsync<(string, string)>($"SELECT typeof({column}), CAST({column} AS TEXT) FROM Samples"))!;
}
