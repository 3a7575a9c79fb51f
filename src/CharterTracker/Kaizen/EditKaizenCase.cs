using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Kaizen;

/// <summary>
/// Corrects a case or moves it on: Planned → InProgress → Implemented, or Abandoned before it is implemented. A case
/// does not go back (an implemented case that was not is withdrawn, so its history shows it). The previous version
/// stays in its history; a case stays in the fiscal year it was recorded for.
/// </summary>
public sealed record EditKaizenCaseCommand : KaizenCaseFields, ICommand<KaizenCase>
{
    public EditKaizenCaseCommand()
    {
    }

    /// <summary>The fields a form read, replacing the version the editor saw.</summary>
    public EditKaizenCaseCommand(long id, int? version, KaizenCaseFields fields) : base(fields) => (Id, Version) = (id, version);

    public long Id { get; init; }
    public int? Version { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Write(RecordKind.Kaizen, Id)];
}

public sealed class EditKaizenCaseValidator : AbstractValidator<EditKaizenCaseCommand>
{
    public EditKaizenCaseValidator(FiscalCalendar calendar)
    {
        Include(new KaizenCaseFieldsValidator(calendar));
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class EditKaizenCaseHandler(DbSession db, RecordLifecycle records, FiscalCalendar calendar) : IRequestHandler<EditKaizenCaseCommand, KaizenCase>
{
    public async Task<KaizenCase> Handle(EditKaizenCaseCommand command, CancellationToken cancellationToken)
    {
        var (version, officeId) = await records.EnsureEditableAsync(RecordKind.Kaizen, command.Id, command.Version!.Value, cancellationToken);
        var before = await KaizenStore.GetAsync(db, records, command.Id, cancellationToken);
        if (command.FiscalYear != before.FiscalYear)
        {
            throw new RequestValidationException("fiscalYear", Say.Text(
                $"কাইজেনটি {BengaliDigits.ToBengali(before.FiscalYear)} অর্থবছরের; অন্য বছরের জন্য নতুন কাইজেন লিপিবদ্ধ করুন।",
                $"The case belongs to fiscal year {before.FiscalYear}; record a new case for another year."));
        }
        if (!KaizenTransitions.Allowed(before.Status, command.Status!.Value))
        {
            throw new ConflictException(KaizenTransitions.Refusal(before.Status, command.Status.Value), "status");
        }
        await records.EnsureRecordableAsync(officeId, before.FiscalYear, null, ActivityFeed.KaizenCases, cancellationToken);
        // The day it was first saved as implemented stays; a case implemented now is implemented today.
        var implementedRecordedOn = before.ImplementedRecordedOn ?? calendar.Today;
        await records.WriteHistoryAsync(RecordKind.Kaizen, command.Id, version, "Edited", before, cancellationToken);
        await records.UpdateAsync(KaizenStore.Table, command.Id, command, KaizenStore.Columns(command, implementedRecordedOn), cancellationToken);
        await KaizenStore.WritePartsAsync(db, command.Id, command, cancellationToken);
        return await KaizenStore.GetAsync(db, records, command.Id, cancellationToken);
    }
}
