using System.Globalization;

namespace CharterTracker.Charters;

/// <summary>A service as the changes list names it.</summary>
public sealed record ServiceSummary(long ServiceId, ServiceCategory Category, string NameBn, string? NameEn);

/// <summary>One field of one service that differs between two versions (<c>fee</c>, <c>timeLimit</c>, <c>officer.name</c>, …).</summary>
public sealed record ServiceChange(long ServiceId, string NameBn, string? NameEn, string Field, string? From, string? To);

/// <summary>One field of the rest of the charter that differs: <c>visionBn</c>, <c>grievance[2].days</c> (by level), <c>expectations[0].textBn</c>.</summary>
public sealed record CharterFieldChange(string Field, string? From, string? To);

/// <summary>What changed from one version to another: services added and removed (by stable id), every service field that differs, and the other sections' fields.</summary>
public sealed record CharterChanges
{
    public long OfficeId { get; init; }
    public int From { get; init; }
    public DateOnly? FromPublishedOn { get; init; }
    public int To { get; init; }
    public DateOnly? ToPublishedOn { get; init; }
    public IReadOnlyList<ServiceSummary> Added { get; init; } = [];
    public IReadOnlyList<ServiceSummary> Removed { get; init; } = [];
    public IReadOnlyList<ServiceChange> Changed { get; init; } = [];
    public IReadOnlyList<CharterFieldChange> Charter { get; init; } = [];

    /// <summary>How many services changed (a service with three changed fields counts once).</summary>
    public int ChangedServices => Changed.Select(c => c.ServiceId).Distinct().Count();
}

/// <summary>Compares two versions field by field. Pure: the use cases load the versions.</summary>
public static class CharterDiff
{
    /// <summary>The service fields compared, named as the API names them.</summary>
    private static readonly (string Field, Func<CharterService, string?> Value)[] ServiceFields =
    [
        ("category", s => s.Category?.ToString()),
        ("nameBn", s => s.NameBn),
        ("nameEn", s => s.NameEn),
        ("method", s => s.Method),
        ("methodEn", s => s.MethodEn),
        ("documents", s => s.Documents),
        ("documentsEn", s => s.DocumentsEn),
        ("fee", s => s.Fee),
        ("feeEn", s => s.FeeEn),
        ("timeLimit", s => s.TimeLimit),
        ("timeLimitEn", s => s.TimeLimitEn),
        ("officer.name", s => s.Officer?.Name),
        ("officer.nameEn", s => s.Officer?.NameEn),
        ("officer.designation", s => s.Officer?.Designation),
        ("officer.designationEn", s => s.Officer?.DesignationEn),
        ("officer.phone", s => s.Officer?.Phone),
        ("officer.email", s => s.Officer?.Email),
    ];

    public static CharterChanges Compare(CharterVersion from, CharterVersion to)
    {
        var before = (from.Services ?? []).ToDictionary(s => s.ServiceId!.Value);
        var after = (to.Services ?? []).ToDictionary(s => s.ServiceId!.Value);
        var changed = new List<ServiceChange>();
        foreach (var service in to.Services ?? [])
        {
            if (!before.TryGetValue(service.ServiceId!.Value, out var old)) continue;
            foreach (var (field, value) in ServiceFields)
            {
                if (value(old) != value(service)) changed.Add(new ServiceChange(service.ServiceId.Value, service.NameBn!, service.NameEn, field, value(old), value(service)));
            }
        }
        return new CharterChanges
        {
            OfficeId = to.OfficeId,
            From = from.Version,
            FromPublishedOn = from.PublishedOn,
            To = to.Version,
            ToPublishedOn = to.PublishedOn,
            Added = (to.Services ?? []).Where(s => !before.ContainsKey(s.ServiceId!.Value)).Select(Summary).ToList(),
            Removed = (from.Services ?? []).Where(s => !after.ContainsKey(s.ServiceId!.Value)).Select(Summary).ToList(),
            Changed = changed,
            Charter = [.. SectionChanges(from, to)],
        };
    }

    private static ServiceSummary Summary(CharterService s) => new(s.ServiceId!.Value, s.Category!.Value, s.NameBn!, s.NameEn);

    private static IEnumerable<CharterFieldChange> SectionChanges(CharterVersion from, CharterVersion to)
    {
        IEnumerable<CharterFieldChange> Field(string name, string? a, string? b) => a == b ? [] : [new CharterFieldChange(name, a, b)];
        var changes = Field("visionBn", from.VisionBn, to.VisionBn)
            .Concat(Field("visionEn", from.VisionEn, to.VisionEn))
            .Concat(Field("missionBn", from.MissionBn, to.MissionBn))
            .Concat(Field("missionEn", from.MissionEn, to.MissionEn));

        var levelsBefore = (from.Grievance ?? []).ToDictionary(l => l.Level!.Value);
        var levelsAfter = (to.Grievance ?? []).ToDictionary(l => l.Level!.Value);
        foreach (var level in levelsBefore.Keys.Union(levelsAfter.Keys).Order())
        {
            var a = levelsBefore.GetValueOrDefault(level);
            var b = levelsAfter.GetValueOrDefault(level);
            var prefix = $"grievance[{level}].";
            changes = changes
                .Concat(Field(prefix + "officer.name", a?.Officer?.Name, b?.Officer?.Name))
                .Concat(Field(prefix + "officer.nameEn", a?.Officer?.NameEn, b?.Officer?.NameEn))
                .Concat(Field(prefix + "officer.designation", a?.Officer?.Designation, b?.Officer?.Designation))
                .Concat(Field(prefix + "officer.designationEn", a?.Officer?.DesignationEn, b?.Officer?.DesignationEn))
                .Concat(Field(prefix + "officer.phone", a?.Officer?.Phone, b?.Officer?.Phone))
                .Concat(Field(prefix + "officer.email", a?.Officer?.Email, b?.Officer?.Email))
                .Concat(Field(prefix + "days", Days(a), Days(b)));
        }

        var expectationsBefore = from.Expectations ?? [];
        var expectationsAfter = to.Expectations ?? [];
        for (var i = 0; i < Math.Max(expectationsBefore.Count, expectationsAfter.Count); i++)
        {
            var a = i < expectationsBefore.Count ? expectationsBefore[i] : null;
            var b = i < expectationsAfter.Count ? expectationsAfter[i] : null;
            changes = changes
                .Concat(Field($"expectations[{i}].textBn", a?.TextBn, b?.TextBn))
                .Concat(Field($"expectations[{i}].textEn", a?.TextEn, b?.TextEn));
        }
        return changes;
    }

    private static string? Days(GrievanceLevel? level) => level?.Days?.ToString(CultureInfo.InvariantCulture);
}
