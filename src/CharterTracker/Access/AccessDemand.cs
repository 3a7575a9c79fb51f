namespace CharterTracker.Access;

public enum AccessKind
{
    /// <summary>Anyone, signed in or not (issuing a token).</summary>
    Anonymous,

    /// <summary>Any signed-in user, whatever the office.</summary>
    SignedIn,

    /// <summary>Read the office's data: any role whose subtree holds the office.</summary>
    ReadOffice,

    /// <summary>Change the office's records or structure: a focal point whose subtree holds the office.</summary>
    WriteOffice,

    /// <summary>Only a system administrator.</summary>
    SystemAdmin,

    /// <summary>Read what belongs to an office the request does not name (a record): read access to the office its lookup finds.</summary>
    ReadOfficeOf,

    /// <summary>Change what belongs to an office the request does not name (a record, a follow-up, a subordinate's lock): write access to the office its lookup finds.</summary>
    WriteOfficeOf,

    /// <summary>Judge the office's scores or read its audit trail: its monitoring committee (a committee whose subtree holds it).</summary>
    OverseeOffice,

    /// <summary>Oversee what belongs to an office the request does not name (a spot check): the monitoring committee of the office its lookup finds.</summary>
    OverseeOfficeOf,
}

/// <summary>What a request needs of its caller. A request lists one or more; all must hold.</summary>
public sealed record AccessDemand(AccessKind Kind, long? OfficeId = null, OfficeLookup? Lookup = null)
{
    public static readonly AccessDemand Anonymous = new(AccessKind.Anonymous);
    public static readonly AccessDemand SignedIn = new(AccessKind.SignedIn);
    public static readonly AccessDemand SystemAdminOnly = new(AccessKind.SystemAdmin);

    public static AccessDemand Read(long officeId) => new(AccessKind.ReadOffice, officeId);

    public static AccessDemand Write(long officeId) => new(AccessKind.WriteOffice, officeId);

    public static AccessDemand Oversee(long officeId) => new(AccessKind.OverseeOffice, officeId);

    public static AccessDemand ReadOfficeOf(OfficeLookup lookup) => new(AccessKind.ReadOfficeOf, Lookup: lookup);

    public static AccessDemand WriteOfficeOf(OfficeLookup lookup) => new(AccessKind.WriteOfficeOf, Lookup: lookup);

    public static AccessDemand OverseeOfficeOf(OfficeLookup lookup) => new(AccessKind.OverseeOfficeOf, Lookup: lookup);
}

/// <summary>
/// How to find the office a request concerns when it names something else (a record, a follow-up, the office whose
/// parent acts): <paramref name="Sql"/> selects that office's id for <c>@Id</c>. The feature that owns the table
/// writes the SQL (a constant, never built from input), so the access rules need not know the feature. No row: 404
/// saying <paramref name="Missing"/>.
/// </summary>
public sealed record OfficeLookup(string Sql, long Id, string Missing);
