using CharterTracker.Data;

namespace CharterTracker.Documents;

/// <summary>
/// Reads a published charter version (db 0011) into the printed layout's model, in one language: the PDF and the
/// public page print the same thing. Three indexed reads by version id (services, grievance levels, expectations).
/// </summary>
public static class CharterReader
{
    public static readonly string[] Categories = ["Citizen", "Institutional", "Internal", "Subordinate"];

    /// <summary>The header of a published version: what <see cref="ReadAsync"/> starts from.</summary>
    public sealed class Header
    {
        public long VersionId { get; init; }
        public long OfficeId { get; init; }
        public int Version { get; init; }
        public string VisionBn { get; init; } = "";
        public string? VisionEn { get; init; }
        public string MissionBn { get; init; } = "";
        public string? MissionEn { get; init; }
        public DateOnly PublishedOn { get; init; }
        public string OfficeNameBn { get; init; } = "";
        public string OfficeNameEn { get; init; } = "";
    }

    /// <summary>The columns of <see cref="Header"/>, for a query over <c>CharterVersions v JOIN Offices o</c>.</summary>
    public const string HeaderColumns =
        "v.Id AS VersionId, v.OfficeId, v.Version, v.VisionBn, v.VisionEn, v.MissionBn, v.MissionEn, v.PublishedOn, o.NameBn AS OfficeNameBn, o.NameEn AS OfficeNameEn";

    private sealed class ServiceRow
    {
        public string Category { get; init; } = "";
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
        public string OfficerName { get; init; } = "";
        public string? OfficerNameEn { get; init; }
        public string OfficerDesignation { get; init; } = "";
        public string? OfficerDesignationEn { get; init; }
        public string? OfficerPhone { get; init; }
        public string? OfficerEmail { get; init; }
    }

    private sealed class GrievanceRow
    {
        public int Level { get; init; }
        public string OfficerName { get; init; } = "";
        public string? OfficerNameEn { get; init; }
        public string OfficerDesignation { get; init; } = "";
        public string? OfficerDesignationEn { get; init; }
        public string? OfficerPhone { get; init; }
        public string? OfficerEmail { get; init; }
        public int? Days { get; init; }
    }

    private sealed class ExpectationRow
    {
        public string TextBn { get; init; } = "";
        public string? TextEn { get; init; }
    }

    public static async Task<CharterDocument> ReadAsync(DbSession db, Header header, DocumentText text, string ministry, CancellationToken cancellationToken)
    {
        var words = new CharterWords(text.Bengali);
        string Pick(string bn, string? en) => text.Bengali || string.IsNullOrWhiteSpace(en) ? bn : en;
        var id = header.VersionId;
        var services = await db.QueryAsync<ServiceRow>(
            """
            SELECT Category, NameBn, NameEn, MethodBn, MethodEn, DocumentsBn, DocumentsEn, FeeBn, FeeEn, TimeLimitBn, TimeLimitEn,
                   OfficerName, OfficerNameEn, OfficerDesignation, OfficerDesignationEn, OfficerPhone, OfficerEmail
            FROM CharterServices WHERE CharterVersionId = @id ORDER BY Position, Id
            """, new { id }, cancellationToken);
        var grievance = await db.QueryAsync<GrievanceRow>(
            """
            SELECT Level, OfficerName, OfficerNameEn, OfficerDesignation, OfficerDesignationEn, OfficerPhone, OfficerEmail, Days
            FROM CharterGrievanceLevels WHERE CharterVersionId = @id ORDER BY Level
            """, new { id }, cancellationToken);
        var expectations = await db.QueryAsync<ExpectationRow>(
            "SELECT TextBn, TextEn FROM CharterExpectations WHERE CharterVersionId = @id ORDER BY Position", new { id }, cancellationToken);

        var sections = new List<CharterSection>();
        foreach (var category in Categories)
        {
            var rows = services.Where(s => s.Category == category).ToList();
            if (rows.Count == 0) continue;
            sections.Add(new CharterSection(text.Number(sections.Count + 1), words.Section(category), rows.Select((s, i) => new CharterServiceRow(
                text.Number(i + 1), Pick(s.NameBn, s.NameEn), Pick(s.MethodBn, s.MethodEn), Pick(s.DocumentsBn, s.DocumentsEn), Pick(s.FeeBn, s.FeeEn),
                Pick(s.TimeLimitBn, s.TimeLimitEn),
                new CharterOfficer(Pick(s.OfficerName, s.OfficerNameEn), Pick(s.OfficerDesignation, s.OfficerDesignationEn),
                    s.OfficerPhone is null ? null : text.Digits(s.OfficerPhone), s.OfficerEmail))).ToList()));
        }
        return new CharterDocument
        {
            Text = text,
            Words = words,
            VersionId = header.VersionId,
            Version = header.Version,
            Ministry = ministry,
            OfficeName = text.Bengali ? header.OfficeNameBn : header.OfficeNameEn,
            PublishedOn = header.PublishedOn,
            Vision = Pick(header.VisionBn, header.VisionEn),
            Mission = Pick(header.MissionBn, header.MissionEn),
            Sections = sections,
            Grievance = grievance.Select((g, i) => new CharterGrievanceRow(text.Number(i + 1), words.GrievanceWhen(g.Level), words.GrievanceRole(g.Level),
                new CharterOfficer(Pick(g.OfficerName, g.OfficerNameEn), Pick(g.OfficerDesignation, g.OfficerDesignationEn),
                    g.OfficerPhone is null ? null : text.Digits(g.OfficerPhone), g.OfficerEmail),
                g.Days is { } days ? words.Days(text.Number(days)) : null)).ToList(),
            Expectations = expectations.Select(e => Pick(e.TextBn, e.TextEn)).ToList(),
        };
    }
}
