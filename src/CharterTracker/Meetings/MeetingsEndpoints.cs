using CharterTracker.Activities;
using MediatR;

namespace CharterTracker.Meetings;

public static class MeetingsEndpoints
{
    public sealed record CompleteFollowUpBody(DateOnly? DoneOn, string? Note);

    public static IEndpointRouteBuilder MapMeetingsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/offices/{officeId:long}/meetings", async (long officeId, RecordMeetingCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var meeting = await mediator.Send(command with { OfficeId = officeId }, ct);
            return Results.Created($"/api/v1/meetings/{meeting.Id}", meeting);
        }).WithTags("Meetings").WithSummary("Record a meeting the office organised, with its minutes data.");
        app.MapGet("/api/v1/offices/{officeId:long}/meetings", (long officeId, string? fiscalYear, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListMeetingsQuery(officeId, fiscalYear), ct)).WithTags("Meetings");
        app.MapGet("/api/v1/offices/{officeId:long}/follow-ups", (long officeId, bool? includeDone, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListFollowUpsQuery(officeId, includeDone ?? false), ct))
            .WithTags("Meetings").WithSummary("Follow-ups decided at the office's meetings or owned by it (open and overdue unless includeDone).");

        var meetings = app.MapGroup("/api/v1/meetings").WithTags("Meetings");
        meetings.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetMeetingQuery(id), ct));
        meetings.MapPut("/{id:long}", (long id, EditMeetingCommand command, IMediator mediator, CancellationToken ct) => mediator.Send(command with { Id = id }, ct));
        meetings.MapRecordLifecycle(RecordKind.Meeting);

        app.MapPost("/api/v1/follow-ups/{id:long}/complete", (long id, CompleteFollowUpBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new CompleteFollowUpCommand { Id = id, DoneOn = body.DoneOn, Note = body.Note }, ct))
            .WithTags("Meetings").WithSummary("The owner office reports a follow-up done.");
        return app;
    }
}
