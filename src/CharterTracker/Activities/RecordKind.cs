using CharterTracker.Access;

namespace CharterTracker.Activities;

/// <summary>The kinds of record a focal point keeps. Each has its own table; history and evidence links name the kind.</summary>
public enum RecordKind
{
    CharterUpdate,
    Meeting,
    Training,
    Report,
    Kaizen,

    /// <summary>A quarter's value of an office's own quality indicator (QualitySystems/).</summary>
    QualityValue,
}

internal static class RecordTables
{
    /// <summary>The table of a kind: a closed list, so it is safe to put in SQL text.</summary>
    public static string Of(RecordKind kind) => kind switch
    {
        RecordKind.CharterUpdate => "CharterUpdates",
        RecordKind.Meeting => "Meetings",
        RecordKind.Training => "Trainings",
        RecordKind.Report => "Reports",
        RecordKind.Kaizen => "KaizenCases",
        RecordKind.QualityValue => "QualityValues",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>A request about one record needs access to the office the record belongs to.</summary>
public static class RecordAccess
{
    public static AccessDemand Read(RecordKind kind, long id) => AccessDemand.ReadOfficeOf(OfficeOf(kind, id));

    public static AccessDemand Write(RecordKind kind, long id) => AccessDemand.WriteOfficeOf(OfficeOf(kind, id));

    private static OfficeLookup OfficeOf(RecordKind kind, long id) =>
        new($"SELECT OfficeId FROM {RecordTables.Of(kind)} WHERE Id = @Id", id, $"{kind} {id} does not exist.");
}
