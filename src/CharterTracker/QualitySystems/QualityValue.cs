using System.Text.Json.Serialization;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;

namespace CharterTracker.QualitySystems;

/// <summary>The value of an office's own indicator for one quarter: a record like the plan's (evidence, versions, withdrawal).</summary>
public sealed record QualityValue : RecordMetadata, IIdentifiedResult
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public long IndicatorId { get; init; }
    public string FiscalYear { get; init; } = "";
    public int Quarter { get; init; }
    public decimal Value { get; init; }
    public string? Note { get; init; }
}

/// <summary>What a focal point fills in for a quarter's value; the indicator, year and quarter are the route's.</summary>
public record QualityValueFields : RecordFields
{
    /// <summary>A number, or text in Latin or Bengali digits.</summary>
    [JsonConverter(typeof(LocalDigitsDecimalConverter))] public decimal? Value { get; init; }
    public string? Note { get; init; }
}

public sealed class QualityValueFieldsValidator : AbstractValidator<QualityValueFields>
{
    public QualityValueFieldsValidator()
    {
        RuleFor(v => v.Value).NotNull().WithMessage(_ => Say.Text("মান (সংখ্যা) দিতে হবে।", "The value is required."))
            .GreaterThanOrEqualTo(0).WithMessage(_ => Say.Text("মান ঋণাত্মক হতে পারে না।", "The value cannot be negative."))
            .LessThan(1_000_000_000_000m).WithMessage(_ => Say.Text("মানটি অতিরিক্ত বড়।", "The value is too large."));
        RuleFor(v => v.Note).Text("The note", 2000, required: false, whatBn: "মন্তব্য");
    }
}

internal static class QualityValueStore
{
    /// <summary>The indicator and the period are fixed when the value is first recorded; an edit changes the value and its note.</summary>
    public static readonly RecordTable Table = new(RecordKind.QualityValue, ["Value", "Note"])
    {
        InsertOnlyColumns = ["IndicatorId", "FiscalYear", "Quarter"],
    };

    public static object Columns(QualityValueFields fields) => new { Value = fields.Value!.Value, Note = string.IsNullOrWhiteSpace(fields.Note) ? null : fields.Note.Trim() };

    public static async Task<QualityValue> GetAsync(DbSession db, RecordLifecycle records, long id, CancellationToken cancellationToken)
    {
        var value = await db.QuerySingleOrDefaultAsync<QualityValue>(Table.Select + " WHERE Id = @id", new { id }, cancellationToken)
            ?? throw new NotFoundException($"Quality value {id} does not exist.");
        return value with { EvidenceIds = await records.EvidenceIdsAsync(RecordKind.QualityValue, id, cancellationToken) };
    }

    /// <summary>The value that counts for the indicator's quarter (not withdrawn), if any.</summary>
    public static Task<long?> CurrentIdAsync(DbSession db, long indicatorId, string fiscalYear, int quarter, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<long?>("SELECT Id FROM QualityValues WHERE IndicatorId = @indicatorId AND FiscalYear = @fiscalYear AND Quarter = @quarter AND WithdrawnAtUtc IS NULL",
            new { indicatorId, fiscalYear, quarter }, cancellationToken);
}
