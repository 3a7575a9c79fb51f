using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Offices;

public sealed record GetOfficeQuery(long OfficeId) : IQuery<Office>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetOfficeHandler(OfficeStore offices, FiscalCalendar calendar) : IRequestHandler<GetOfficeQuery, Office>
{
    public async Task<Office> Handle(GetOfficeQuery query, CancellationToken cancellationToken) =>
        (await offices.GetAsync(query.OfficeId, cancellationToken)).ToOffice(calendar.Today);
}
