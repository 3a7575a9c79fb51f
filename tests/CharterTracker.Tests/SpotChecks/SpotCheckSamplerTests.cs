using CharterTracker.SpotChecks;

namespace CharterTracker.Tests.SpotChecks;

/// <summary>The draw itself: reproducible from its seed, uniform over services (not offices), bounded by the population.</summary>
public sealed class SpotCheckSamplerTests
{
    /// <summary>Office 1 has one service, office 2 nine.</summary>
    private static readonly SampledService[] Population =
        [new(1, 10, 100), .. Enumerable.Range(0, 9).Select(i => new SampledService(2, 20, 200 + i))];

    [Test]
    public void The_same_seed_over_the_same_charters_gives_the_same_sample_in_whatever_order_they_are_read()
    {
        var first = SpotCheckSampler.Draw(424242, Population, 4);
        var again = SpotCheckSampler.Draw(424242, Population.Reverse(), 4);
        var other = SpotCheckSampler.Draw(424243, Population, 4);

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(first, Has.Count.EqualTo(4).And.Unique);
            Assert.That(other, Is.Not.EqualTo(first), "another seed, another sample");
        });
    }

    [Test]
    public void The_draw_is_fixed_by_its_seed_across_versions_of_the_runtime()
    {
        // The report prints the seed and the method; the numbers must not change with .NET (our own SplitMix64). Worked out
        // with a separate implementation of the method the report states (a few lines of Python), not with this code.
        var sample = SpotCheckSampler.Draw(7, Population, 3).Select(s => s.ServiceId);

        Assert.That(sample, Is.EqualTo(Expected7));
    }

    private static readonly long[] Expected7 = [206, 100, 203];

    [Test]
    public void Every_service_is_equally_likely_so_an_office_with_nine_services_is_drawn_nine_times_as_often()
    {
        const int draws = 5000;
        var counts = new Dictionary<long, int>();
        for (var seed = 1; seed <= draws; seed++)
        {
            var picked = SpotCheckSampler.Draw(seed, Population, 1).Single();
            counts[picked.ServiceId] = counts.GetValueOrDefault(picked.ServiceId) + 1;
        }
        var officeOne = counts.GetValueOrDefault(100);

        Assert.Multiple(() =>
        {
            // Expected 500 (1 in 10); ±5 standard deviations (σ ≈ 21).
            Assert.That(officeOne, Is.InRange(395, 605), "the office with one service is drawn one time in ten, not one in two");
            Assert.That(counts.Keys, Has.Count.EqualTo(10));
            Assert.That(counts.Values, Has.All.InRange(395, 605), "each of the ten services about 500 times");
        });
    }

    [Test]
    public void A_sample_larger_than_the_population_is_the_whole_population_once_each()
    {
        var sample = SpotCheckSampler.Draw(99, Population, 50);

        Assert.That(sample, Is.EquivalentTo(Population));
    }
}
