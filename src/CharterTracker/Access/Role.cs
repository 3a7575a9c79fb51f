namespace CharterTracker.Access;

public enum Role
{
    /// <summary>Runs the deployment: every office, users, plans. May back-date and record into locked periods.</summary>
    SystemAdmin,

    /// <summary>The ministry's monitoring committee: reads its office's whole subtree, overrides scores.</summary>
    MonitoringCommittee,

    /// <summary>An office's focal point officer: records for the offices of its subtree.</summary>
    FocalPoint,

    /// <summary>Reads its office's subtree.</summary>
    Viewer,
}
