using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Reports;

/// <summary>Records that the office submitted a quarterly implementation or annual progress report to its parent office.</summary>
public sealed record SubmitReportCommand : ICommand<Report>, IReportFields
{
    public long OfficeId { get; init; }
    public ReportKind? Kind { get; init; }
    public string? FiscalYear { get; init; }
    public int? Quarter { get; init; }
    public DateOnly? SubmittedOn { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<long>? EvidenceIds { get; init; }
    public bool? HasEvidence { get; init; }
    public DateOnly? RecordedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class SubmitReportValidator : AbstractValidator<SubmitReportCommand>
{
    public SubmitReportValidator(FiscalCalendar calendar) => Include(new ReportFieldsValidator(calendar));
}

public sealed class SubmitReportHandler(DbSession db, RecordKeeping records) : IRequestHandler<SubmitReportCommand, Report>
{
    public async Task<Report> Handle(SubmitReportCommand command, CancellationToken cancellationToken)
    {
        var (recordedOn, backFilled) = records.RecordedOn(command.RecordedOn);
        await records.EnsureRecordableAsync(command.OfficeId, command.FiscalYear!, command.Quarter, ReportStore.FeedOf(command.Kind!.Value), cancellationToken);
        var parent = await db.QuerySingleOrDefaultAsync<long?>("SELECT ParentId FROM Offices WHERE Id = @OfficeId", command, cancellationToken);
        var id = await db.InsertAsync(
            "INSERT INTO Reports (OfficeId, Kind, FiscalYear, Quarter, SubmittedOn, SubmittedToOfficeId, Notes, HasEvidence, RecordedOn, BackFilled, Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc) VALUES (@OfficeId, @Kind, @FiscalYear, @Quarter, @SubmittedOn, @parent, @Notes, 0, @recordedOn, @backFilled, 1, @Who, @Now, @Now)",
            new { command.OfficeId, Kind = command.Kind!.Value.ToString(), command.FiscalYear, command.Quarter, command.SubmittedOn, parent, command.Notes, recordedOn, backFilled, records.Who, records.Now },
            cancellationToken);
        await ReportStore.SetEvidenceAsync(db, records, id, command, cancellationToken);
        return await ReportStore.GetAsync(db, records, id, cancellationToken);
    }
}
