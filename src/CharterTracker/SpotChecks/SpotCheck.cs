using CharterTracker.Pipeline;

namespace CharterTracker.SpotChecks;

/// <summary>A monitoring committee's spot check of a quarter: the draw, its sampled services and what was found.</summary>
public sealed record SpotCheck : IIdentifiedResult
{
    public long Id { get; init; }

    /// <summary>The monitoring committee's office; the services were drawn from its subtree.</summary>
    public long OfficeId { get; init; }
    public string FiscalYear { get; init; } = "";
    public int Quarter { get; init; }

    /// <summary>As asked; the sample holds fewer services when the charters hold fewer.</summary>
    public int SampleSize { get; init; }
    public long Seed { get; init; }

    /// <summary>How many services the charters drawn from held.</summary>
    public int Population { get; init; }
    public DateOnly DrawnOn { get; init; }
    public string DrawnBy { get; init; } = "";
    public string? Notes { get; init; }
    public string? MemoNumber { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public string? IssuedBy { get; init; }
    public string? SignatoryName { get; init; }
    public string? SignatoryDesignation { get; init; }
    public bool Issued => IssuedOn is not null;

    /// <summary>The charter versions the draw read: the latest published one of each office of the subtree at the time.</summary>
    public IReadOnlyList<long> CharterVersionIds { get; init; } = [];
    public IReadOnlyList<SpotCheckItem> Items { get; init; } = [];
    public int Checked => Items.Count(i => i.CheckedOn is not null);

    public const string Columns =
        "Id, OfficeId, FiscalYear, Quarter, SampleSize, Seed, Population, DrawnOn, DrawnBy, Notes, MemoNumber, IssuedOn, IssuedBy, SignatoryName, SignatoryDesignation";
}

/// <summary>One sampled service, with the finding once the committee has checked it.</summary>
public sealed record SpotCheckItem
{
    public long ItemId { get; init; }
    public int Position { get; init; }
    public long OfficeId { get; init; }
    public string OfficeCode { get; init; } = "";
    public string OfficeNameBn { get; init; } = "";
    public string OfficeNameEn { get; init; } = "";
    public long CharterVersionId { get; init; }
    public int CharterVersion { get; init; }
    public long ServiceId { get; init; }

    /// <summary>The service's Bengali name, as the charter drawn from printed it.</summary>
    public string ServiceName { get; init; } = "";
    public string? ServiceNameEn { get; init; }
    public string TimeLimit { get; init; } = "";
    public string Fee { get; init; } = "";
    public DateOnly? CheckedOn { get; init; }
    public bool? WithinTimeLimit { get; init; }
    public bool? FeeAsPublished { get; init; }
    public bool? DocumentsAsPublished { get; init; }
    public string? Note { get; init; }
    public bool HasEvidence { get; init; }
    public IReadOnlyList<long> EvidenceIds { get; init; } = [];
    public string? RecordedBy { get; init; }

    /// <summary>Checked and found as published on all three counts.</summary>
    public bool Compliant => WithinTimeLimit == true && FeeAsPublished == true && DocumentsAsPublished == true;

    public const string Select = """
        SELECT i.Id AS ItemId, i.Position, i.OfficeId, o.Code AS OfficeCode, o.NameBn AS OfficeNameBn, o.NameEn AS OfficeNameEn,
               i.CharterVersionId, v.Version AS CharterVersion, i.ServiceId, s.NameBn AS ServiceName, s.NameEn AS ServiceNameEn,
               s.TimeLimitBn AS TimeLimit, s.FeeBn AS Fee,
               i.CheckedOn, i.WithinTimeLimit, i.FeeAsPublished, i.DocumentsAsPublished, i.Note, i.HasEvidence, i.RecordedBy
        FROM SpotCheckItems i
        JOIN Offices o ON o.Id = i.OfficeId
        JOIN CharterVersions v ON v.Id = i.CharterVersionId
        JOIN CharterServices s ON s.CharterVersionId = i.CharterVersionId AND s.ServiceId = i.ServiceId
        """;
}
