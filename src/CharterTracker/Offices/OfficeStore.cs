using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.Offices;

/// <summary>
/// The statements every office use case shares: reading a row, writing an office with its first placement, and
/// recording what changed. Registering one office and importing thousands go through the same code.
/// </summary>
public sealed class OfficeStore(DbSession db, CurrentUser user, FiscalCalendar calendar, TimeProvider clock, ChangedPeriods changed)
{
    internal async Task<OfficeRow?> FindAsync(long id, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<OfficeRow>($"SELECT {OfficeRow.Columns} FROM Offices WHERE Id = @id", new { id }, cancellationToken);

    internal async Task<OfficeRow> GetAsync(long id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ?? throw new NotFoundException($"Office {id} does not exist.");

    internal async Task<OfficeRow?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<OfficeRow>($"SELECT {OfficeRow.Columns} FROM Offices WHERE Code = @code", new { code }, cancellationToken);

    /// <summary>
    /// Structural changes may not take effect before the current quarter's first day, so that a quarter already
    /// under way keeps the tree it started with; only a SystemAdmin may back-date (loading history).
    /// </summary>
    internal void EnsureNotBackDated(DateOnly effectiveOn, string field)
    {
        var firstDay = calendar.CurrentQuarter.Start;
        if (effectiveOn < firstDay && user.Role != Role.SystemAdmin)
        {
            throw new RequestValidationException(field, BackDatedMessage(firstDay));
        }
    }

    internal static string BackDatedMessage(DateOnly firstDay) => Say.Text(
        $"চলতি ত্রৈমাসিকের প্রথম দিন {OfficeRules.Day(firstDay)}-এর আগে কার্যকর করা যায় না; পূর্বের তারিখ কেবল সিস্টেম প্রশাসক দিতে পারেন।",
        $"May not take effect before {firstDay:yyyy-MM-dd}, the first day of the current quarter; only a system administrator may back-date.");

    internal async Task<OfficeRow> InsertAsync(string code, string nameBn, string nameEn, OfficeKind kind, OfficeRow? parent, DateOnly activeFrom, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync(
            """
            INSERT INTO Offices (
                Code,
                NameBn,
                NameEn,
                Kind,
                ParentId,
                Path,
                Depth,
                ActiveFrom,
                CreatedAtUtc
            ) VALUES (
                @code,
                @nameBn,
                @nameEn,
                @Kind,
                @ParentId,
                '/',
                @Depth,
                @activeFrom,
                @Now
            )
            """,
            new { code, nameBn, nameEn, Kind = kind.ToString(), ParentId = parent?.Id, Depth = parent is null ? 0 : parent.Depth + 1, activeFrom, Now = Now }, cancellationToken);
        var path = (parent?.Path ?? "/") + id + "/";
        await db.ExecuteAsync("UPDATE Offices SET Path = @path WHERE Id = @id", new { path, id }, cancellationToken);
        await db.ExecuteAsync(
            "INSERT INTO OfficePlacements (OfficeId, ParentId, ValidFrom) VALUES (@id, @ParentId, @activeFrom)",
            new { id, ParentId = parent?.Id, activeFrom }, cancellationToken);
        var row = await GetAsync(id, cancellationToken);
        await RecordChangeAsync(id, "Registered", activeFrom, null, new { code, nameBn, nameEn, kind, parentId = parent?.Id }, cancellationToken);
        return row;
    }

    internal async Task RecordChangeAsync(long officeId, string change, DateOnly effectiveOn, object? before, object? after, CancellationToken cancellationToken)
    {
        // What the office (and its parents) are expected to do may change from the effective date's year on.
        foreach (var year in YearsAffected(effectiveOn)) changed.Office(officeId, year);
        await db.ExecuteAsync(
            """
            INSERT INTO OfficeChanges (
                OfficeId,
                Change,
                EffectiveOn,
                Before,
                After,
                ChangedByUserId,
                ChangedBy,
                ChangedAtUtc
            ) VALUES (
                @officeId,
                @change,
                @effectiveOn,
                @Before,
                @After,
                @UserId,
                @Username,
                @Now
            )
            """,
            new
            {
                officeId,
                change,
                effectiveOn,
                Before = before is null ? null : JsonSerializer.Serialize(before, ApiJson.Options),
                After = after is null ? null : JsonSerializer.Serialize(after, ApiJson.Options),
                user.UserId,
                user.Username,
                Now,
            }, cancellationToken);
    }

    /// <summary>
    /// After a move: every office now under <paramref name="path"/> stands elsewhere from the effective date, and the
    /// read model records where each office stood in each period, so all of them are refreshed.
    /// </summary>
    internal async Task MarkSubtreeMovedAsync(string path, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var moved = await db.QueryAsync<long>("SELECT Id FROM Offices WHERE Path LIKE @prefix", new { prefix = path + "%" }, cancellationToken);
        foreach (var year in YearsAffected(effectiveOn))
        {
            foreach (var id in moved) changed.Office(id, year);
        }
    }

    /// <summary>The fiscal years from the effective date's to today's (either may come first).</summary>
    private IEnumerable<string> YearsAffected(DateOnly effectiveOn)
    {
        var (from, to) = effectiveOn <= calendar.Today ? (effectiveOn, calendar.Today) : (calendar.Today, effectiveOn);
        for (var year = calendar.YearOf(from); year.Start <= to; year = calendar.YearOf(year.End.AddDays(1))) yield return year.Name;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
