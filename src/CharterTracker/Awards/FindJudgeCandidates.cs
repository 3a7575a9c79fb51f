using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// Active users whose username or display name contains <see cref="Search"/>, for the organiser to pick a judge from
/// (the user list itself is the administrators'): at most 20, with their office, so that a committee can tell two
/// people of the same name apart and see a conflict coming. Only the cycle's organiser asks.
/// </summary>
public sealed record FindJudgeCandidatesQuery(long CycleId, string? Search) : IQuery<IReadOnlyList<JudgeCandidate>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AwardLookups.ReadOrganiser(CycleId)];
}

public sealed record JudgeCandidate
{
    public long UserId { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public long? OfficeId { get; init; }
    public string? OfficeNameBn { get; init; }
    public string? OfficeNameEn { get; init; }

    /// <summary>Already a judge of the cycle.</summary>
    public bool Judging { get; init; }
}

public sealed class FindJudgeCandidatesValidator : AbstractValidator<FindJudgeCandidatesQuery>
{
    public FindJudgeCandidatesValidator() =>
        RuleFor(q => q.Search).NotEmpty().MaximumLength(100)
            .WithMessage(_ => Say.Text("নাম বা ব্যবহারকারী নামের অংশ লিখুন (সর্বোচ্চ ১০০ অক্ষর)।", "Type part of a name or username (at most 100 characters)."));
}

public sealed class FindJudgeCandidatesHandler(DbSession db, AwardStore store, AwardAccess awards) : IRequestHandler<FindJudgeCandidatesQuery, IReadOnlyList<JudgeCandidate>>
{
    private static readonly SqlText Sql = SqlText.Build(dialect => $"""
        SELECT u.Id AS UserId, u.Username, u.DisplayName, u.OfficeId, o.NameBn AS OfficeNameBn, o.NameEn AS OfficeNameEn,
               CASE WHEN EXISTS (SELECT 1 FROM AwardJudges j WHERE j.CycleId = @CycleId AND j.UserId = u.Id) THEN 1 ELSE 0 END AS Judging
        FROM Users u LEFT JOIN Offices o ON o.Id = u.OfficeId
        WHERE u.Active = 1 AND (u.Username LIKE @Search OR u.DisplayName LIKE @Search)
        ORDER BY u.DisplayName, u.Id {DialectSql.First(dialect)}
        """);

    public async Task<IReadOnlyList<JudgeCandidate>> Handle(FindJudgeCandidatesQuery query, CancellationToken cancellationToken)
    {
        var cycle = await store.CycleAsync(query.CycleId, cancellationToken);
        await awards.EnsureOrganiserAsync(cycle, cancellationToken);
        return await db.QueryAsync<JudgeCandidate>(Sql, new { query.CycleId, Search = "%" + query.Search!.Trim() + "%", Take = 20 }, cancellationToken);
    }
}
