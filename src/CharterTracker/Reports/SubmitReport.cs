using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Reports;

/// <summary>Records that the office submitted a quarterly implementation or annual progress report to its parent office.</summary>
public sealed record SubmitReportCommand : ReportFields, ICommand<Report>
{
    public SubmitReportCommand()
    {
    }

    /// <summary>The fields a form read, recorded for the office.</summary>
    public SubmitReportCommand(long officeId, ReportFields fields) : base(fields) => OfficeId = officeId;

    public long OfficeId { get; init; }

    /// <summary>SystemAdmin only, back-filling history.</summary>
    public DateOnly? RecordedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class SubmitReportValidator : AbstractValidator<SubmitReportCommand>
{
    public SubmitReportValidator(FiscalCalendar calendar) => Include(new ReportFieldsValidator(calendar));
}

public sealed class SubmitReportHandler(DbSession db, RecordLifecycle records) : IRequestHandler<SubmitReportCommand, Report>
{
    public async Task<Report> Handle(SubmitReportCommand command, CancellationToken cancellationToken)
    {
        var recorded = records.RecordedOn(command.RecordedOn);
        await records.EnsureRecordableAsync(command.OfficeId, command.FiscalYear!, command.Quarter, ReportStore.FeedOf(command.Kind!.Value), cancellationToken);
        var parent = await db.QuerySingleOrDefaultAsync<long?>("SELECT ParentId FROM Offices WHERE Id = @OfficeId", command, cancellationToken);
        var columns = new Dapper.DynamicParameters(ReportStore.Columns(command));
        columns.Add("SubmittedToOfficeId", parent);
        var id = await records.InsertAsync(ReportStore.Table, command.OfficeId, recorded, command, columns, cancellationToken);
        return await ReportStore.GetAsync(db, records, id, cancellationToken);
    }
}
