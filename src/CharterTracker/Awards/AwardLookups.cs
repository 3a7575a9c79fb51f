using CharterTracker.Access;

namespace CharterTracker.Awards;

/// <summary>The offices award requests concern when they name a cycle or a nomination (404 when it does not exist).</summary>
public static class AwardLookups
{
    /// <summary>Read access to the cycle's organising office; the handler then asks for its committee.</summary>
    public static AccessDemand ReadOrganiser(long cycleId) =>
        AccessDemand.ReadOfficeOf(new OfficeLookup("SELECT OrganiserOfficeId FROM AwardCycles WHERE Id = @Id", cycleId, $"Award cycle {cycleId} does not exist."));

    /// <summary>Write access to the nominated office (a focal point of its subtree).</summary>
    public static AccessDemand WriteNominated(long nominationId) =>
        AccessDemand.WriteOfficeOf(new OfficeLookup("SELECT OfficeId FROM AwardNominations WHERE Id = @Id", nominationId, $"Nomination {nominationId} does not exist."));
}
