using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Activities;

/// <summary>
/// Takes a record back (entered for the wrong office, a duplicate…). It stays readable, marked withdrawn with the
/// reason, and no longer counts for any indicator. Records are never deleted.
/// </summary>
public sealed record WithdrawRecordCommand : ICommand<WithdrawnRecord>
{
    public RecordKind Kind { get; init; }
    public long Id { get; init; }
    public int? Version { get; init; }
    public string? Reason { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Write(Kind, Id)];
}

public sealed record WithdrawnRecord(RecordKind Kind, long Id, int Version, string Reason) : IIdentifiedResult;

public sealed class WithdrawRecordValidator : AbstractValidator<WithdrawRecordCommand>
{
    public WithdrawRecordValidator()
    {
        RuleFor(c => c.Reason).Text("The reason for withdrawing", 1000, whatBn: "প্রত্যাহারের কারণ");
        RuleFor(c => c.Version).RecordVersion();
    }
}

public sealed class WithdrawRecordHandler(DbSession db, RecordLifecycle records) : IRequestHandler<WithdrawRecordCommand, WithdrawnRecord>
{
    public async Task<WithdrawnRecord> Handle(WithdrawRecordCommand command, CancellationToken cancellationToken)
    {
        var (version, _) = await records.EnsureEditableAsync(command.Kind, command.Id, command.Version!.Value, cancellationToken);
        var snapshot = await db.QuerySingleOrDefaultAsync<dynamic>($"SELECT * FROM {RecordTables.Of(command.Kind)} WHERE Id = @Id", new { command.Id }, cancellationToken);
        await records.WriteHistoryAsync(command.Kind, command.Id, version, "Withdrawn", (object)ToDictionary(snapshot), cancellationToken);
        var reason = command.Reason!.Trim();
        await db.ExecuteAsync(
            $"UPDATE {RecordTables.Of(command.Kind)} SET WithdrawnAtUtc = @Now, WithdrawnReason = @reason, Version = Version + 1, UpdatedAtUtc = @Now WHERE Id = @Id",
            new { records.Now, reason, command.Id }, cancellationToken);
        return new WithdrawnRecord(command.Kind, command.Id, version + 1, reason);
    }

    private static Dictionary<string, object?> ToDictionary(dynamic row) =>
        ((IDictionary<string, object?>)row).ToDictionary(pair => char.ToLowerInvariant(pair.Key[0]) + pair.Key[1..], pair => pair.Value);
}
