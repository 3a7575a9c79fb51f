using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>The name of the ministry or division an office belongs to, in the asked language's name.</summary>
public sealed record GetMinistryOfQuery(long OfficeId, string Language = "bn") : IQuery<string>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetMinistryOfHandler(DbSession db) : IRequestHandler<GetMinistryOfQuery, string>
{
    private sealed class Line
    {
        public long? ParentId { get; init; }
        public string Kind { get; init; } = "";
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
    }

    public async Task<string> Handle(GetMinistryOfQuery query, CancellationToken cancellationToken)
    {
        Line? last = null;
        for (long? id = query.OfficeId; id is not null;)
        {
            var line = await db.QuerySingleOrDefaultAsync<Line>("SELECT ParentId, Kind, NameBn, NameEn FROM Offices WHERE Id = @id", new { id }, cancellationToken);
            if (line is null) break;
            last = line;
            if (line.Kind is "Ministry" or "Division") break;
            id = line.ParentId;
        }
        return last is null ? "" : query.Language == "en" ? last.NameEn : last.NameBn;
    }
}
