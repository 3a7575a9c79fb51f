using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.Awards;

/// <summary>
/// The reads every award use case shares: a cycle with its categories, criteria and judges, a nomination, the
/// scores, and the stage the windows put a cycle in today. (A store beside the use cases, as OfficeStore is: the same
/// rows must be read the same way by a dozen of them.)
/// </summary>
public sealed class AwardStore(DbSession db, FiscalCalendar calendar)
{
    public DateOnly Today => calendar.Today;

    public AwardStage StageOf(DateOnly nominationsCloseOn, DateOnly judgingClosesOn) =>
        Today <= nominationsCloseOn ? AwardStage.Nominating : Today <= judgingClosesOn ? AwardStage.Judging : AwardStage.Closed;

    public async Task<AwardCycle> CycleAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<CycleRow>(
            """
            SELECT c.Id, c.Name, c.FiscalYear, c.OrganiserOfficeId, o.NameBn AS OfficeNameBn, o.NameEn AS OfficeNameEn,
                   c.NominationsCloseOn, c.JudgingClosesOn, c.CreatedBy, c.CreatedAtUtc
            FROM AwardCycles c JOIN Offices o ON o.Id = c.OrganiserOfficeId
            WHERE c.Id = @id
            """, new { id }, cancellationToken)
            ?? throw new NotFoundException(Say.Text($"পুরস্কার চক্র {BengaliDigits.ToBengali(id)} নেই।", $"Award cycle {id} does not exist."));
        var categories = await db.QueryAsync<AwardCategory>(
            "SELECT Code, NameBn, NameEn, NameTh FROM AwardCategories WHERE CycleId = @id ORDER BY Position", new { id }, cancellationToken);
        var criteria = await db.QueryAsync<CriterionRow>(
            "SELECT Code, NameBn, NameEn, WeightHundredths FROM AwardCriteria WHERE CycleId = @id ORDER BY Position", new { id }, cancellationToken);
        var judges = await db.QueryAsync<AwardJudge>(
            "SELECT u.Id AS UserId, u.DisplayName, u.OfficeId FROM AwardJudges j JOIN Users u ON u.Id = j.UserId WHERE j.CycleId = @id ORDER BY j.Id",
            new { id }, cancellationToken);
        return new AwardCycle
        {
            Id = row.Id, Name = row.Name, FiscalYear = row.FiscalYear, OfficeId = row.OrganiserOfficeId, OfficeNameBn = row.OfficeNameBn, OfficeNameEn = row.OfficeNameEn,
            NominationsCloseOn = row.NominationsCloseOn, JudgingClosesOn = row.JudgingClosesOn, Stage = StageOf(row.NominationsCloseOn, row.JudgingClosesOn),
            Categories = categories,
            Criteria = criteria.Select(c => new AwardCriterion { Code = c.Code, NameBn = c.NameBn, NameEn = c.NameEn, Weight = c.WeightHundredths / 100m }).ToList(),
            Judges = judges, CreatedBy = row.CreatedBy, CreatedAtUtc = row.CreatedAtUtc,
        };
    }

    private const string NominationColumns = """
        n.Id, n.CycleId, n.OfficeId, o.NameBn AS OfficeNameBn, o.NameEn AS OfficeNameEn, n.CategoryCode, n.Title, n.Summary, n.HasEvidence,
        n.NominatedBy, n.NominatedAtUtc, CASE WHEN n.WithdrawnAtUtc IS NULL THEN 0 ELSE 1 END AS Withdrawn, n.WithdrawnAtUtc
        """;

    public async Task<AwardNomination> NominationAsync(long id, CancellationToken cancellationToken)
    {
        var nomination = await db.QuerySingleOrDefaultAsync<AwardNomination>(
            $"SELECT {NominationColumns} FROM AwardNominations n JOIN Offices o ON o.Id = n.OfficeId WHERE n.Id = @id", new { id }, cancellationToken)
            ?? throw new NotFoundException(Say.Text($"মনোনয়ন {BengaliDigits.ToBengali(id)} নেই।", $"Nomination {id} does not exist."));
        var evidence = await db.QueryAsync<long>("SELECT EvidenceId FROM AwardNominationEvidence WHERE NominationId = @id ORDER BY EvidenceId", new { id }, cancellationToken);
        return nomination with { EvidenceIds = evidence };
    }

    /// <summary>The cycle's nominations, withdrawn ones included, in category and then nomination order.</summary>
    public async Task<IReadOnlyList<AwardNomination>> NominationsAsync(long cycleId, CancellationToken cancellationToken) =>
        await db.QueryAsync<AwardNomination>(
            $"SELECT {NominationColumns} FROM AwardNominations n JOIN Offices o ON o.Id = n.OfficeId WHERE n.CycleId = @cycleId ORDER BY n.CategoryCode, n.Id",
            new { cycleId }, cancellationToken);

    /// <summary>Every score of the cycle's nominations that are not withdrawn (a judge's sheet is their rows for one nomination).</summary>
    public async Task<IReadOnlyList<ScoreRow>> ScoresAsync(long cycleId, long? judgeUserId, CancellationToken cancellationToken) =>
        await db.QueryAsync<ScoreRow>(
            """
            SELECT s.NominationId, s.JudgeUserId, u.DisplayName AS JudgeName, s.CriterionCode, s.ScoreTenths, s.ScoredAtUtc
            FROM AwardScores s
            JOIN AwardNominations n ON n.Id = s.NominationId
            JOIN Users u ON u.Id = s.JudgeUserId
            WHERE n.CycleId = @cycleId AND n.WithdrawnAtUtc IS NULL AND (@judgeUserId IS NULL OR s.JudgeUserId = @judgeUserId)
            ORDER BY s.NominationId, s.JudgeUserId, s.CriterionCode
            """, new { cycleId, judgeUserId }, cancellationToken);

    /// <summary>The materialised path of an office (<c>/1/14/203/</c>), for the line checks; null when it does not exist.</summary>
    public Task<string?> PathAsync(long officeId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<string>("SELECT Path FROM Offices WHERE Id = @officeId", new { officeId }, cancellationToken);

    public async Task<bool> IsJudgeAsync(long cycleId, long? userId, CancellationToken cancellationToken) =>
        userId is { } id && await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM AwardJudges WHERE CycleId = @cycleId AND UserId = @id", new { cycleId, id }, cancellationToken) > 0;

    private sealed class CycleRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string FiscalYear { get; init; } = "";
        public long OrganiserOfficeId { get; init; }
        public string OfficeNameBn { get; init; } = "";
        public string OfficeNameEn { get; init; } = "";
        public DateOnly NominationsCloseOn { get; init; }
        public DateOnly JudgingClosesOn { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTime CreatedAtUtc { get; init; }
    }

    private sealed class CriterionRow
    {
        public string Code { get; init; } = "";
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
        public long WeightHundredths { get; init; }
    }
}

/// <summary>A stored score, as read for the results and the sheets.</summary>
public sealed class ScoreRow
{
    public long NominationId { get; init; }
    public long JudgeUserId { get; init; }
    public string JudgeName { get; init; } = "";
    public string CriterionCode { get; init; } = "";
    public long ScoreTenths { get; init; }
    public DateTime ScoredAtUtc { get; init; }

    public decimal Score => ScoreTenths / 10m;
}
