using System.Globalization;
using System.Text.RegularExpressions;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.CharterUpdates;
using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.Charters;

/// <summary>
/// The statements the charter use cases share: reading a version with its rows, writing a version's rows (with the
/// services' stable ids), and publishing (a version number, and the quarter's charter update it counts as).
/// </summary>
public sealed partial class CharterStore(DbSession db, RecordLifecycle records, FiscalCalendar calendar)
{
    private const string VersionSelect = """
        SELECT Id, OfficeId, Version, Status, VisionBn, VisionEn, MissionBn, MissionEn, PublishedOn, FiscalYear, Quarter,
               CharterUpdateId, Revision, CreatedBy, CreatedAtUtc, UpdatedAtUtc, PublishedBy, PublishedAtUtc
        FROM CharterVersions
        """;

    /// <summary>The row id of the office's published version <paramref name="version"/> (default: the latest), or null.</summary>
    public Task<long?> PublishedIdAsync(long officeId, int? version, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<long?>(SqlText.Build(dialect => $"""
            SELECT Id FROM CharterVersions
            WHERE OfficeId = @officeId AND Status = 'Published' AND (@version IS NULL OR Version = @version)
            ORDER BY Version DESC {DialectSql.First(dialect)}
            """), new { officeId, version, Take = 1 }, cancellationToken);

    public Task<long?> DraftIdAsync(long officeId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<long?>("SELECT Id FROM CharterVersions WHERE OfficeId = @officeId AND Status = 'Draft'", new { officeId }, cancellationToken);

    /// <summary>The office's published version (default: the latest); 404 naming what is missing.</summary>
    public async Task<CharterVersion> GetPublishedAsync(long officeId, int? version, CancellationToken cancellationToken)
    {
        var id = await PublishedIdAsync(officeId, version, cancellationToken)
            ?? throw new NotFoundException(version is null
                ? Say.Text("দপ্তরটি এখনো কোনো সেবা প্রদান প্রতিশ্রুতি প্রকাশ করেনি।", $"Office {officeId} has not published a charter yet.")
                : Say.Text($"দপ্তরটির প্রতিশ্রুতির সংস্করণ {BengaliDigits.ToBengali(version.Value)} প্রকাশিত হয়নি।", $"Office {officeId} has no published charter version {version}."));
        return await LoadAsync(id, cancellationToken);
    }

    /// <summary>The version with its services (by category, then position), grievance levels and expectations.</summary>
    public async Task<CharterVersion> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var version = await db.QuerySingleOrDefaultAsync<CharterVersion>(VersionSelect + " WHERE Id = @id", new { id }, cancellationToken)
            ?? throw new NotFoundException($"Charter version {id} does not exist.");
        var services = await db.QueryAsync<ServiceRow>("""
            SELECT ServiceId, Category, Position, NameBn, NameEn, MethodBn, MethodEn, DocumentsBn, DocumentsEn, FeeBn, FeeEn,
                   TimeLimitBn, TimeLimitEn, TimeLimitDays, OfficerName, OfficerNameEn, OfficerDesignation, OfficerDesignationEn, OfficerPhone, OfficerEmail
            FROM CharterServices WHERE CharterVersionId = @id
            """, new { id }, cancellationToken);
        var levels = await db.QueryAsync<LevelRow>("""
            SELECT Level, OfficerName, OfficerNameEn, OfficerDesignation, OfficerDesignationEn, OfficerPhone, OfficerEmail, Days
            FROM CharterGrievanceLevels WHERE CharterVersionId = @id ORDER BY Level
            """, new { id }, cancellationToken);
        var expectations = await db.QueryAsync<CharterExpectation>(
            "SELECT TextBn, TextEn FROM CharterExpectations WHERE CharterVersionId = @id ORDER BY Position", new { id }, cancellationToken);
        return version with
        {
            Services = services.OrderBy(s => Enum.Parse<ServiceCategory>(s.Category)).ThenBy(s => s.Position).Select(s => s.ToService()).ToList(),
            Grievance = levels.Select(l => new GrievanceLevel { Level = l.Level, Days = l.Days, Officer = l.Officer() }).ToList(),
            Expectations = expectations,
        };
    }

    /// <summary>
    /// A new version row with its content; returns its id. <paramref name="status"/> is Draft, or Published for a version
    /// published at once (<see cref="PublishAsync"/> completes it in the same transaction).
    /// </summary>
    public async Task<long> InsertAsync(long officeId, int version, string status, CharterContent content, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync("""
            INSERT INTO CharterVersions (OfficeId, Version, Status, VisionBn, VisionEn, MissionBn, MissionEn, Revision, CreatedBy, CreatedAtUtc, UpdatedAtUtc)
            VALUES (@officeId, @version, @status, @VisionBn, @VisionEn, @MissionBn, @MissionEn, 1, @Who, @Now, @Now)
            """, new { officeId, version, status, VisionBn = Clean(content.VisionBn), VisionEn = Clean(content.VisionEn), MissionBn = Clean(content.MissionBn), MissionEn = Clean(content.MissionEn), records.Who, records.Now },
            cancellationToken);
        await WriteRowsAsync(officeId, id, content, cancellationToken);
        return id;
    }

    /// <summary>Replaces a draft's content and moves it to the next revision.</summary>
    public async Task ReplaceDraftAsync(long officeId, long id, CharterContent content, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync("""
            UPDATE CharterVersions SET VisionBn = @VisionBn, VisionEn = @VisionEn, MissionBn = @MissionBn, MissionEn = @MissionEn,
                Revision = Revision + 1, UpdatedAtUtc = @Now
            WHERE Id = @id AND Status = 'Draft'
            """, new { id, VisionBn = Clean(content.VisionBn), VisionEn = Clean(content.VisionEn), MissionBn = Clean(content.MissionBn), MissionEn = Clean(content.MissionEn), records.Now },
            cancellationToken);
        await WriteRowsAsync(officeId, id, content, cancellationToken);
    }

    /// <summary>
    /// The number the office's next published version takes. A draft's own number is a placeholder until it is
    /// published: a draft holding this number moves one up, so that published versions stay numbered 1, 2, 3, ….
    /// </summary>
    public async Task<int> ReservePublishedNumberAsync(long officeId, CancellationToken cancellationToken)
    {
        var number = await db.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(Version), 0) + 1 FROM CharterVersions WHERE OfficeId = @officeId AND Status = 'Published'",
            new { officeId }, cancellationToken);
        await db.ExecuteAsync("UPDATE CharterVersions SET Version = @next WHERE OfficeId = @officeId AND Status = 'Draft' AND Version = @number",
            new { officeId, number, next = number + 1 }, cancellationToken);
        return number;
    }

    /// <summary>A number for a new draft: above every version the office has.</summary>
    public Task<int> NextDraftNumberAsync(long officeId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(Version), 0) + 1 FROM CharterVersions WHERE OfficeId = @officeId", new { officeId }, cancellationToken);

    /// <summary>
    /// Publishes the version row <paramref name="id"/> on <paramref name="publishedOn"/> as version <paramref name="number"/>
    /// (<see cref="ReservePublishedNumberAsync"/>): it counts as the office's charter update (1.1.1) for that day's quarter — the quarter's existing update when there is
    /// one (publishing twice in a quarter counts once), else a new one recorded today through the same path as a
    /// focal point's, with the version as its evidence. From here the row never changes.
    /// </summary>
    public async Task PublishAsync(long officeId, long id, int number, DateOnly publishedOn, CancellationToken cancellationToken)
    {
        var quarter = calendar.QuarterOf(publishedOn);
        await records.EnsureRecordableAsync(officeId, quarter.Year.Name, quarter.Number, ActivityFeed.CharterUpdates, cancellationToken);

        var updateId = await db.QuerySingleOrDefaultAsync<long?>(SqlText.Build(dialect => $"""
            SELECT Id FROM CharterUpdates
            WHERE OfficeId = @officeId AND FiscalYear = @FiscalYear AND Quarter = @Quarter AND WithdrawnAtUtc IS NULL
            ORDER BY Id {DialectSql.First(dialect)}
            """), new { officeId, FiscalYear = quarter.Year.Name, Quarter = quarter.Number, Take = 1 }, cancellationToken);
        if (updateId is null)
        {
            var fields = new CharterUpdateFields
            {
                FiscalYear = quarter.Year.Name,
                Quarter = quarter.Number,
                UpdatedOn = publishedOn,
                PortalReference = $"charter v{number}",
                Notes = Say.Text($"সেবা প্রদান প্রতিশ্রুতির সংস্করণ {BengaliDigits.ToBengali(number)} প্রকাশের মাধ্যমে লিপিবদ্ধ।", $"Recorded by publishing charter version {number}."),
                HasEvidence = true,
            };
            updateId = await records.InsertAsync(CharterUpdateStore.Table, officeId, records.RecordedOn(null), fields, CharterUpdateStore.Columns(fields), cancellationToken);
        }

        await db.ExecuteAsync("""
            UPDATE CharterVersions SET Status = 'Published', Version = @number, PublishedOn = @publishedOn, FiscalYear = @FiscalYear, Quarter = @Quarter,
                CharterUpdateId = @updateId, PublishedBy = @Who, PublishedAtUtc = @Now, UpdatedAtUtc = @Now
            WHERE Id = @id
            """, new { id, number, publishedOn, FiscalYear = quarter.Year.Name, Quarter = quarter.Number, updateId, records.Who, records.Now }, cancellationToken);
    }

    /// <summary>
    /// Saves the office's draft: creates it when there is none (and no <paramref name="revision"/> was sent), else
    /// replaces its content if it is still at <paramref name="revision"/> (409 otherwise).
    /// </summary>
    public async Task<CharterVersion> SaveDraftAsync(long officeId, int? revision, CharterContent content, CancellationToken cancellationToken)
    {
        var draft = await DraftIdAsync(officeId, cancellationToken);
        if (draft is null)
        {
            if (revision is not null) throw DraftGone();
            var id = await InsertAsync(officeId, await NextDraftNumberAsync(officeId, cancellationToken), "Draft", content, cancellationToken);
            return await LoadAsync(id, cancellationToken);
        }
        await EnsureDraftRevisionAsync(draft.Value, revision, cancellationToken);
        await ReplaceDraftAsync(officeId, draft.Value, content, cancellationToken);
        return await LoadAsync(draft.Value, cancellationToken);
    }

    /// <summary>
    /// What a new draft starts from: the office's draft if it has one, else a copy of its latest published version
    /// (revision none: saving it creates the draft), else null.
    /// </summary>
    public async Task<CharterVersion?> DraftOrLatestAsync(long officeId, CancellationToken cancellationToken)
    {
        if (await DraftIdAsync(officeId, cancellationToken) is { } draft) return await LoadAsync(draft, cancellationToken);
        return await PublishedIdAsync(officeId, null, cancellationToken) is { } latest ? await LoadAsync(latest, cancellationToken) : null;
    }

    /// <summary>
    /// What changed in published version <paramref name="to"/> (default: the latest) since <paramref name="from"/>
    /// (default: the version before it; a first version compares with nothing, so every service is added).
    /// </summary>
    public async Task<CharterChanges> ChangesAsync(long officeId, int? from, int? to, CancellationToken cancellationToken)
    {
        var after = await GetPublishedAsync(officeId, to, cancellationToken);
        var fromNumber = from ?? after.Version - 1;
        var before = fromNumber >= 1
            ? await GetPublishedAsync(officeId, fromNumber, cancellationToken)
            : new CharterVersion { OfficeId = officeId, Version = 0 };
        return CharterDiff.Compare(before, after);
    }

    /// <summary>409 unless the draft is at <paramref name="revision"/> (the one the editor read).</summary>
    public async Task EnsureDraftRevisionAsync(long id, int? revision, CancellationToken cancellationToken)
    {
        var stored = await db.ExecuteScalarAsync<int>("SELECT Revision FROM CharterVersions WHERE Id = @id", new { id }, cancellationToken);
        if (revision is null)
        {
            throw new ConflictException(Say.Text("দপ্তরটির একটি খসড়া আগে থেকেই আছে: সেটি খুলে সংশোধন করুন।",
                $"The office already has a draft (revision {stored}): read it and send its revision with your change."), "revision");
        }
        if (revision != stored)
        {
            throw new ConflictException(Say.Text(
                $"আপনি সংশোধনী {BengaliDigits.ToBengali(revision.Value)} খোলার পর অন্য কেউ খসড়াটি পরিবর্তন করেছেন (এখন সংশোধনী {BengaliDigits.ToBengali(stored)})।",
                $"The draft is at revision {stored}, not {revision}: someone changed it meanwhile. Reload and edit again."), "revision");
        }
    }

    /// <summary>The draft the caller edited is no more: it was published (a published version never changes) or never existed.</summary>
    public static ConflictException DraftGone() => new(Say.Text(
        "খসড়াটি আর নেই: সেটি প্রকাশিত হয়েছে (প্রকাশিত সংস্করণ আর পরিবর্তন করা যায় না)। নতুন খসড়া শুরু করুন।",
        "There is no draft at that revision: it was published, and a published version never changes. Start a new draft."), "revision");

    /// <summary>The version's services, grievance levels and expectations, replacing what it had.</summary>
    private async Task WriteRowsAsync(long officeId, long id, CharterContent content, CancellationToken cancellationToken)
    {
        var services = content.Services ?? [];
        var serviceIds = await ServiceIdsAsync(officeId, id, services, cancellationToken);
        await db.ExecuteAsync("DELETE FROM CharterServices WHERE CharterVersionId = @id", new { id }, cancellationToken);
        await db.ExecuteAsync("DELETE FROM CharterGrievanceLevels WHERE CharterVersionId = @id", new { id }, cancellationToken);
        await db.ExecuteAsync("DELETE FROM CharterExpectations WHERE CharterVersionId = @id", new { id }, cancellationToken);

        var positions = new Dictionary<ServiceCategory, int>();
        for (var i = 0; i < services.Count; i++)
        {
            var s = services[i];
            var category = s.Category!.Value;
            positions[category] = positions.GetValueOrDefault(category) + 1;
            await db.ExecuteAsync("""
                INSERT INTO CharterServices (CharterVersionId, ServiceId, Category, Position, NameBn, NameEn, MethodBn, MethodEn, DocumentsBn, DocumentsEn,
                    FeeBn, FeeEn, TimeLimitBn, TimeLimitEn, TimeLimitDays, OfficerName, OfficerNameEn, OfficerDesignation, OfficerDesignationEn, OfficerPhone, OfficerEmail)
                VALUES (@id, @ServiceId, @Category, @Position, @NameBn, @NameEn, @Method, @MethodEn, @Documents, @DocumentsEn,
                    @Fee, @FeeEn, @TimeLimit, @TimeLimitEn, @TimeLimitDays, @OfficerName, @OfficerNameEn, @OfficerDesignation, @OfficerDesignationEn, @OfficerPhone, @OfficerEmail)
                """, new
            {
                id, ServiceId = serviceIds[i], Category = category.ToString(), Position = positions[category],
                NameBn = Clean(s.NameBn), NameEn = Clean(s.NameEn), Method = Clean(s.Method), MethodEn = Clean(s.MethodEn),
                Documents = Clean(s.Documents), DocumentsEn = Clean(s.DocumentsEn), Fee = Clean(s.Fee), FeeEn = Clean(s.FeeEn),
                TimeLimit = Clean(s.TimeLimit), TimeLimitEn = Clean(s.TimeLimitEn), TimeLimitDays = DaysIn(s.TimeLimit) ?? DaysIn(s.TimeLimitEn),
                OfficerName = Clean(s.Officer!.Name), OfficerNameEn = Clean(s.Officer.NameEn), OfficerDesignation = Clean(s.Officer.Designation),
                OfficerDesignationEn = Clean(s.Officer.DesignationEn), OfficerPhone = Clean(s.Officer.Phone), OfficerEmail = Clean(s.Officer.Email),
            }, cancellationToken);
        }
        foreach (var level in content.Grievance ?? [])
        {
            await db.ExecuteAsync("""
                INSERT INTO CharterGrievanceLevels (CharterVersionId, Level, OfficerName, OfficerNameEn, OfficerDesignation, OfficerDesignationEn, OfficerPhone, OfficerEmail, Days)
                VALUES (@id, @Level, @OfficerName, @OfficerNameEn, @OfficerDesignation, @OfficerDesignationEn, @OfficerPhone, @OfficerEmail, @Days)
                """, new
            {
                id, level.Level, level.Days, OfficerName = Clean(level.Officer!.Name), OfficerNameEn = Clean(level.Officer.NameEn),
                OfficerDesignation = Clean(level.Officer.Designation), OfficerDesignationEn = Clean(level.Officer.DesignationEn),
                OfficerPhone = Clean(level.Officer.Phone), OfficerEmail = Clean(level.Officer.Email),
            }, cancellationToken);
        }
        var position = 0;
        foreach (var expectation in content.Expectations ?? [])
        {
            await db.ExecuteAsync("INSERT INTO CharterExpectations (CharterVersionId, Position, TextBn, TextEn) VALUES (@id, @position, @TextBn, @TextEn)",
                new { id, position = ++position, TextBn = Clean(expectation.TextBn), TextEn = Clean(expectation.TextEn) }, cancellationToken);
        }
    }

    /// <summary>
    /// Each service's stable id: the one it names (which must be the office's, once per version); else that of the
    /// service with the same Bengali name in the latest published version or in the version being rewritten; else new.
    /// </summary>
    private async Task<IReadOnlyList<long>> ServiceIdsAsync(long officeId, long versionId, IReadOnlyList<CharterService> services, CancellationToken cancellationToken)
    {
        var named = services.Where(s => s.ServiceId is not null).Select(s => s.ServiceId!.Value).Distinct().ToList();
        var owned = named.Count == 0 ? [] : (await db.QueryAsync<long>("SELECT Id FROM CharterServiceIds WHERE OfficeId = @officeId AND Id IN @named",
            new { officeId, named }, cancellationToken)).ToHashSet();
        var errors = new Dictionary<string, string[]>();
        var used = new HashSet<long>();
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceId is not { } serviceId) continue;
            if (!owned.Contains(serviceId))
            {
                errors[$"services[{i}].serviceId"] = [Say.Text($"এই দপ্তরের কোনো সেবার পরিচিতি {BengaliDigits.ToBengali(serviceId)} নয়।", $"Service id {serviceId} is not a service of office {officeId}.")];
            }
            else if (!used.Add(serviceId))
            {
                errors[$"services[{i}].serviceId"] = [Say.Text("একই সেবা দুবার দেওয়া হয়েছে।", $"Service id {serviceId} appears twice in the charter.")];
            }
        }
        if (errors.Count > 0) throw new RequestValidationException(errors);

        // The latest published version other than this one (a version published at once is written as Published).
        var latest = await db.QuerySingleOrDefaultAsync<long?>(SqlText.Build(dialect => $"""
            SELECT Id FROM CharterVersions WHERE OfficeId = @officeId AND Status = 'Published' AND Id <> @versionId
            ORDER BY Version DESC {DialectSql.First(dialect)}
            """), new { officeId, versionId, Take = 1 }, cancellationToken);
        var earlier = await db.QueryAsync<EarlierService>(
            "SELECT ServiceId, NameBn FROM CharterServices WHERE CharterVersionId = @versionId OR CharterVersionId = @latest",
            new { versionId, latest }, cancellationToken);
        var byName = earlier.GroupBy(e => e.NameBn).ToDictionary(g => g.Key, g => g.Select(e => e.ServiceId).Distinct().ToList());
        var ids = new List<long>();
        foreach (var service in services)
        {
            var id = service.ServiceId;
            if (id is null && byName.TryGetValue(Clean(service.NameBn) ?? "", out var candidates))
            {
                var match = candidates.FirstOrDefault(candidate => !used.Contains(candidate) && !named.Contains(candidate));
                if (match != 0) id = match;
            }
            id ??= await db.InsertAsync("INSERT INTO CharterServiceIds (OfficeId, CreatedAtUtc) VALUES (@officeId, @Now)", new { officeId, records.Now }, cancellationToken);
            used.Add(id.Value);
            ids.Add(id.Value);
        }
        return ids;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>"৭ কার্যদিবস", "15 days", "১৫ (পনের) দিন", "7": a number of days; anything else (তাৎক্ষণিক, 2 months) is not.</summary>
    public static int? DaysIn(string? timeLimit)
    {
        if (string.IsNullOrWhiteSpace(timeLimit)) return null;
        var match = DaysPattern().Match(BengaliDigits.ToLatin(timeLimit.Trim()));
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 3650 ? days : null;
    }

    [GeneratedRegex(@"^(\d{1,4})\s*(?:\([^)]*\))?\s*(?:দিন|দিবস|কার্যদিবস|কর্মদিবস|কার্য দিবস|কর্ম দিবস|working days?|work days?|days?)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DaysPattern();

    /// <summary>The officer columns a service row and a grievance level share.</summary>
    private abstract class OfficerColumns
    {
        public string OfficerName { get; init; } = "";
        public string? OfficerNameEn { get; init; }
        public string OfficerDesignation { get; init; } = "";
        public string? OfficerDesignationEn { get; init; }
        public string? OfficerPhone { get; init; }
        public string? OfficerEmail { get; init; }

        public CharterOfficer Officer() => new()
        {
            Name = OfficerName, NameEn = OfficerNameEn, Designation = OfficerDesignation, DesignationEn = OfficerDesignationEn, Phone = OfficerPhone, Email = OfficerEmail,
        };
    }

    private sealed class ServiceRow : OfficerColumns
    {
        public long ServiceId { get; init; }
        public string Category { get; init; } = "";
        public int Position { get; init; }
        public string NameBn { get; init; } = "";
        public string? NameEn { get; init; }
        public string MethodBn { get; init; } = "";
        public string? MethodEn { get; init; }
        public string DocumentsBn { get; init; } = "";
        public string? DocumentsEn { get; init; }
        public string FeeBn { get; init; } = "";
        public string? FeeEn { get; init; }
        public string TimeLimitBn { get; init; } = "";
        public string? TimeLimitEn { get; init; }
        public int? TimeLimitDays { get; init; }

        public CharterService ToService() => new()
        {
            ServiceId = ServiceId, Category = Enum.Parse<ServiceCategory>(Category), NameBn = NameBn, NameEn = NameEn,
            Method = MethodBn, MethodEn = MethodEn, Documents = DocumentsBn, DocumentsEn = DocumentsEn, Fee = FeeBn, FeeEn = FeeEn,
            TimeLimit = TimeLimitBn, TimeLimitEn = TimeLimitEn, TimeLimitDays = TimeLimitDays, Officer = Officer(),
        };
    }

    private sealed class EarlierService
    {
        public long ServiceId { get; init; }
        public string NameBn { get; init; } = "";
    }

    private sealed class LevelRow : OfficerColumns
    {
        public int Level { get; init; }
        public int? Days { get; init; }
    }
}
