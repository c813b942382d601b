using Lnemis.Platform.Data;

namespace Lnemis.Platform.Tests;

public sealed class SeedApportionTests
{
    [Fact]
    public void Shares_add_up_exactly_at_national_scale_without_overflow()
    {
        // 20,000 schools of 30–1,200 learners sharing 5,000,000: weight × total is far beyond an int.
        var random = new Random(7);
        var weights = Enumerable.Range(0, 20_000).Select(_ => random.Next(30, 1_200)).ToArray();
        weights[3] = 0; // a closed school

        var parts = SeedContext.Apportion(weights, 5_000_000);

        Assert.Equal(5_000_000L, parts.Sum(p => (long)p));
        Assert.Equal(0, parts[3]);
        var expected = 5_000_000.0 / weights.Sum(w => (long)w);
        Assert.All(Enumerable.Range(0, weights.Length), i => Assert.InRange(parts[i], Math.Floor(weights[i] * expected), Math.Ceiling(weights[i] * expected)));
    }

    [Fact]
    public void Nothing_to_share_gives_zeros()
    {
        Assert.Equal([0, 0], SeedContext.Apportion([0, 0], 10));
        Assert.Equal([3, 7], SeedContext.Apportion([3, 7], 10));
    }
}
