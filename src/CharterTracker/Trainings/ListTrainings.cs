using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Trainings;

public sealed record ListTrainingsQuery(long OfficeId, string? FiscalYear = null) : IQuery<IReadOnlyList<Training>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListTrainingsHandler(DbSession db) : IRequestHandler<ListTrainingsQuery, IReadOnlyList<Training>>
{
    public Task<IReadOnlyList<Training>> Handle(ListTrainingsQuery query, CancellationToken cancellationToken) =>
        db.QueryAsync<Training>(
            TrainingStore.Table.Select + " WHERE OfficeId = @OfficeId AND (@FiscalYear IS NULL OR FiscalYear = @FiscalYear) ORDER BY HeldOn DESC, Id DESC",
            query, cancellationToken);
}
