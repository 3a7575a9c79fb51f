using System.Text.Json;
using System.Text.Json.Serialization;
using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;

namespace CharterTracker.QualitySystems;

/// <summary>What an office's own indicator counts in. Only Percent is bounded (0–100); the others are shown as named.</summary>
public enum QualityUnit
{
    Number,
    Percent,
    Days,
    Hours,
    Taka,
}

/// <summary>
/// The indicator's targets, as the plan's engine reads them: the value for 100 % of the weight, and optionally the
/// lower levels (used when the fiscal year's plan scores by levels) and one target per quarter (quarterly indicators;
/// otherwise a quarter's target follows from the annual one by the aggregation).
/// </summary>
public sealed record QualityTargets
{
    [JsonConverter(typeof(LocalDigitsDecimalConverter))] public decimal? At100 { get; init; }
    [JsonConverter(typeof(LocalDigitsDecimalConverter))] public decimal? At90 { get; init; }
    [JsonConverter(typeof(LocalDigitsDecimalConverter))] public decimal? At80 { get; init; }
    [JsonConverter(typeof(LocalDigitsDecimalConverter))] public decimal? At70 { get; init; }
    [JsonConverter(typeof(LocalDigitsDecimalConverter))] public decimal? At60 { get; init; }
    public IReadOnlyList<decimal?>? Quarters { get; init; }

    /// <summary>The defined levels, best first.</summary>
    public IReadOnlyList<decimal> Levels() => new[] { At100, At90, At80, At70, At60 }.Where(l => l is not null).Select(l => l!.Value).ToList();
}

/// <summary>An indicator an office defined for one of its quality systems.</summary>
public sealed record QualityIndicator : IIdentifiedResult
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public long QualitySystemId { get; init; }
    public string Code { get; init; } = "";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";
    public QualityUnit Unit { get; init; }
    public IndicatorFrequency Frequency { get; init; }
    public Aggregation Aggregation { get; init; }
    public IndicatorDirection Direction { get; init; }
    public decimal Weight { get; init; }
    public QualityTargets Targets { get; init; } = new();
    public bool EvidenceRequired { get; init; }
    public int Version { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTime CreatedAtUtc { get; init; }
    public DateTime UpdatedAtUtc { get; init; }

    public bool Percent() => Unit == QualityUnit.Percent;

    /// <summary>The indicator as the plan's engine scores it: fed by its own values only, outside any plan total.</summary>
    public PlanIndicator ForEngine() => new()
    {
        Code = Code,
        TextBn = NameBn,
        TextEn = NameEn,
        Unit = Unit == QualityUnit.Percent ? IndicatorUnit.Percent : IndicatorUnit.Count,
        Weight = Weight,
        Frequency = Frequency,
        Aggregation = Aggregation,
        Direction = Direction,
        Targets = new Targets { At100 = Level(Targets.At100), At90 = Level(Targets.At90), At80 = Level(Targets.At80), At70 = Level(Targets.At70), At60 = Level(Targets.At60) },
        QuarterTargets = Frequency == IndicatorFrequency.Quarterly && Targets.Quarters is { Count: 4 } quarters ? quarters.Select(Level).ToList() : [],
        Applicability = Applicability.All,
        EvidenceRequired = EvidenceRequired,
        FedBy = ActivityFeed.OfficeIndicatorValues,
    };

    private static Target? Level(decimal? value) => value is { } number ? new Target(number, null) : null;
}

/// <summary>What an office fills in for an indicator; defining and editing one are these fields with what identifies it.</summary>
public record QualityIndicatorFields
{
    public string? Code { get; init; }
    public string? NameBn { get; init; }
    public string? NameEn { get; init; }
    public QualityUnit? Unit { get; init; }
    public IndicatorFrequency? Frequency { get; init; }

    /// <summary>How quarters make the year: Sum, Average or Cumulative (the engine's number aggregations).</summary>
    public Aggregation? Aggregation { get; init; }

    /// <summary>Default HigherIsBetter.</summary>
    public IndicatorDirection? Direction { get; init; }

    [JsonConverter(typeof(LocalDigitsDecimalConverter))] public decimal? Weight { get; init; }
    public QualityTargets? Targets { get; init; }

    /// <summary>Default true: a value counts only with evidence, as the plan's records do.</summary>
    public bool? EvidenceRequired { get; init; }
}

public sealed class QualityIndicatorFieldsValidator : AbstractValidator<QualityIndicatorFields>
{
    private static readonly Aggregation[] Aggregations = [Aggregation.Sum, Aggregation.Average, Aggregation.Cumulative];

    public QualityIndicatorFieldsValidator()
    {
        RuleFor(f => f.Code).Text("The code", 20, whatBn: "কোড")
            .Matches("^[A-Za-z0-9][A-Za-z0-9.-]*$").WithMessage(_ => Say.Text("কোডে ইংরেজি অক্ষর, অঙ্ক, বিন্দু ও হাইফেন চলে (যেমন ISO-1)।", "A code is Latin letters, digits, dots and hyphens (like ISO-1)."));
        RuleFor(f => f.NameBn).Text("The Bengali name", 500, whatBn: "বাংলা নাম");
        RuleFor(f => f.NameEn).Text("The English name", 500, required: false, whatBn: "ইংরেজি নাম");
        RuleFor(f => f.Unit).NotNull().WithMessage(_ => Say.Text("একক বেছে নিন।", "The unit is required: Number, Percent, Days, Hours or Taka."));
        RuleFor(f => f.Frequency).NotNull().WithMessage(_ => Say.Text("পুনরাবৃত্তি বেছে নিন: ত্রৈমাসিক বা বার্ষিক।", "The frequency is required: Quarterly or Annual."));
        RuleFor(f => f.Aggregation).NotNull().WithMessage(_ => Say.Text("বছরের হিসাব কীভাবে হবে বেছে নিন।", "The aggregation is required: Sum, Average or Cumulative."))
            .Must(a => a is null || Aggregations.Contains(a.Value))
            .WithMessage(_ => Say.Text("বছরের হিসাব: যোগফল, গড় বা ক্রমপুঞ্জিত।", "The aggregation is Sum, Average or Cumulative."));
        RuleFor(f => f.Weight).NotNull().WithMessage(_ => Say.Text("মান (weight) দিতে হবে।", "The weight is required."))
            .GreaterThan(0).WithMessage(_ => Say.Text("মান শূন্যের বেশি।", "The weight is more than 0."))
            .LessThanOrEqualTo(100).WithMessage(_ => Say.Text("মান সর্বোচ্চ ১০০।", "The weight is at most 100."));
        RuleFor(f => f.Targets).NotNull().WithMessage(_ => Say.Text("লক্ষ্যমাত্রা দিতে হবে।", "The targets are required (at least targets.at100)."));
        RuleFor(f => f.Targets!.At100).NotNull().WithMessage(_ => Say.Text("১০০% লক্ষ্যমাত্রা দিতে হবে।", "The target for 100 % is required.")).When(f => f.Targets is not null)
            .OverridePropertyName("targets.at100");
        RuleFor(f => f).Custom((fields, context) =>
        {
            if (fields.Targets is not { } targets) return;
            var named = new (string Field, decimal? Value)[] { ("at100", targets.At100), ("at90", targets.At90), ("at80", targets.At80), ("at70", targets.At70), ("at60", targets.At60) };
            foreach (var (field, value) in named.Concat((targets.Quarters ?? []).Select((q, i) => ($"quarters[{i}]", q))))
            {
                if (value is < 0) context.AddFailure("targets." + field, Say.Text("লক্ষ্যমাত্রা ঋণাত্মক হতে পারে না।", "A target cannot be negative."));
                if (value is > 100 && fields.Unit == QualityUnit.Percent) context.AddFailure("targets." + field, Say.Text("শতাংশ সর্বোচ্চ ১০০।", "A percentage is at most 100."));
            }
            var levels = targets.Levels();
            var lower = fields.Direction == IndicatorDirection.LowerIsBetter;
            if (levels.Zip(levels.Skip(1)).Any(pair => lower ? pair.First >= pair.Second : pair.First <= pair.Second))
            {
                context.AddFailure("targets", lower
                    ? Say.Text("কম হলে ভালো: প্রতিটি নিচের স্তরের লক্ষ্যমাত্রা আগেরটির চেয়ে বেশি হবে।", "Lower is better: each lower level's target is above the one before.")
                    : Say.Text("বেশি হলে ভালো: প্রতিটি নিচের স্তরের লক্ষ্যমাত্রা আগেরটির চেয়ে কম হবে।", "Higher is better: each lower level's target is below the one before."));
            }
            if (targets.Quarters is { } quarters)
            {
                if (fields.Frequency == IndicatorFrequency.Annual)
                {
                    context.AddFailure("targets.quarters", Say.Text("বার্ষিক সূচকের ত্রৈমাসিক লক্ষ্যমাত্রা হয় না।", "An annual indicator has no quarter targets."));
                }
                else if (quarters.Count != 4 || quarters.Any(q => q is null))
                {
                    context.AddFailure("targets.quarters", Say.Text("চারটি ত্রৈমাসিকের প্রতিটির লক্ষ্যমাত্রা দিন, অথবা একটিও না।", "Give a target for each of the four quarters, or none."));
                }
            }
        });
    }
}

/// <summary>The statements the indicator use cases share.</summary>
internal static class QualityIndicatorStore
{
    private sealed class Row
    {
        public long Id { get; init; }
        public long OfficeId { get; init; }
        public long AdoptionId { get; init; }
        public string Code { get; init; } = "";
        public string NameBn { get; init; } = "";
        public string? NameEn { get; init; }
        public QualityUnit Unit { get; init; }
        public IndicatorFrequency Frequency { get; init; }
        public Aggregation Aggregation { get; init; }
        public IndicatorDirection Direction { get; init; }
        public decimal Weight { get; init; }
        public string Targets { get; init; } = "{}";
        public bool EvidenceRequired { get; init; }
        public int Version { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTime CreatedAtUtc { get; init; }
        public DateTime UpdatedAtUtc { get; init; }
    }

    /// <summary>Earlier versions of an indicator are kept where every record's are, under this kind.</summary>
    public const string HistoryKind = "QualityIndicator";

    private const string Select = """
        SELECT Id, OfficeId, AdoptionId, Code, NameBn, NameEn, Unit, Frequency, Aggregation, Direction, Weight, Targets, EvidenceRequired,
               Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc
        FROM QualityIndicators
        """;

    public static OfficeLookup OfficeOf(long id) => new("SELECT OfficeId FROM QualityIndicators WHERE Id = @Id", id, $"Quality indicator {id} does not exist.");

    public static async Task<QualityIndicator> GetAsync(DbSession db, long id, CancellationToken cancellationToken) =>
        Read(await db.QuerySingleOrDefaultAsync<Row>(Select + " WHERE Id = @id", new { id }, cancellationToken)
             ?? throw new NotFoundException($"Quality indicator {id} does not exist."));

    public static async Task<IReadOnlyList<QualityIndicator>> OfAdoptionsAsync(DbSession db, IReadOnlyCollection<long> adoptionIds, CancellationToken cancellationToken) =>
        adoptionIds.Count == 0 ? [] : (await db.QueryAsync<Row>(Select + " WHERE AdoptionId IN @adoptionIds ORDER BY Code", new { adoptionIds }, cancellationToken)).Select(Read).ToList();

    /// <summary>The fields as column values (the unit, frequency… by name; the targets as JSON).</summary>
    public static object Columns(QualityIndicatorFields fields) => new
    {
        Code = fields.Code!.Trim(),
        NameBn = fields.NameBn!.Trim(),
        NameEn = string.IsNullOrWhiteSpace(fields.NameEn) ? null : fields.NameEn.Trim(),
        Unit = fields.Unit!.Value.ToString(),
        Frequency = fields.Frequency!.Value.ToString(),
        Aggregation = fields.Aggregation!.Value.ToString(),
        Direction = (fields.Direction ?? IndicatorDirection.HigherIsBetter).ToString(),
        Weight = fields.Weight!.Value,
        Targets = JsonSerializer.Serialize(fields.Frequency == IndicatorFrequency.Annual ? fields.Targets! with { Quarters = null } : fields.Targets!, ApiJson.Options),
        EvidenceRequired = fields.EvidenceRequired ?? true,
    };

    /// <summary>A code is the office's: two of its indicators never share one, whatever their system.</summary>
    public static async Task EnsureCodeFreeAsync(DbSession db, long officeId, string code, long? except, CancellationToken cancellationToken)
    {
        var taken = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM QualityIndicators WHERE OfficeId = @officeId AND Code = @code AND Id <> @except",
            new { officeId, code = code.Trim(), except = except ?? 0 }, cancellationToken);
        if (taken > 0)
        {
            throw new ConflictException(Say.Text($"দপ্তরের আরেকটি সূচকের কোড {code}।", $"Another of the office's indicators has the code {code}."), "code");
        }
    }

    private static QualityIndicator Read(Row row) => new()
    {
        Id = row.Id,
        OfficeId = row.OfficeId,
        QualitySystemId = row.AdoptionId,
        Code = row.Code,
        NameBn = row.NameBn,
        NameEn = string.IsNullOrWhiteSpace(row.NameEn) ? row.NameBn : row.NameEn,
        Unit = row.Unit,
        Frequency = row.Frequency,
        Aggregation = row.Aggregation,
        Direction = row.Direction,
        Weight = row.Weight,
        Targets = JsonSerializer.Deserialize<QualityTargets>(row.Targets, ApiJson.Options) ?? new(),
        EvidenceRequired = row.EvidenceRequired,
        Version = row.Version,
        CreatedBy = row.CreatedBy,
        CreatedAtUtc = row.CreatedAtUtc,
        UpdatedAtUtc = row.UpdatedAtUtc,
    };
}
