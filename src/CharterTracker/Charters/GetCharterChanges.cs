using CharterTracker.Access;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Charters;

/// <summary>
/// What changed between two published versions of the office's charter. Defaults: <see cref="To"/> the latest,
/// <see cref="From"/> the version before it (a first version compares with nothing: every service is added).
/// </summary>
public sealed record GetCharterChangesQuery(long OfficeId, int? From = null, int? To = null) : IQuery<CharterChanges>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetCharterChangesValidator : AbstractValidator<GetCharterChangesQuery>
{
    public GetCharterChangesValidator()
    {
        RuleFor(q => q.From).GreaterThanOrEqualTo(1).WithMessage(_ => Say.Text("সংস্করণ ১ বা তার বেশি।", "A version is 1 or more."));
        RuleFor(q => q.To).GreaterThanOrEqualTo(1).WithMessage(_ => Say.Text("সংস্করণ ১ বা তার বেশি।", "A version is 1 or more."));
    }
}

public sealed class GetCharterChangesHandler(CharterStore charters) : IRequestHandler<GetCharterChangesQuery, CharterChanges>
{
    public Task<CharterChanges> Handle(GetCharterChangesQuery query, CancellationToken cancellationToken) =>
        charters.ChangesAsync(query.OfficeId, query.From, query.To, cancellationToken);
}
