using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>The office with this code (codes are what people type); 404 when none has it.</summary>
public sealed record GetOfficeByCodeQuery(string? Code) : IQuery<Office>
{
    /// <summary>Read access to the office found, checked in the handler once the code names one.</summary>
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class GetOfficeByCodeHandler(OfficeStore offices, AccessPolicy access, FiscalCalendar calendar) : IRequestHandler<GetOfficeByCodeQuery, Office>
{
    public async Task<Office> Handle(GetOfficeByCodeQuery query, CancellationToken cancellationToken)
    {
        var code = query.Code?.Trim() ?? "";
        var row = code.Length == 0 ? null : await offices.FindByCodeAsync(code, cancellationToken);
        if (row is null) throw new NotFoundException(Say.Text($"'{code}' কোডের কোনো দপ্তর নেই।", $"No office has code '{code}'."));
        await access.DemandAsync(AccessDemand.Read(row.Id), cancellationToken);
        return row.ToOffice(calendar.Today);
    }
}
