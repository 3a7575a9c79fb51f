using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.CharterUpdates;

/// <summary>Corrects a charter update. The previous values stay in its history; the day it was recorded does not change.</summary>
public sealed record EditCharterUpdateCommand : CharterUpdateFields, ICommand<CharterUpdate>
{
    public EditCharterUpdateCommand()
    {
    }

    /// <summary>The fields a form read, replacing the version the editor saw.</summary>
    public EditCharterUpdateCommand(long id, int? version, CharterUpdateFields fields) : base(fields) => (Id, Version) = (id, version);

    public long Id { get; init; }

    /// <summary>The version the editor saw; a different stored version means someone else changed it (409).</summary>
    public int? Version { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Write(RecordKind.CharterUpdate, Id)];
}

public sealed class EditCharterUpdateValidator : AbstractValidator<EditCharterUpdateCommand>
{
    public EditCharterUpdateValidator(FiscalCalendar calendar)
    {
        Include(new CharterUpdateFieldsValidator(calendar));
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class EditCharterUpdateHandler(DbSession db, RecordLifecycle records) : IRequestHandler<EditCharterUpdateCommand, CharterUpdate>
{
    public async Task<CharterUpdate> Handle(EditCharterUpdateCommand command, CancellationToken cancellationToken)
    {
        var (version, officeId) = await records.EnsureEditableAsync(RecordKind.CharterUpdate, command.Id, command.Version!.Value, cancellationToken);
        await records.EnsureRecordableAsync(officeId, command.FiscalYear!, command.Quarter, ActivityFeed.CharterUpdates, cancellationToken);
        var before = await CharterUpdateStore.GetAsync(db, records, command.Id, cancellationToken);
        await records.WriteHistoryAsync(RecordKind.CharterUpdate, command.Id, version, "Edited", before, cancellationToken);
        await records.UpdateAsync(CharterUpdateStore.Table, command.Id, command, CharterUpdateStore.Columns(command), cancellationToken);
        return await CharterUpdateStore.GetAsync(db, records, command.Id, cancellationToken);
    }
}
