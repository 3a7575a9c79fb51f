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
public sealed record EditCharterUpdateCommand : ICommand<CharterUpdate>, ICharterUpdateFields
{
    public long Id { get; init; }

    /// <summary>The version the editor saw; a different stored version means someone else changed it (409).</summary>
    public int? Version { get; init; }
    public string? FiscalYear { get; init; }
    public int? Quarter { get; init; }
    public DateOnly? UpdatedOn { get; init; }
    public string? PortalReference { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<long>? EvidenceIds { get; init; }
    public bool? HasEvidence { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Write(RecordKind.CharterUpdate, Id)];
}

public sealed class EditCharterUpdateValidator : AbstractValidator<EditCharterUpdateCommand>
{
    public EditCharterUpdateValidator(FiscalCalendar calendar) {
        Include(new CharterUpdateFieldsValidator(calendar));
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class EditCharterUpdateHandler(DbSession db, RecordKeeping records) : IRequestHandler<EditCharterUpdateCommand, CharterUpdate>
{
    public async Task<CharterUpdate> Handle(EditCharterUpdateCommand command, CancellationToken cancellationToken)
    {
        var version = await records.EnsureEditableAsync(RecordKind.CharterUpdate, command.Id, command.Version!.Value, cancellationToken);
        var officeId = await db.ExecuteScalarAsync<long>("SELECT OfficeId FROM CharterUpdates WHERE Id = @Id", command, cancellationToken);
        await records.EnsureRecordableAsync(officeId, command.FiscalYear!, command.Quarter, ActivityFeed.CharterUpdates, cancellationToken);
        var before = await CharterUpdateStore.GetAsync(db, records, command.Id, cancellationToken);
        await records.WriteHistoryAsync(RecordKind.CharterUpdate, command.Id, version, "Edited", before, cancellationToken);
        await db.ExecuteAsync(
            "UPDATE CharterUpdates SET FiscalYear = @FiscalYear, Quarter = @Quarter, UpdatedOn = @UpdatedOn, PortalReference = @PortalReference, Notes = @Notes, Version = Version + 1, UpdatedAtUtc = @Now WHERE Id = @Id",
            new { command.FiscalYear, command.Quarter, command.UpdatedOn, PortalReference = command.PortalReference?.Trim(), command.Notes, records.Now, command.Id },
            cancellationToken);
        await CharterUpdateStore.SetEvidenceAsync(db, records, command.Id, command, cancellationToken);
        return await CharterUpdateStore.GetAsync(db, records, command.Id, cancellationToken);
    }
}
