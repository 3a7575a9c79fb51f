using CharterTracker.ActionPlans;

namespace CharterTracker.Kaizen;

/// <summary>
/// "One year, one project" as a plan indicator: at least one Kaizen case implemented in the year, with evidence, by
/// the annual due date. The built-in 2024-25 plan does not have it (the Cabinet Division's plan stays as issued); a
/// year's plan gains it when it is imported or cloned with this area added — an area of its own, so the charter
/// areas keep their weights and the plan total grows by <see cref="Weight"/>.
/// </summary>
public static class KaizenIndicator
{
    public const string AreaCode = "3";
    public const string Code = "3.1.1";
    public const decimal Weight = 2;

    public static PlanArea Area { get; } = new()
    {
        Code = AreaCode, NameBn = "সেবার মান উন্নয়ন", NameEn = "Service quality improvement", Weight = Weight,
        Indicators =
        [
            new PlanIndicator
            {
                Code = Code, ActivityCode = "3.1", ActivityBn = "কাইজেন: এক বছর, এক প্রকল্প", ActivityEn = "Kaizen: one year, one project",
                TextBn = "বছরে অন্তত একটি কাইজেন (ক্ষুদ্র উন্নয়ন) বাস্তবায়িত", TextEn = "At least one Kaizen improvement implemented this year",
                Unit = IndicatorUnit.Count, Weight = Weight, Frequency = IndicatorFrequency.Annual, Aggregation = Aggregation.Sum,
                Targets = new Targets { At100 = 1 }, Applicability = Applicability.All, FedBy = ActivityFeed.KaizenCases,
            },
        ],
    };

    /// <summary>The plan with the Kaizen area added (unchanged when it already has a Kaizen-fed indicator).</summary>
    public static ActionPlan AddTo(ActionPlan plan) =>
        plan.Indicators.Any(i => i.FedBy == ActivityFeed.KaizenCases)
            ? plan
            : plan with { Areas = [.. plan.Areas, Area], Total = plan.Total + Weight };
}
