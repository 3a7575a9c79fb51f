using CharterTracker.Pipeline;

namespace CharterTracker.Awards;

/// <summary>
/// A yearly service-quality award cycle run by an organising office (the seed: Bangkok's awards, with a per-process
/// and a service-innovation category). Nominations are taken up to and including <see cref="NominationsCloseOn"/>;
/// judges score from the day after up to and including <see cref="JudgingClosesOn"/>; results exist from the day
/// after that.
/// </summary>
public sealed record AwardCycle : IIdentifiedResult
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string FiscalYear { get; init; } = "";
    public long OfficeId { get; init; }
    public string OfficeNameBn { get; init; } = "";
    public string OfficeNameEn { get; init; } = "";
    public DateOnly NominationsCloseOn { get; init; }
    public DateOnly JudgingClosesOn { get; init; }

    /// <summary>Nominating, Judging or Closed, as of today.</summary>
    public AwardStage Stage { get; init; }

    public IReadOnlyList<AwardCategory> Categories { get; init; } = [];
    public IReadOnlyList<AwardCriterion> Criteria { get; init; } = [];
    public IReadOnlyList<AwardJudge> Judges { get; init; } = [];
    public string CreatedBy { get; init; } = "";
    public DateTime CreatedAtUtc { get; init; }
}

public enum AwardStage
{
    Nominating,
    Judging,
    Closed,
}

public sealed record AwardCategory
{
    public string Code { get; init; } = "";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";

    /// <summary>Optional: the Thai certificate prints it (the English name otherwise).</summary>
    public string? NameTh { get; init; }
}

public sealed record AwardCriterion
{
    public string Code { get; init; } = "";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";

    /// <summary>Relative: weights need not add up to anything (a criterion's share is its weight over their sum).</summary>
    public decimal Weight { get; init; }
}

public sealed record AwardJudge
{
    public long UserId { get; init; }
    public string DisplayName { get; init; } = "";
    public long? OfficeId { get; init; }
}

/// <summary>A nomination of a service (a process or an innovation) by an office of the organiser's subtree.</summary>
public sealed record AwardNomination : IIdentifiedResult
{
    public long Id { get; init; }
    public long CycleId { get; init; }
    public long OfficeId { get; init; }
    public string OfficeNameBn { get; init; } = "";
    public string OfficeNameEn { get; init; } = "";
    public string CategoryCode { get; init; } = "";
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public bool HasEvidence { get; init; }
    public IReadOnlyList<long> EvidenceIds { get; init; } = [];
    public string NominatedBy { get; init; } = "";
    public DateTime NominatedAtUtc { get; init; }
    public bool Withdrawn { get; init; }
    public DateTime? WithdrawnAtUtc { get; init; }
}

/// <summary>One judge's score of one nomination on one criterion (0–10, one decimal).</summary>
public sealed record AwardScore
{
    public string CriterionCode { get; init; } = "";
    public decimal Score { get; init; }
}

/// <summary>A nomination's place in its category: the weighted mean over the judges with a complete sheet, 0–100.</summary>
public sealed record AwardResult
{
    public string CategoryCode { get; init; } = "";
    public int Rank { get; init; }
    public long NominationId { get; init; }
    public long OfficeId { get; init; }
    public decimal Score { get; init; }
    public string OfficeNameBn { get; init; } = "";
    public string OfficeNameEn { get; init; } = "";
    public string Title { get; init; } = "";

    /// <summary>How many judges' sheets counted (complete ones).</summary>
    public int Judges { get; init; }
}
