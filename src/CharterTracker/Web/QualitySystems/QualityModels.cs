using CharterTracker.Evidence;
using CharterTracker.Offices;
using CharterTracker.QualitySystems;

namespace CharterTracker.Web;

/// <summary>An office's quality systems for a quarter: what it adopted and defined, and the quarter's scores.</summary>
public sealed record QualityOfficeModel(Office Office, string FiscalYear, int Quarter, IReadOnlyList<PeriodLink> Quarters, IReadOnlyList<QualitySystem> Systems,
    QualityScorecard Card, bool CanWrite)
{
    public string Query => PageRequest.Url("", Office.Id, FiscalYear, Quarter);
}

public sealed record QualityFormModel(Office Office, WebForm Form, string Action, string BackUrl, string Title)
{
    public IReadOnlyList<EvidenceFile> Attached { get; init; } = [];
    public QualityIndicator? Indicator { get; init; }
    public string? Period { get; init; }
    public string? HistoryUrl { get; init; }
}

public sealed record QualityRollupModel(Office Office, string FiscalYear, int Quarter, IReadOnlyList<PeriodLink> Quarters, QualityRollup Rollup)
{
    public string Query => PageRequest.Url("", Office.Id, FiscalYear, Quarter);
}
