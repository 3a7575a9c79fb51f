using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Kaizen;

/// <summary>
/// A Kaizen convention (the seed's district convention where 24 departments presented): the cases of a district's or
/// an agency's subtree for a fiscal year, grouped by office in the order of the tree, with how far each got. Withdrawn
/// cases are left out. At most <see cref="GetKaizenConventionHandler.MaxCases"/> cases: a convention is a district's
/// or an agency's, not a nation's.
/// </summary>
public sealed record GetKaizenConventionQuery(long OfficeId, string? FiscalYear) : IQuery<KaizenConvention>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed record KaizenConvention
{
    public long OfficeId { get; init; }
    public string OfficeNameBn { get; init; } = "";
    public string OfficeNameEn { get; init; } = "";
    public string FiscalYear { get; init; } = "";
    public IReadOnlyList<KaizenConventionOffice> Offices { get; init; } = [];

    public int Cases => Offices.Sum(o => o.Cases.Count);

    /// <summary>How many cases stand at each status.</summary>
    public IReadOnlyDictionary<KaizenStatus, int> ByStatus =>
        Enum.GetValues<KaizenStatus>().ToDictionary(s => s, s => Offices.Sum(o => o.Cases.Count(c => c.Status == s)));

    /// <summary>Offices with at least one implemented case: "one year, one project" met.</summary>
    public int OfficesWithImplemented => Offices.Count(o => o.Cases.Any(c => c.Status == KaizenStatus.Implemented));
}

public sealed record KaizenConventionOffice(long OfficeId, string Code, string NameBn, string NameEn, IReadOnlyList<KaizenCase> Cases);

public sealed class GetKaizenConventionValidator : AbstractValidator<GetKaizenConventionQuery>
{
    public GetKaizenConventionValidator(FiscalCalendar calendar) => RuleFor(q => q.FiscalYear).FiscalYearName(calendar);
}

public sealed class GetKaizenConventionHandler(DbSession db) : IRequestHandler<GetKaizenConventionQuery, KaizenConvention>
{
    public const int MaxCases = 500;

    private sealed class OfficeRow
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string Path { get; init; } = "";
    }

    public async Task<KaizenConvention> Handle(GetKaizenConventionQuery query, CancellationToken cancellationToken)
    {
        var office = await db.QuerySingleOrDefaultAsync<OfficeRow>("SELECT Id, Code, NameBn, NameEn, Path FROM Offices WHERE Id = @OfficeId", query, cancellationToken)
            ?? throw new NotFoundException($"Office {query.OfficeId} does not exist.");
        const string Where = " WHERE OfficeId IN (SELECT Id FROM Offices WHERE Path LIKE @Prefix) AND FiscalYear = @FiscalYear AND WithdrawnAtUtc IS NULL";
        var parameters = new { Prefix = office.Path + "%", query.FiscalYear };
        var count = await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM KaizenCases" + Where, parameters, cancellationToken);
        if (count > MaxCases)
        {
            throw new ConflictException(Say.Text(
                $"এই দপ্তরের অধীনে {BengaliDigits.ToBengali(count)}টি কাইজেন: একটি সম্মেলনে সর্বোচ্চ {BengaliDigits.ToBengali(MaxCases)}টি। একটি জেলা বা সংস্থা বেছে নিন।",
                $"The office's subtree holds {count} cases; a convention shows at most {MaxCases}. Choose a district or an agency."));
        }
        var cases = await KaizenStore.WithPartsAsync(db, await db.QueryAsync<KaizenCase>(KaizenStore.Table.Select + Where + " ORDER BY Id", parameters, cancellationToken), cancellationToken);
        var ids = cases.Select(c => c.OfficeId).Distinct().ToList();
        var offices = ids.Count == 0 ? [] : await db.QueryAsync<OfficeRow>("SELECT Id, Code, NameBn, NameEn, Path FROM Offices WHERE Id IN @ids", new { ids }, cancellationToken);
        var byOffice = cases.ToLookup(c => c.OfficeId);
        return new KaizenConvention
        {
            OfficeId = office.Id,
            OfficeNameBn = office.NameBn,
            OfficeNameEn = office.NameEn,
            FiscalYear = query.FiscalYear!,
            // In the order of the tree (a parent before its offices), implemented cases first within an office.
            Offices = offices.OrderBy(o => o.Path, StringComparer.Ordinal)
                .Select(o => new KaizenConventionOffice(o.Id, o.Code, o.NameBn, o.NameEn,
                    byOffice[o.Id].OrderBy(c => c.Status == KaizenStatus.Implemented ? 0 : 1).ThenBy(c => c.Id).ToList()))
                .ToList(),
        };
    }
}
