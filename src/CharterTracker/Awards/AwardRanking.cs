namespace CharterTracker.Awards;

/// <summary>
/// The results, as pure functions of the criteria and the scores (docs: "Quality programmes"):
/// a judge's sheet for a nomination counts only when it scores every criterion (a partial sheet is left out, not
/// read as zeros: an unfinished sheet must not sink a nomination); the sheet's value is the weighted mean of its
/// scores (weights relative, 0–10); the nomination's score is the mean over its counted sheets × 10 (0–100), rounded
/// to two decimals (half away from zero); within each category nominations are ranked by that rounded score, equal
/// rounded scores share a rank and the next rank skips (1, 2, 2, 4). A nomination without a counted sheet is not ranked.
/// </summary>
public static class AwardRanking
{
    public static decimal? SheetValue(IReadOnlyList<AwardCriterion> criteria, IReadOnlyDictionary<string, decimal> scores)
    {
        if (criteria.Count == 0 || criteria.Any(c => !scores.ContainsKey(c.Code))) return null;
        var weights = criteria.Sum(c => c.Weight);
        return criteria.Sum(c => c.Weight * scores[c.Code]) / weights;
    }

    /// <summary>The nomination's score from its judges' sheets (each criterion code → score); null when no sheet is complete.</summary>
    public static (decimal Score, int Judges)? Score(IReadOnlyList<AwardCriterion> criteria, IEnumerable<IReadOnlyDictionary<string, decimal>> sheets)
    {
        var values = sheets.Select(sheet => SheetValue(criteria, sheet)).Where(v => v is not null).Select(v => v!.Value).ToList();
        if (values.Count == 0) return null;
        return (decimal.Round(values.Sum() / values.Count * 10, 2, MidpointRounding.AwayFromZero), values.Count);
    }

    /// <summary>Standard competition ranking of rounded scores: 1 + the number of scores strictly higher.</summary>
    public static IReadOnlyList<(T Item, int Rank)> Rank<T>(IReadOnlyList<T> items, Func<T, decimal> score) =>
        items.Select(item => (item, Rank: 1 + items.Count(other => score(other) > score(item))))
            .OrderBy(x => x.Rank).ToList();
}
