using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;

namespace CharterTracker.Reports;

public enum ReportKind
{
    /// <summary>An office without subordinates reports each quarter on implementing its charter (indicator 1.3.2).</summary>
    QuarterlyImplementation,

    /// <summary>The year's progress report (indicator 2.2.2).</summary>
    AnnualProgress,
}

/// <summary>A report submitted to the parent office. It is about a period and is submitted after it.</summary>
public sealed record Report : RecordMetadata, IIdentifiedResult
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public ReportKind Kind { get; init; }
    public string FiscalYear { get; init; } = "";

    /// <summary>The quarter it reports on; null for an annual report.</summary>
    public int? Quarter { get; init; }
    public DateOnly SubmittedOn { get; init; }

    /// <summary>The parent office it went to (the office's parent when it was recorded).</summary>
    public long? SubmittedToOfficeId { get; init; }
    public string? Notes { get; init; }
}

/// <summary>
/// The fields a focal point fills in for a report. <see cref="SubmitReportCommand"/> and <see cref="EditReportCommand"/>
/// are these fields with what identifies the record.
/// </summary>
public record ReportFields : RecordFields
{
    public ReportKind? Kind { get; init; }

    /// <summary>The quarter a quarterly report is about; none for the annual one.</summary>
    public int? Quarter { get; init; }
    public DateOnly? SubmittedOn { get; init; }
    public string? Notes { get; init; }
}

public sealed class ReportFieldsValidator : AbstractValidator<ReportFields>
{
    public ReportFieldsValidator(FiscalCalendar calendar)
    {
        RuleFor(r => r.Kind).NotNull()
            .WithMessage(_ => Say.Text("প্রতিবেদনের ধরন বেছে নিন: ত্রৈমাসিক বাস্তবায়ন বা বার্ষিক অগ্রগতি।", "The kind is required: QuarterlyImplementation or AnnualProgress."));
        RuleFor(r => r.FiscalYear).FiscalYearName(calendar);
        RuleFor(r => r.Quarter).QuarterNumber().When(r => r.Kind == ReportKind.QuarterlyImplementation);
        RuleFor(r => r.Quarter).Null()
            .WithMessage(_ => Say.Text("বার্ষিক প্রতিবেদন পুরো বছরের; ত্রৈমাসিক দেবেন না।", "An annual report covers the whole year: leave the quarter out."))
            .When(r => r.Kind == ReportKind.AnnualProgress);
        RuleFor(r => r.SubmittedOn).NotNull().WithMessage(_ => Say.Text("দাখিলের তারিখ দিতে হবে।", "The date it was submitted is required."))
            .Must((r, date) => date is null || PeriodStart(calendar, r) is not { } start || date >= start)
            .WithMessage(r => Say.Text($"যে সময়ের প্রতিবেদন, তা শুরুর ({BengaliDigits.Date(PeriodStart(calendar, r)!.Value)}) আগে দাখিল করা যায় না।",
                $"A report cannot be submitted before the period it reports on begins ({PeriodStart(calendar, r):yyyy-MM-dd})."))
            .Must(date => date is null || date <= calendar.Today)
            .WithMessage(_ => Say.Text($"দাখিলের তারিখ ভবিষ্যতের হতে পারে না (আজ {BengaliDigits.Date(calendar.Today)})।", "The submission date cannot be in the future."));
        RuleFor(r => r.Notes).Text("The notes", 4000, required: false, whatBn: "মন্তব্য");
    }

    private static DateOnly? PeriodStart(FiscalCalendar calendar, ReportFields r) =>
        !calendar.TryParseYear(r.FiscalYear, out var year) ? null
        : r.Kind == ReportKind.QuarterlyImplementation ? (r.Quarter is >= 1 and <= 4 ? year.Quarter(r.Quarter.Value).Start : null)
        : year.Start;
}

internal static class ReportStore
{
    /// <summary>The parent office it went to is the office's parent when it was recorded: an edit leaves it.</summary>
    public static readonly RecordTable Table = new(RecordKind.Report,
    [
        "Kind",
        "FiscalYear",
        "Quarter",
        "SubmittedOn",
        "Notes",
    ])
    {
        InsertOnlyColumns = ["SubmittedToOfficeId"],
    };

    /// <summary>The fields as <see cref="Table"/>'s column values.</summary>
    public static object Columns(ReportFields fields) => new
    {
        Kind = fields.Kind!.Value.ToString(),
        fields.FiscalYear,
        fields.Quarter,
        fields.SubmittedOn,
        fields.Notes,
    };

    public static ActivityFeed FeedOf(ReportKind kind) =>
        kind == ReportKind.QuarterlyImplementation ? ActivityFeed.QuarterlyImplementationReports : ActivityFeed.AnnualProgressReports;

    public static async Task<Report> GetAsync(DbSession db, RecordLifecycle records, long id, CancellationToken cancellationToken)
    {
        var report = await db.QuerySingleOrDefaultAsync<Report>(Table.Select + " WHERE Id = @id", new { id }, cancellationToken)
            ?? throw new NotFoundException($"Report {id} does not exist.");
        return report with { EvidenceIds = await records.EvidenceIdsAsync(RecordKind.Report, id, cancellationToken) };
    }
}
