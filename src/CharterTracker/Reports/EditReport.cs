using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Reports;

/// <summary>Corrects a report record; the previous version stays in its history.</summary>
public sealed record EditReportCommand : ReportFields, ICommand<Report>
{
    public EditReportCommand()
    {
    }

    /// <summary>The fields a form read, replacing the version the editor saw.</summary>
    public EditReportCommand(long id, int? version, ReportFields fields) : base(fields) => (Id, Version) = (id, version);

    public long Id { get; init; }
    public int? Version { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Write(RecordKind.Report, Id)];
}

public sealed class EditReportValidator : AbstractValidator<EditReportCommand>
{
    public EditReportValidator(FiscalCalendar calendar)
    {
        Include(new ReportFieldsValidator(calendar));
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class EditReportHandler(DbSession db, RecordLifecycle records) : IRequestHandler<EditReportCommand, Report>
{
    public async Task<Report> Handle(EditReportCommand command, CancellationToken cancellationToken)
    {
        var (version, officeId) = await records.EnsureEditableAsync(RecordKind.Report, command.Id, command.Version!.Value, cancellationToken);
        await records.EnsureRecordableAsync(officeId, command.FiscalYear!, command.Quarter, ReportStore.FeedOf(command.Kind!.Value), cancellationToken);
        var before = await ReportStore.GetAsync(db, records, command.Id, cancellationToken);
        await records.WriteHistoryAsync(RecordKind.Report, command.Id, version, "Edited", before, cancellationToken);
        await records.UpdateAsync(ReportStore.Table, command.Id, command, ReportStore.Columns(command), cancellationToken);
        return await ReportStore.GetAsync(db, records, command.Id, cancellationToken);
    }
}
