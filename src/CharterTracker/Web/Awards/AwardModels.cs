using CharterTracker.Awards;
using CharterTracker.Offices;

namespace CharterTracker.Web;

/// <summary>The cycles the user may see, and whether they may open one (a monitoring committee or an administrator).</summary>
public sealed record AwardListModel(IReadOnlyList<AwardCycleSummary> Cycles, string? NewCycleUrl);

/// <summary>Opening a cycle: the organising office, the form, and how many category and criterion rows it shows.</summary>
public sealed record AwardCycleFormModel(Office Office, WebForm Form, string Action, int Categories, int Criteria);

/// <summary>One cycle as its viewer may see it: what every reader sees, and the organiser's and nominators' parts.</summary>
public sealed record AwardCycleModel(AwardCycle Cycle, AwardCycleSummary Part)
{
    /// <summary>The organiser's judging progress (counts only); null for others.</summary>
    public JudgingProgress? Progress { get; init; }

    /// <summary>The organiser's judge search: what was typed, the users found, the assign form.</summary>
    public string? JudgeSearch { get; init; }
    public IReadOnlyList<JudgeCandidate> Candidates { get; init; } = [];
    public WebForm? JudgeForm { get; init; }

    /// <summary>The nominations the user sees (their subtree's, or all of them for the organiser's readers and judges).</summary>
    public IReadOnlyList<AwardNomination> Nominations { get; init; } = [];

    /// <summary>Ranked results, once judging has closed.</summary>
    public IReadOnlyList<AwardResult>? Results { get; init; }

    public string? NominateUrl { get; init; }
    public string? SheetUrl { get; init; }

    /// <summary>Withdraw buttons are offered (a focal point or an administrator, while nominations are open).</summary>
    public bool CanWithdraw { get; init; }
    public string Token { get; init; } = "";
}

/// <summary>Nominating a service: the offices the user may nominate for (in the organiser's subtree) and the form.</summary>
public sealed record NominationFormModel(AwardCycle Cycle, WebForm Form, string Action, IReadOnlyList<(string Value, string Label)> Offices, string BackUrl);

/// <summary>The judge's sheet: a row per nomination, each its own form (the one that failed to save shows its errors).</summary>
public sealed record ScoringSheetModel(AwardCycle Cycle, IReadOnlyList<ScoringSheetLine> Lines, string Token);

public sealed record ScoringSheetLine(ScoringSheetRow Row, WebForm Form, string Action);
