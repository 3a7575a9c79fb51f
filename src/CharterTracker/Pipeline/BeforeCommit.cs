namespace CharterTracker.Pipeline;

/// <summary>
/// Work that must land in a command's transaction after its handler ran: a read model catching up with what the
/// command changed (Scoring's <c>ScoreRefresher</c>). The pipeline runs every registered hook before it commits,
/// knowing none of them, so a failure in one rolls the command back with it.
/// </summary>
public interface IBeforeCommit
{
    Task BeforeCommitAsync(CancellationToken cancellationToken);
}

/// <summary>
/// What a command changed that the read models follow: an office's records of a fiscal year, or a whole year (its
/// plan). A request's handlers mark it; the before-commit hooks read it. Scoped: one per request.
/// </summary>
public sealed class ChangedPeriods
{
    private readonly HashSet<(long OfficeId, string FiscalYear)> _offices = [];
    private readonly HashSet<string> _years = [];

    /// <summary>The office's records (or place in the tree) changed in the year.</summary>
    public void Office(long officeId, string fiscalYear) => _offices.Add((officeId, fiscalYear));

    private readonly Dictionary<(long OfficeId, string FiscalYear), string> _parentInputs = [];

    /// <summary>Whether what the office's parents read of its records in the year is still to be noted (see <see cref="ParentInputBefore"/>).</summary>
    public bool WantsParentInput(long officeId, string fiscalYear) => !_parentInputs.ContainsKey((officeId, fiscalYear));

    /// <summary>
    /// What the office's parents read of its records in the year (their indicator 1.2.1), as it stood before the command
    /// changed anything: when it reads the same after, the parents need no refresh. The first note of a command counts.
    /// </summary>
    public void ParentInputBefore(long officeId, string fiscalYear, string input) => _parentInputs.TryAdd((officeId, fiscalYear), input);

    /// <summary>The notes of <see cref="ParentInputBefore"/> since the last call, and forgets them.</summary>
    public IReadOnlyDictionary<(long OfficeId, string FiscalYear), string> TakeParentInputs()
    {
        var taken = new Dictionary<(long OfficeId, string FiscalYear), string>(_parentInputs);
        _parentInputs.Clear();
        return taken;
    }

    /// <summary>Every office of the year is concerned (its plan changed).</summary>
    public void Year(string fiscalYear) => _years.Add(fiscalYear);

    /// <summary>Everything marked since the last call, and forgets it.</summary>
    public (IReadOnlyList<string> Years, IReadOnlyList<(long OfficeId, string FiscalYear)> Offices) Take()
    {
        var taken = (_years.ToList(), _offices.ToList());
        _years.Clear();
        _offices.Clear();
        return taken;
    }
}
