using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Trainings;

public sealed record GetTrainingQuery(long Id) : IQuery<Training>
{
    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Read(RecordKind.Training, Id)];
}

public sealed class GetTrainingHandler(DbSession db, RecordLifecycle records) : IRequestHandler<GetTrainingQuery, Training>
{
    public Task<Training> Handle(GetTrainingQuery query, CancellationToken cancellationToken) => TrainingStore.GetAsync(db, records, query.Id, cancellationToken);
}
