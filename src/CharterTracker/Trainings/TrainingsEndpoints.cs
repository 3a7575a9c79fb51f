using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Trainings;

public static class TrainingsEndpoints
{
    public static IEndpointRouteBuilder MapTrainingsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/offices/{officeId:long}/trainings", async (long officeId, RecordTrainingCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var training = await mediator.Send(command with { OfficeId = officeId }, ct);
            return Results.Created($"/api/v1/trainings/{training.Id}", training);
        }).WithTags("Trainings").WithSummary("Record a workshop, training or seminar the office held.");
        app.MapGet("/api/v1/offices/{officeId:long}/trainings", (long officeId, string? fiscalYear, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListTrainingsQuery(officeId, fiscalYear), ct)).WithTags("Trainings");
        var trainings = app.MapGroup("/api/v1/trainings").WithTags("Trainings");
        trainings.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetTrainingQuery(id), ct));
        trainings.MapPut("/{id:long}", (long id, EditTrainingCommand command, IMediator mediator, CancellationToken ct) => mediator.Send(command with { Id = id }, ct));
        trainings.MapRecordLifecycle(RecordKind.Training);
        return app;
    }
}
