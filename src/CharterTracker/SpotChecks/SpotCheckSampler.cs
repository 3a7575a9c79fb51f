namespace CharterTracker.SpotChecks;

/// <summary>A service a draw may pick: one row of the latest published charter of an office of the subtree.</summary>
public sealed record SampledService(long OfficeId, long CharterVersionId, long ServiceId);

/// <summary>
/// The draw, as pure functions so that anyone can repeat it: the services are put in a fixed order (office id, then
/// the service's stable id), then a partial Fisher–Yates shuffle driven by SplitMix64 from the seed picks the sample.
/// Every service is equally likely, whatever office it belongs to (an office with ten services is ten times as likely
/// to be visited as one with one); the same seed over the same charters gives the same sample, in the same order.
/// Our own generator rather than <see cref="Random"/>: the report states the method, and .NET does not promise that a
/// seeded <see cref="Random"/> gives the same numbers in every version.
/// </summary>
public static class SpotCheckSampler
{
    public const string Method = "SplitMix64 + partial Fisher–Yates over services ordered by (office id, service id)";

    public static IReadOnlyList<SampledService> Draw(long seed, IEnumerable<SampledService> population, int sampleSize)
    {
        var ordered = population.OrderBy(s => s.OfficeId).ThenBy(s => s.ServiceId).ToArray();
        var take = Math.Clamp(sampleSize, 0, ordered.Length);
        var state = unchecked((ulong)seed);
        for (var i = 0; i < take; i++)
        {
            var j = i + (int)Below(ref state, (ulong)(ordered.Length - i));
            (ordered[i], ordered[j]) = (ordered[j], ordered[i]);
        }
        return ordered[..take];
    }

    /// <summary>A uniform number in [0, bound): rejection of the last partial block, so no number is favoured.</summary>
    private static ulong Below(ref ulong state, ulong bound)
    {
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        while (true)
        {
            var value = Next(ref state);
            if (value < limit) return value % bound;
        }
    }

    private static ulong Next(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
