using CharterTracker.Pipeline;

namespace CharterTracker.Offices;

public enum OfficeKind
{
    Ministry,
    Division,
    Department,
    Agency,
    DivisionalOffice,
    DistrictOffice,
    UpazilaOffice,
    Branch,
}

/// <summary>An office as the API shows it. <see cref="Active"/> is as of today in the deployment's time zone.</summary>
public sealed record Office(
    long Id,
    string Code,
    string NameBn,
    string NameEn,
    OfficeKind Kind,
    long? ParentId,
    DateOnly ActiveFrom,
    DateOnly? ActiveUntil,
    bool Active,
    int Depth) : IIdentifiedResult;

/// <summary>A row of <c>Offices</c>, as Dapper reads it.</summary>
internal class OfficeRow
{
    public const string Columns = "Id, Code, NameBn, NameEn, Kind, ParentId, Path, Depth, ActiveFrom, ActiveUntil";

    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string NameBn { get; init; } = "";
    public string NameEn { get; init; } = "";
    public OfficeKind Kind { get; init; }
    public long? ParentId { get; init; }
    public string Path { get; init; } = "";
    public int Depth { get; init; }
    public DateOnly ActiveFrom { get; init; }
    public DateOnly? ActiveUntil { get; init; }

    /// <summary>An office exists from ActiveFrom until (not including) ActiveUntil.</summary>
    public bool ExistsOn(DateOnly date) => ActiveFrom <= date && (ActiveUntil is null || date < ActiveUntil);

    public Office ToOffice(DateOnly today) =>
        new(Id, Code, NameBn, NameEn, Kind, ParentId, ActiveFrom, ActiveUntil, ExistsOn(today), Depth);
}
