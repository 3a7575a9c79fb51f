using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// A judge's scores of one nomination, 0–10 per criterion (one decimal): the criteria given are set, the others kept.
/// Only while judging is open (after nominations close, up to and including the last day of judging); only by a judge
/// of the cycle, never on a nomination of their own office's line (403). A sheet counts in the results only once it
/// scores every criterion.
/// </summary>
public sealed record ScoreNominationCommand : ICommand<JudgeSheet>
{
    public long NominationId { get; init; }
    public IReadOnlyList<ScoreInput?>? Scores { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];

    public sealed record ScoreInput(string? CriterionCode, decimal? Score);
}

/// <summary>One judge's sheet for one nomination.</summary>
public sealed record JudgeSheet : IIdentifiedResult
{
    public long Id => NominationId;
    public long NominationId { get; init; }
    public long JudgeUserId { get; init; }
    public IReadOnlyList<AwardScore> Scores { get; init; } = [];

    /// <summary>Every criterion scored: the sheet counts in the results.</summary>
    public bool Complete { get; init; }
}

public sealed class ScoreNominationValidator : AbstractValidator<ScoreNominationCommand>
{
    public ScoreNominationValidator()
    {
        RuleFor(c => c.Scores).Must(list => list is { Count: > 0 and <= 20 })
            .WithMessage(_ => Say.Text("অন্তত একটি মানদণ্ডের নম্বর দিন।", "Give the score of at least one criterion."));
        RuleForEach(c => c.Scores).NotNull().WithMessage(_ => Say.Text("খালি সারি দেওয়া যাবে না।", "An empty entry (null) is not allowed."))
            .ChildRules(score =>
            {
                score.RuleFor(s => s!.CriterionCode).NotEmpty().WithMessage(_ => Say.Text("মানদণ্ডের কোড দিন।", "The criterion's code is required."));
                score.RuleFor(s => s!.Score).NotNull().WithMessage(_ => Say.Text("নম্বর দিন (০–১০)।", "The score (0–10) is required."))
                    .Must(s => s is null || (s >= 0 && s <= 10 && decimal.Round(s.Value, 1) == s.Value))
                    .WithMessage(_ => Say.Text("নম্বর ০ থেকে ১০, দশমিকের পর সর্বোচ্চ এক অঙ্ক।", "A score is 0 to 10, with at most one decimal."));
            });
        RuleFor(c => c.Scores).Must(list => list is null || list.Where(s => s?.CriterionCode is not null)
                .GroupBy(s => s!.CriterionCode!, StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
            .WithMessage(_ => Say.Text("একটি মানদণ্ডের নম্বর দুবার দেওয়া হয়েছে।", "A criterion is scored twice."));
    }
}

public sealed class ScoreNominationHandler(DbSession db, AwardStore store, AwardAccess awards, CurrentUser user, TimeProvider clock)
    : IRequestHandler<ScoreNominationCommand, JudgeSheet>
{
    public async Task<JudgeSheet> Handle(ScoreNominationCommand command, CancellationToken cancellationToken)
    {
        var nomination = await store.NominationAsync(command.NominationId, cancellationToken);
        var cycle = await store.CycleAsync(nomination.CycleId, cancellationToken);
        if (!await awards.IsJudgeAsync(cycle, cancellationToken))
        {
            throw new ForbiddenException(Say.Text("আপনি এই মনোনয়নের পুরস্কার চক্রের বিচারক নন।", $"You are not a judge of the award cycle of nomination {nomination.Id}."));
        }
        await awards.EnsureNoConflictAsync(nomination, cancellationToken);
        if (nomination.Withdrawn)
        {
            throw new ConflictException(Say.Text("মনোনয়নটি প্রত্যাহার করা হয়েছে।", $"Nomination {nomination.Id} was withdrawn."));
        }
        if (cycle.Stage != AwardStage.Judging)
        {
            throw new ConflictException(Say.Text(
                $"নম্বর দেওয়া যায় {BengaliDigits.Date(cycle.NominationsCloseOn.AddDays(1))} থেকে {BengaliDigits.Date(cycle.JudgingClosesOn)} পর্যন্ত।",
                $"Scores are taken from {cycle.NominationsCloseOn.AddDays(1):yyyy-MM-dd} to {cycle.JudgingClosesOn:yyyy-MM-dd}."));
        }
        var errors = new Dictionary<string, string[]>();
        var scores = command.Scores!;
        for (var i = 0; i < scores.Count; i++)
        {
            if (cycle.Criteria.All(c => !string.Equals(c.Code, scores[i]!.CriterionCode, StringComparison.OrdinalIgnoreCase)))
            {
                errors[$"scores[{i}].criterionCode"] = [Say.Text(
                    $"এই চক্রে এই মানদণ্ড নেই; আছে: {string.Join(", ", cycle.Criteria.Select(c => c.Code))}।",
                    $"The cycle has no criterion '{scores[i]!.CriterionCode}'; its criteria are {string.Join(", ", cycle.Criteria.Select(c => c.Code))}.")];
            }
        }
        if (errors.Count > 0) throw new RequestValidationException(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var score in scores)
        {
            var code = cycle.Criteria.First(c => string.Equals(c.Code, score!.CriterionCode, StringComparison.OrdinalIgnoreCase)).Code;
            var parameters = new { nomination.Id, user.UserId, code, tenths = (long)(score!.Score!.Value * 10), now };
            var changed = await db.ExecuteAsync(
                "UPDATE AwardScores SET ScoreTenths = @tenths, ScoredAtUtc = @now WHERE NominationId = @Id AND JudgeUserId = @UserId AND CriterionCode = @code",
                parameters, cancellationToken);
            if (changed == 0)
            {
                await db.ExecuteAsync(
                    "INSERT INTO AwardScores (NominationId, JudgeUserId, CriterionCode, ScoreTenths, ScoredAtUtc) VALUES (@Id, @UserId, @code, @tenths, @now)",
                    parameters, cancellationToken);
            }
        }
        return await SheetAsync(db, cycle, nomination.Id, user.UserId!.Value, cancellationToken);
    }

    internal static async Task<JudgeSheet> SheetAsync(DbSession db, AwardCycle cycle, long nominationId, long judgeUserId, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<ScoreRow>(
            "SELECT NominationId, JudgeUserId, CriterionCode, ScoreTenths, ScoredAtUtc FROM AwardScores WHERE NominationId = @nominationId AND JudgeUserId = @judgeUserId",
            new { nominationId, judgeUserId }, cancellationToken);
        var scores = cycle.Criteria.Select(c => rows.FirstOrDefault(r => r.CriterionCode == c.Code) is { } row ? new AwardScore { CriterionCode = c.Code, Score = row.Score } : null)
            .Where(s => s is not null).Select(s => s!).ToList();
        return new JudgeSheet { NominationId = nominationId, JudgeUserId = judgeUserId, Scores = scores, Complete = scores.Count == cycle.Criteria.Count };
    }
}
