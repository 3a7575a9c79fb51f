using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.Awards;

/// <summary>
/// Who may do what with an award cycle, beyond the office rules the access policy knows (a judge is a user assigned to
/// a cycle, wherever their office sits):
/// <list type="bullet">
/// <item>The <b>organiser</b> is the monitoring committee of the organising office (a committee whose subtree holds it)
/// or a system administrator: they create the cycle, move its windows, assign judges and follow the judging's
/// progress. Awards judge offices against each other, so they belong with whoever already judges the subtree's
/// scores (overrides), not with the focal points who record for it.</item>
/// <item>A cycle is <b>seen</b> by its judges, by readers of the organising office and by users whose office lies in
/// the organiser's subtree (the offices that may nominate).</item>
/// <item>A nomination is seen by readers of the nominated office, readers of the organising office and the judges.</item>
/// <item>A judge does not score a nomination from their own office's line: their own office, an office above it or an
/// office under it (both directions are a conflict of interest: a superior judging a subordinate's service, or a
/// subordinate judging the office that rates them).</item>
/// </list>
/// </summary>
public sealed class AwardAccess(AccessPolicy access, CurrentUser user, AwardStore store, DbSession db)
{
    public bool IsAdmin => access.SeesEverything;

    /// <summary>403 unless the caller organises the cycle: the organising office's monitoring committee or an administrator.</summary>
    public Task EnsureOrganiserAsync(AwardCycle cycle, CancellationToken cancellationToken) =>
        access.DemandAsync(AccessDemand.Oversee(cycle.OfficeId), cancellationToken);

    public async Task<bool> IsOrganiserAsync(AwardCycle cycle, CancellationToken cancellationToken) =>
        await Passes(AccessDemand.Oversee(cycle.OfficeId), cancellationToken);

    public Task<bool> IsJudgeAsync(AwardCycle cycle, CancellationToken cancellationToken) =>
        store.IsJudgeAsync(cycle.Id, user.UserId, cancellationToken);

    /// <summary>True when the caller reads the organising office's whole subtree (administrators, its committee, its viewers…).</summary>
    public Task<bool> ReadsOrganiserAsync(AwardCycle cycle, CancellationToken cancellationToken) =>
        Passes(AccessDemand.Read(cycle.OfficeId), cancellationToken);

    public async Task EnsureCanSeeAsync(AwardCycle cycle, CancellationToken cancellationToken)
    {
        if (await CanSeeAsync(cycle.Id, cycle.OfficeId, cancellationToken)) return;
        throw new ForbiddenException(Say.Text("এই পুরস্কার চক্রটি আপনার দপ্তরের আওতার বাইরের একটি দপ্তর পরিচালনা করে।",
            $"Award cycle {cycle.Id} is run by an office outside your office's line."));
    }

    /// <summary>Judges, readers of the organiser, and users whose offices lie in the organiser's subtree.</summary>
    public async Task<bool> CanSeeAsync(long cycleId, long organiserOfficeId, CancellationToken cancellationToken)
    {
        if (IsAdmin || await store.IsJudgeAsync(cycleId, user.UserId, cancellationToken)) return true;
        if (await Passes(AccessDemand.Read(organiserOfficeId), cancellationToken)) return true;
        var organiser = await store.PathAsync(organiserOfficeId, cancellationToken);
        return organiser is not null && (await ScopePathsAsync(cancellationToken)).Any(path => path.StartsWith(organiser, StringComparison.Ordinal));
    }

    public async Task EnsureCanSeeAsync(AwardNomination nomination, AwardCycle cycle, CancellationToken cancellationToken)
    {
        if (await CanSeeAsync(nomination, cycle, cancellationToken)) return;
        throw new ForbiddenException(Say.Text("এই মনোনয়নটি আপনার দপ্তরের আওতার বাইরের।", $"Nomination {nomination.Id} is outside your office's subtree."));
    }

    public async Task<bool> CanSeeAsync(AwardNomination nomination, AwardCycle cycle, CancellationToken cancellationToken) =>
        IsAdmin
        || await Passes(AccessDemand.Read(nomination.OfficeId), cancellationToken)
        || await Passes(AccessDemand.Read(cycle.OfficeId), cancellationToken)
        || await IsJudgeAsync(cycle, cancellationToken);

    /// <summary>Whether the caller reads the office (without failing): nominators see their own subtree's nominations.</summary>
    public Task<bool> ReadsAsync(long officeId, CancellationToken cancellationToken) => Passes(AccessDemand.Read(officeId), cancellationToken);

    /// <summary>
    /// 403 when the caller's own office is the nominated office, lies above it or under it. The text is the same for
    /// all three, and names nothing the 404 for an unknown nomination does not already tell.
    /// </summary>
    public async Task EnsureNoConflictAsync(AwardNomination nomination, CancellationToken cancellationToken)
    {
        if (await ConflictsAsync(nomination.OfficeId, cancellationToken))
        {
            throw new ForbiddenException(Say.Text(
                $"মনোনয়ন {BengaliDigits.ToBengali(nomination.Id)}-এ আপনি নম্বর দিতে পারেন না: বিচারক নিজের দপ্তর, এর ঊর্ধ্বতন বা অধীন কোনো দপ্তরের মনোনয়নে নম্বর দেন না।",
                $"You may not score nomination {nomination.Id}: a judge does not score a nomination of their own office, of an office above it or of an office under it."));
        }
    }

    /// <summary>True when the nominated office and the caller's own office are one line of the tree (same, above or under).</summary>
    public async Task<bool> ConflictsAsync(long nominatedOfficeId, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } own) return false;
        var judge = await store.PathAsync(own, cancellationToken);
        var nominated = await store.PathAsync(nominatedOfficeId, cancellationToken);
        return SameLine(judge, nominated);
    }

    /// <summary>Two offices, by their paths, are one line of the tree: the same office, or one above the other.</summary>
    public static bool SameLine(string? one, string? other) =>
        one is not null && other is not null && (one.StartsWith(other, StringComparison.Ordinal) || other.StartsWith(one, StringComparison.Ordinal));

    private IReadOnlyList<string>? _scopePaths;

    /// <summary>The paths of the offices whose subtrees the caller reads (their own office, a focal point's assignments).</summary>
    public async Task<IReadOnlyList<string>> ScopePathsAsync(CancellationToken cancellationToken)
    {
        if (_scopePaths is not null) return _scopePaths;
        var ids = (await access.ScopeOfficesAsync(cancellationToken)).ToList();
        return _scopePaths = ids.Count == 0 ? [] : await db.QueryAsync<string>("SELECT Path FROM Offices WHERE Id IN @ids", new { ids }, cancellationToken);
    }

    private async Task<bool> Passes(AccessDemand demand, CancellationToken cancellationToken)
    {
        try
        {
            await access.DemandAsync(demand, cancellationToken);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }
}
