using MediatR;

namespace CharterTracker.Activities;

public static class RecordLifecycleEndpoints
{
    public sealed record WithdrawBody(string? Reason, int? Version);

    /// <summary><c>POST {id}/withdraw</c> and <c>GET {id}/history</c>, the same for every kind of record.</summary>
    public static RouteGroupBuilder MapRecordLifecycle(this RouteGroupBuilder group, RecordKind kind)
    {
        group.MapPost("/{id:long}/withdraw", (long id, WithdrawBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new WithdrawRecordCommand { Kind = kind, Id = id, Reason = body.Reason, Version = body.Version }, ct))
            .WithSummary("Withdraw the record (it stays readable, marked withdrawn, and stops counting).");
        group.MapGet("/{id:long}/history", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetRecordHistoryQuery(kind, id), ct))
            .WithSummary("Earlier versions of the record: what it held, who changed it, when.");
        return group;
    }
}
