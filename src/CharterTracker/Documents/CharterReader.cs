using CharterTracker.Charters;

namespace CharterTracker.Documents;

/// <summary>
/// A published charter version (as <see cref="CharterStore.LoadAsync"/> reads it) in the printed layout's model, in one
/// language: each field in English where the edition is English and English was given, the Bengali otherwise. The PDF
/// and the public page print the same thing.
/// </summary>
public static class CharterReader
{
    public static CharterDocument ToDocument(CharterVersion version, (string NameBn, string NameEn) office, DocumentText text, string ministry)
    {
        var words = new CharterWords(text.Bengali);
        string Pick(string? bn, string? en) => text.Bengali || string.IsNullOrWhiteSpace(en) ? bn ?? "" : en;
        CharterOfficer Officer(Charters.CharterOfficer? o) => new(Pick(o?.Name, o?.NameEn), Pick(o?.Designation, o?.DesignationEn),
            o?.Phone is { } phone ? text.Digits(phone) : null, o?.Email);

        var sections = new List<CharterSection>();
        foreach (var group in (version.Services ?? []).GroupBy(s => s.Category ?? ServiceCategory.Citizen).OrderBy(g => g.Key))
        {
            sections.Add(new CharterSection(text.Number(sections.Count + 1), words.Section(group.Key.ToString()), group.Select((s, i) => new CharterServiceRow(
                text.Number(i + 1), Pick(s.NameBn, s.NameEn), Pick(s.Method, s.MethodEn), Pick(s.Documents, s.DocumentsEn), Pick(s.Fee, s.FeeEn),
                Pick(s.TimeLimit, s.TimeLimitEn), Officer(s.Officer))).ToList()));
        }
        return new CharterDocument
        {
            Text = text,
            Words = words,
            VersionId = version.Id,
            Version = version.Version,
            Ministry = ministry,
            OfficeName = text.Bengali ? office.NameBn : office.NameEn,
            PublishedOn = version.PublishedOn ?? throw new InvalidOperationException($"Charter version {version.Id} is not published."),
            Vision = Pick(version.VisionBn, version.VisionEn),
            Mission = Pick(version.MissionBn, version.MissionEn),
            Sections = sections,
            Grievance = (version.Grievance ?? []).Select((g, i) => new CharterGrievanceRow(text.Number(i + 1), words.GrievanceWhen(g.Level ?? i + 1),
                words.GrievanceRole(g.Level ?? i + 1), Officer(g.Officer), g.Days is { } days ? words.Days(text.Number(days)) : null)).ToList(),
            Expectations = (version.Expectations ?? []).Select(e => Pick(e.TextBn, e.TextEn)).ToList(),
        };
    }
}
