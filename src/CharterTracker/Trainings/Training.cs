using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;

namespace CharterTracker.Trainings;

public enum TrainingKind
{
    Workshop,
    Training,
    Seminar,
}

/// <summary>A workshop, training or seminar on the charter (indicators 2.1.1 / 2.1.2).</summary>
public sealed record Training : RecordMetadata, IIdentifiedResult
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public TrainingKind Kind { get; init; }
    public string FiscalYear { get; init; } = "";

    /// <summary>The quarter <see cref="HeldOn"/> falls in.</summary>
    public int Quarter { get; init; }
    public DateOnly HeldOn { get; init; }
    public string Title { get; init; } = "";
    public int Participants { get; init; }

    /// <summary>Ids of the offices whose staff took part (the subordinate offices, for 2.1.1).</summary>
    public IReadOnlyList<long> OfficesRepresented { get; init; } = [];

    /// <summary>Dapper fills <see cref="OfficesRepresented"/> from its column, stored as "12,14,203" (see <see cref="TrainingStore.Join"/>).</summary>
    private string? StoredOfficesRepresented
    {
        init => OfficesRepresented = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
    }
}

/// <summary>
/// The fields a focal point fills in for a training; it counts in the quarter of its date. <see cref="RecordTrainingCommand"/>
/// and <see cref="EditTrainingCommand"/> are these fields with what identifies the record.
/// </summary>
public record TrainingFields : RecordFields
{
    public TrainingKind? Kind { get; init; }
    public DateOnly? HeldOn { get; init; }
    public string? Title { get; init; }
    public int? Participants { get; init; }
    public IReadOnlyList<long>? OfficesRepresented { get; init; }
}

public sealed class TrainingFieldsValidator : AbstractValidator<TrainingFields>
{
    public TrainingFieldsValidator(FiscalCalendar calendar)
    {
        RuleFor(t => t.Kind).NotNull().WithMessage(_ => Say.Text("ধরন বেছে নিন: কর্মশালা, প্রশিক্ষণ বা সেমিনার।", "The kind is required: Workshop, Training or Seminar."));
        RuleFor(t => t.FiscalYear).FiscalYearName(calendar);
        RuleFor(t => t.HeldOn).NotNull().WithMessage(_ => Say.Text("অনুষ্ঠানের তারিখ দিতে হবে।", "The date it was held is required."))
            .Must((t, date) => date is null || !calendar.TryParseYear(t.FiscalYear, out var year) || year.Contains(date.Value))
            .WithMessage(t => calendar.TryParseYear(t.FiscalYear, out var year)
                ? Say.Text($"{BengaliDigits.Date(t.HeldOn!.Value)} তারিখটি {BengaliDigits.ToBengali(year.Name)} অর্থবছরের ({BengaliDigits.Date(year.Start)} থেকে {BengaliDigits.Date(year.End)}) বাইরে।",
                    $"{t.HeldOn:yyyy-MM-dd} is outside fiscal year {year.Name} ({year.Start:yyyy-MM-dd} to {year.End:yyyy-MM-dd}).")
                : Say.Text("তারিখটি অর্থবছরের মধ্যে হতে হবে।", "The date must lie inside the fiscal year."))
            .Must(date => date is null || date <= calendar.Today)
            .WithMessage(_ => Say.Text($"তারিখ ভবিষ্যতের হতে পারে না (আজ {BengaliDigits.Date(calendar.Today)})।", "The date it was held cannot be in the future."));
        RuleFor(t => t.Title).Text("The title", 500, whatBn: "বিষয়/শিরোনাম");
        RuleFor(t => t.Participants).NotNull().WithMessage(_ => Say.Text("অংশগ্রহণকারীর সংখ্যা দিতে হবে।", "The number of participants is required."))
            .GreaterThan(0).WithMessage(_ => Say.Text("অন্তত একজন অংশগ্রহণকারী থাকতে হবে।", "A training has at least one participant."));
    }
}

internal static class TrainingStore
{
    /// <summary>The quarter is not a field: it is the one the date falls in.</summary>
    public static readonly RecordTable Table = new(RecordKind.Training,
    [
        "Kind",
        "FiscalYear",
        "Quarter",
        "HeldOn",
        "Title",
        "Participants",
        "OfficesRepresented",
    ])
    {
        ReadAs = new Dictionary<string, string> { ["OfficesRepresented"] = "OfficesRepresented AS StoredOfficesRepresented" },
    };

    /// <summary>The fields as <see cref="Table"/>'s column values.</summary>
    public static object Columns(TrainingFields fields, FiscalCalendar calendar) => new
    {
        Kind = fields.Kind!.Value.ToString(),
        fields.FiscalYear,
        Quarter = calendar.QuarterOf(fields.HeldOn!.Value).Number,
        fields.HeldOn,
        Title = fields.Title!.Trim(),
        fields.Participants,
        OfficesRepresented = Join(fields.OfficesRepresented),
    };

    /// <summary>Stored as "12,14,203": a list read and written only as a whole.</summary>
    public static string? Join(IReadOnlyList<long>? ids) => ids is { Count: > 0 } ? string.Join(',', ids.Distinct()) : null;

    public static async Task EnsureOfficesExistAsync(DbSession db, IReadOnlyList<long>? ids, CancellationToken cancellationToken)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count == 0) return;
        var known = await db.QueryAsync<long>("SELECT Id FROM Offices WHERE Id IN @wanted", new { wanted }, cancellationToken);
        var unknown = wanted.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new RequestValidationException("officesRepresented",
                Say.Text($"{BengaliDigits.ToBengali(string.Join(", ", unknown))} নম্বরের কোনো দপ্তর নেই।", $"No office has id {string.Join(", ", unknown)}."));
        }
    }

    public static async Task<Training> GetAsync(DbSession db, RecordLifecycle records, long id, CancellationToken cancellationToken)
    {
        var training = await db.QuerySingleOrDefaultAsync<Training>(Table.Select + " WHERE Id = @id", new { id }, cancellationToken)
            ?? throw new NotFoundException($"Training {id} does not exist.");
        return training with { EvidenceIds = await records.EvidenceIdsAsync(RecordKind.Training, id, cancellationToken) };
    }
}
