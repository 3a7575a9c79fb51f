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
public sealed record Training : KeptRecord, IIdentifiedResult
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
}

public interface ITrainingFields
{
    TrainingKind? Kind { get; }
    string? FiscalYear { get; }
    DateOnly? HeldOn { get; }
    string? Title { get; }
    int? Participants { get; }
    IReadOnlyList<long>? OfficesRepresented { get; }
    IReadOnlyList<long>? EvidenceIds { get; }
    bool? HasEvidence { get; }
}

public sealed class TrainingFieldsValidator : AbstractValidator<ITrainingFields>
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
    private sealed class Row
    {
        public long Id { get; init; }
        public long OfficeId { get; init; }
        public TrainingKind Kind { get; init; }
        public string FiscalYear { get; init; } = "";
        public int Quarter { get; init; }
        public DateOnly HeldOn { get; init; }
        public string Title { get; init; } = "";
        public int Participants { get; init; }
        public string? OfficesRepresented { get; init; }
        public bool HasEvidence { get; init; }
        public DateOnly RecordedOn { get; init; }
        public bool BackFilled { get; init; }
        public int Version { get; init; }
        public bool Withdrawn { get; init; }
        public string? WithdrawnReason { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTime CreatedAtUtc { get; init; }
    }

    public const string Select = """
        SELECT Id, OfficeId, Kind, FiscalYear, Quarter, HeldOn, Title, Participants, OfficesRepresented, HasEvidence, RecordedOn, BackFilled, Version,
               CASE WHEN WithdrawnAtUtc IS NULL THEN 0 ELSE 1 END AS Withdrawn, WithdrawnReason, CreatedBy, CreatedAtUtc
        FROM Trainings
        """;

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

    public static async Task SetEvidenceAsync(DbSession db, RecordKeeping records, long id, ITrainingFields fields, CancellationToken cancellationToken)
    {
        var linked = await records.LinkEvidenceAsync(RecordKind.Training, id, fields.EvidenceIds, cancellationToken);
        await db.ExecuteAsync("UPDATE Trainings SET HasEvidence = @has WHERE Id = @id", new { has = linked || fields.HasEvidence == true, id }, cancellationToken);
    }

    public static async Task<IReadOnlyList<Training>> QueryAsync(DbSession db, string where, object parameters, CancellationToken cancellationToken) =>
        (await db.QueryAsync<Row>(Select + " " + where, parameters, cancellationToken)).Select(ToTraining).ToList();

    public static async Task<Training> GetAsync(DbSession db, RecordKeeping records, long id, CancellationToken cancellationToken)
    {
        var training = (await QueryAsync(db, "WHERE Id = @id", new { id }, cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException($"Training {id} does not exist.");
        return training with { EvidenceIds = await records.EvidenceIdsAsync(RecordKind.Training, id, cancellationToken) };
    }

    private static Training ToTraining(Row row) => new()
    {
        Id = row.Id, OfficeId = row.OfficeId, Kind = row.Kind, FiscalYear = row.FiscalYear, Quarter = row.Quarter, HeldOn = row.HeldOn,
        Title = row.Title, Participants = row.Participants,
        OfficesRepresented = (row.OfficesRepresented ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList(),
        HasEvidence = row.HasEvidence, RecordedOn = row.RecordedOn, BackFilled = row.BackFilled, Version = row.Version, Withdrawn = row.Withdrawn,
        WithdrawnReason = row.WithdrawnReason, CreatedBy = row.CreatedBy, CreatedAtUtc = row.CreatedAtUtc,
    };
}
