using CharterTracker.Activities;

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

    /// <summary>Read a record: read access to the office it belongs to.</summary>
    ReadRecord,

    /// <summary>Change a record: write access to the office it belongs to.</summary>
    WriteRecord,

    /// <summary>Judge the office's scores or read its audit trail: its monitoring committee (a committee whose subtree holds it).</summary>
    OverseeOffice,

    /// <summary>Act for the office's parent (reopen its locked period): write access to the office above it; the root acts for itself.</summary>
    WriteParentOffice,
}

/// <summary>What a request needs of its caller. A request lists one or more; all must hold.</summary>
public sealed record AccessDemand(AccessKind Kind, long? OfficeId = null, RecordKind? Record = null, long? RecordId = null)
{
    public static readonly AccessDemand Anonymous = new(AccessKind.Anonymous);
    public static readonly AccessDemand SignedIn = new(AccessKind.SignedIn);
    public static readonly AccessDemand SystemAdminOnly = new(AccessKind.SystemAdmin);

    public static AccessDemand Read(long officeId) => new(AccessKind.ReadOffice, officeId);

    public static AccessDemand Write(long officeId) => new(AccessKind.WriteOffice, officeId);

    public static AccessDemand Oversee(long officeId) => new(AccessKind.OverseeOffice, officeId);

    public static AccessDemand WriteParentOf(long officeId) => new(AccessKind.WriteParentOffice, officeId);

    public static AccessDemand ReadRecord(RecordKind kind, long id) => new(AccessKind.ReadRecord, Record: kind, RecordId: id);

    public static AccessDemand WriteRecord(RecordKind kind, long id) => new(AccessKind.WriteRecord, Record: kind, RecordId: id);
}
