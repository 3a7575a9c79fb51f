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
public sealed record RecordCharterUpdateCommand : ICommand<CharterUpdate>, ICharterUpdateFields
{
    public long OfficeId { get; init; }
    public string? FiscalYear { get; init; }
    public int? Quarter { get; init; }
    public DateOnly? UpdatedOn { get; init; }

    /// <summary>The reference of the upload to the Cabinet Division's portal (nis.cabinet.gov.bd).</summary>
    public string? PortalReference { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<long>? EvidenceIds { get; init; }

    /// <summary>Evidence held on paper: counts like an uploaded file.</summary>
    public bool? HasEvidence { get; init; }

    /// <summary>SystemAdmin only, back-filling history: the day it was originally recorded.</summary>
    public DateOnly? RecordedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class CharterUpdateFieldsValidator : AbstractValidator<ICharterUpdateFields>
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

public sealed class RecordCharterUpdateHandler(DbSession db, RecordKeeping records) : IRequestHandler<RecordCharterUpdateCommand, CharterUpdate>
{
    public async Task<CharterUpdate> Handle(RecordCharterUpdateCommand command, CancellationToken cancellationToken)
    {
        var (recordedOn, backFilled) = records.RecordedOn(command.RecordedOn);
        await records.EnsureRecordableAsync(command.OfficeId, command.FiscalYear!, command.Quarter, ActivityFeed.CharterUpdates, cancellationToken);
        var id = await db.InsertAsync(
            "INSERT INTO CharterUpdates (OfficeId, FiscalYear, Quarter, UpdatedOn, PortalReference, HasEvidence, Notes, RecordedOn, BackFilled, Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc) VALUES (@OfficeId, @FiscalYear, @Quarter, @UpdatedOn, @PortalReference, 0, @Notes, @recordedOn, @backFilled, 1, @Who, @Now, @Now)",
            new { command.OfficeId, command.FiscalYear, command.Quarter, command.UpdatedOn, PortalReference = command.PortalReference?.Trim(), command.Notes, recordedOn, backFilled, records.Who, records.Now },
            cancellationToken);
        await CharterUpdateStore.SetEvidenceAsync(db, records, id, command, cancellationToken);
        return await CharterUpdateStore.GetAsync(db, records, id, cancellationToken);
    }
}

internal static class CharterUpdateStore
{
    public static async Task SetEvidenceAsync(DbSession db, RecordKeeping records, long id, ICharterUpdateFields fields, CancellationToken cancellationToken)
    {
        var linked = await records.LinkEvidenceAsync(RecordKind.CharterUpdate, id, fields.EvidenceIds, cancellationToken);
        await db.ExecuteAsync("UPDATE CharterUpdates SET HasEvidence = @has WHERE Id = @id", new { has = linked || fields.HasEvidence == true, id }, cancellationToken);
    }

    public static async Task<CharterUpdate> GetAsync(DbSession db, RecordKeeping records, long id, CancellationToken cancellationToken)
    {
        var update = await db.QuerySingleOrDefaultAsync<CharterUpdate>(CharterUpdate.Select + " WHERE Id = @id", new { id }, cancellationToken)
            ?? throw new NotFoundException($"Charter update {id} does not exist.");
        return update with { EvidenceIds = await records.EvidenceIdsAsync(RecordKind.CharterUpdate, id, cancellationToken) };
    }
}
