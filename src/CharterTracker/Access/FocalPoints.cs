namespace CharterTracker.Access;

/// <summary>Who an office's focal points are today: the one definition reminders, escalations and the dashboard share.</summary>
internal static class FocalPoints
{
    /// <summary>
    /// A common table expression <c>focal_points (UserId, OfficeId)</c>: active FocalPoint users of the office, and
    /// those assigned to it on @Today.
    /// </summary>
    public const string OnTodayCte = """
        focal_points (UserId, OfficeId) AS (
            SELECT u.Id, u.OfficeId FROM Users u
            WHERE u.Role = 'FocalPoint' AND u.Active = 1 AND u.OfficeId IS NOT NULL
            UNION
            SELECT a.UserId, a.OfficeId FROM FocalPointAssignments a JOIN Users u ON u.Id = a.UserId
            WHERE u.Role = 'FocalPoint' AND u.Active = 1 AND a.ValidFrom <= @Today AND (a.ValidUntil IS NULL OR a.ValidUntil > @Today)
        )
        """;
}
