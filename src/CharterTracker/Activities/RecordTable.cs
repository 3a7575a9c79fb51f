namespace CharterTracker.Activities;

/// <summary>
/// A record kind's table: its one list of the columns a focal point's fields fill, and the statements built from it
/// around the <see cref="RecordMetadata"/> columns every record table has. A parameter is named after its column, so
/// one mapper per kind (fields → column values) serves recording and editing alike.
/// </summary>
/// <param name="FieldColumns">Written when the record is recorded and when it is edited.</param>
public sealed record RecordTable(RecordKind Kind, IReadOnlyList<string> FieldColumns)
{
    public string Name => RecordTables.Of(Kind);

    /// <summary>Written only when the record is recorded (a report's addressee); read like the others.</summary>
    public IReadOnlyList<string> InsertOnlyColumns { get; init; } = [];

    /// <summary>
    /// A column read under another name because its stored form differs from the record's property (a training's
    /// offices are stored as "12,14,203"): the record takes it through a private property of that name.
    /// </summary>
    public IReadOnlyDictionary<string, string> ReadAs { get; init; } = new Dictionary<string, string>();

    /// <summary>A new record: <c>@OfficeId</c>, its columns, <c>@HasEvidence</c>, <c>@RecordedOn</c>, <c>@BackFilled</c>, <c>@Who</c>, <c>@Now</c>.</summary>
    public string Insert => $"""
        INSERT INTO {Name} (
            OfficeId,
            {Lines(FieldColumns.Concat(InsertOnlyColumns))},
            HasEvidence,
            RecordedOn,
            BackFilled,
            Version,
            CreatedBy,
            CreatedAtUtc,
            UpdatedAtUtc
        ) VALUES (
            @OfficeId,
            {Lines(FieldColumns.Concat(InsertOnlyColumns).Select(column => "@" + column))},
            @HasEvidence,
            @RecordedOn,
            @BackFilled,
            1,
            @Who,
            @Now,
            @Now
        )
        """;

    /// <summary>An edit: its columns, a new version; <c>@Id</c>, <c>@Now</c>.</summary>
    public string Update => $"""
        UPDATE {Name} SET
            {Lines(FieldColumns.Select(column => $"{column} = @{column}"))},
            Version = Version + 1,
            UpdatedAtUtc = @Now
        WHERE Id = @Id
        """;

    /// <summary>The record with its metadata; a WHERE follows.</summary>
    public string Select => $"""
        SELECT
            Id,
            OfficeId,
            {Lines(FieldColumns.Concat(InsertOnlyColumns).Select(column => ReadAs.GetValueOrDefault(column, column)))},
            HasEvidence,
            RecordedOn,
            BackFilled,
            Version,
            CASE WHEN WithdrawnAtUtc IS NULL THEN 0 ELSE 1 END AS Withdrawn,
            WithdrawnReason,
            CreatedBy,
            CreatedAtUtc
        FROM {Name}
        """;

    private static string Lines(IEnumerable<string> items) => string.Join(",\n    ", items);
}
