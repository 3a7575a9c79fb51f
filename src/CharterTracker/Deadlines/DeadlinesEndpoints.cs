using MediatR;

namespace CharterTracker.Deadlines;

public static class DeadlinesEndpoints
{
    public static IEndpointRouteBuilder MapDeadlinesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me/notifications", (int? limit, IMediator mediator, CancellationToken ct) => mediator.Send(new ListMyNotificationsQuery(limit), ct))
            .WithTags("Notifications")
            .WithSummary("The signed-in user's notifications (reminders, overdue notices, escalations), newest first.");
        return app;
    }
}
