namespace CharterTracker.Tests.Support;

/// <summary>Every kind of record a focal point keeps, as the API names it, with a valid body for an agency in Q1 of 2024-25.</summary>
public static class RecordKinds
{
    public static readonly string[] All = ["charter-updates", "meetings", "trainings", "reports", "kaizen"];

    /// <summary>A body an agency (an office without subordinates) may record: its meeting is a stakeholder meeting.</summary>
    public static Dictionary<string, object?> SampleFor(string kind) => kind switch
    {
        "charter-updates" => Samples.CharterUpdate(),
        "meetings" => Samples.Meeting().With("kind", "StakeholderAwareness"),
        "trainings" => Samples.Training(),
        "reports" => Samples.Report(),
        "kaizen" => Samples.Kaizen(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
