namespace CharterTracker.Documents;

/// <summary>
/// A published charter version as the government layout prints it, in one language: each field in that language,
/// the Bengali text where no English was given, numbers in the language's digits.
/// </summary>
public sealed record CharterDocument
{
    public required DocumentText Text { get; init; }
    public required CharterWords Words { get; init; }
    public required long VersionId { get; init; }
    public required int Version { get; init; }
    public required string Ministry { get; init; }
    public required string OfficeName { get; init; }
    public required DateOnly PublishedOn { get; init; }
    public required string Vision { get; init; }
    public required string Mission { get; init; }

    /// <summary>The four service groups in order (citizen, institutional, internal, subordinate offices); empty ones left out.</summary>
    public required IReadOnlyList<CharterSection> Sections { get; init; }
    public required IReadOnlyList<CharterGrievanceRow> Grievance { get; init; }
    public required IReadOnlyList<string> Expectations { get; init; }

    public string SourceVersion => $"CharterVersion#{VersionId}";
}

public sealed record CharterSection(string Number, string Title, IReadOnlyList<CharterServiceRow> Services);

public sealed record CharterServiceRow(string Number, string Name, string Method, string Documents, string Fee, string TimeLimit, CharterOfficer Officer);

public sealed record CharterOfficer(string Name, string Designation, string? Phone, string? Email);

public sealed record CharterGrievanceRow(string Number, string When, string Whom, CharterOfficer Officer, string? Days);
