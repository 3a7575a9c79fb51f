using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Kaizen;

/// <summary>Records a Kaizen case of the office for a fiscal year, at whatever stage it is (a case done before it was recorded is recorded as implemented).</summary>
public sealed record RecordKaizenCaseCommand : KaizenCaseFields, ICommand<KaizenCase>
{
    public RecordKaizenCaseCommand()
    {
    }

    /// <summary>The fields a form read, recorded for the office.</summary>
    public RecordKaizenCaseCommand(long officeId, KaizenCaseFields fields) : base(fields) => OfficeId = officeId;

    public long OfficeId { get; init; }

    /// <summary>SystemAdmin only, back-filling history.</summary>
    public DateOnly? RecordedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class RecordKaizenCaseValidator : AbstractValidator<RecordKaizenCaseCommand>
{
    public RecordKaizenCaseValidator(FiscalCalendar calendar) => Include(new KaizenCaseFieldsValidator(calendar));
}

public sealed class RecordKaizenCaseHandler(DbSession db, RecordLifecycle records) : IRequestHandler<RecordKaizenCaseCommand, KaizenCase>
{
    public async Task<KaizenCase> Handle(RecordKaizenCaseCommand command, CancellationToken cancellationToken)
    {
        var recorded = records.RecordedOn(command.RecordedOn);
        await records.EnsureRecordableAsync(command.OfficeId, command.FiscalYear!, null, ActivityFeed.KaizenCases, cancellationToken);
        var id = await records.InsertAsync(KaizenStore.Table, command.OfficeId, recorded, command, KaizenStore.Columns(command, recorded.RecordedOn), cancellationToken);
        await KaizenStore.WritePartsAsync(db, id, command, cancellationToken);
        return await KaizenStore.GetAsync(db, records, id, cancellationToken);
    }
}
