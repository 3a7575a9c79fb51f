using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Reports;

/// <summary>Corrects a report record; the previous version stays in its history.</summary>
public sealed record EditReportCommand : ICommand<Report>, IReportFields
{
    public long Id { get; init; }
    public int? Version { get; init; }
    public ReportKind? Kind { get; init; }
    public string? FiscalYear { get; init; }
    public int? Quarter { get; init; }
    public DateOnly? SubmittedOn { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<long>? EvidenceIds { get; init; }
    public bool? HasEvidence { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Write(RecordKind.Report, Id)];
}

public sealed class EditReportValidator : AbstractValidator<EditReportCommand>
{
    public EditReportValidator(FiscalCalendar calendar) {
        Include(new ReportFieldsValidator(calendar));
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class EditReportHandler(DbSession db, RecordKeeping records) : IRequestHandler<EditReportCommand, Report>
{
    public async Task<Report> Handle(EditReportCommand command, CancellationToken cancellationToken)
    {
        var version = await records.EnsureEditableAsync(RecordKind.Report, command.Id, command.Version!.Value, cancellationToken);
        var officeId = await db.ExecuteScalarAsync<long>("SELECT OfficeId FROM Reports WHERE Id = @Id", command, cancellationToken);
        await records.EnsureRecordableAsync(officeId, command.FiscalYear!, command.Quarter, ReportStore.FeedOf(command.Kind!.Value), cancellationToken);
        await records.WriteHistoryAsync(RecordKind.Report, command.Id, version, "Edited", await ReportStore.GetAsync(db, records, command.Id, cancellationToken), cancellationToken);
        await db.ExecuteAsync(
            "UPDATE Reports SET Kind = @Kind, FiscalYear = @FiscalYear, Quarter = @Quarter, SubmittedOn = @SubmittedOn, Notes = @Notes, Version = Version + 1, UpdatedAtUtc = @Now WHERE Id = @Id",
            new { Kind = command.Kind!.Value.ToString(), command.FiscalYear, command.Quarter, command.SubmittedOn, command.Notes, records.Now, command.Id }, cancellationToken);
        await ReportStore.SetEvidenceAsync(db, records, command.Id, command, cancellationToken);
        return await ReportStore.GetAsync(db, records, command.Id, cancellationToken);
    }
}
