using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.CharterUpdates;

/// <summary>Records that an office updated its own charter in a quarter (indicator 1.1.1, and its parent's 1.2.1).</summary>
public sealed record RecordCharterUpdateCommand : CharterUpdateFields, ICommand<CharterUpdate>
{
    public RecordCharterUpdateCommand()
    {
    }

    /// <summary>The fields a form read, recorded for the office.</summary>
    public RecordCharterUpdateCommand(long officeId, CharterUpdateFields fields) : base(fields) => OfficeId = officeId;

    public long OfficeId { get; init; }

    /// <summary>SystemAdmin only, back-filling history: the day it was originally recorded.</summary>
    public DateOnly? RecordedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class CharterUpdateFieldsValidator : AbstractValidator<CharterUpdateFields>
{
    public CharterUpdateFieldsValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.FiscalYear).FiscalYearName(calendar);
        RuleFor(c => c.Quarter).QuarterNumber();
        RuleFor(c => c.UpdatedOn).InQuarter(calendar, c => c.FiscalYear, c => c.Quarter, "of the update");
        RuleFor(c => c.PortalReference).Text("The portal reference", 300, required: false, whatBn: "পোর্টালে আপলোডের সূত্র");
        RuleFor(c => c.Notes).Text("The notes", 4000, required: false, whatBn: "মন্তব্য");
    }
}

public sealed class RecordCharterUpdateValidator : AbstractValidator<RecordCharterUpdateCommand>
{
    public RecordCharterUpdateValidator(FiscalCalendar calendar) => Include(new CharterUpdateFieldsValidator(calendar));
}

public sealed class RecordCharterUpdateHandler(DbSession db, RecordLifecycle records) : IRequestHandler<RecordCharterUpdateCommand, CharterUpdate>
{
    public async Task<CharterUpdate> Handle(RecordCharterUpdateCommand command, CancellationToken cancellationToken)
    {
        var recorded = records.RecordedOn(command.RecordedOn);
        await records.EnsureRecordableAsync(command.OfficeId, command.FiscalYear!, command.Quarter, ActivityFeed.CharterUpdates, cancellationToken);
        var id = await records.InsertAsync(CharterUpdateStore.Table, command.OfficeId, recorded, command, CharterUpdateStore.Columns(command), cancellationToken);
        return await CharterUpdateStore.GetAsync(db, records, id, cancellationToken);
    }
}
