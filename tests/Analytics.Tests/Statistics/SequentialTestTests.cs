using Orleans.Personalization.Analytics.Statistics;

namespace Orleans.Personalization.Analytics.Tests.Statistics;

public sealed class SequentialTestTests
{
    [Fact]
    public void AlwaysValidPValueMatchesTheMixtureLikelihoodRatioByHand()
    {
        // 100/1000 against 130/1000 with τ = 0.02. V = 0.1·0.9/1000 + 0.13·0.87/1000 = 0.0002031;
        // θ̂ = 0.03, τ² = 0.0004, V + τ² = 0.0006031.
        // ln Λ = ½ ln(0.0002031/0.0006031) + 0.0004 · 0.0009 / (2 · 0.0002031 · 0.0006031) = −0.544206 + 1.469506
        //      = 0.925300, so p = e^−0.925300 = 0.396421.
        var result = MixtureSequentialTest.Evaluate(100, 1000, 130, 1000, alpha: 0.05, mixtureStandardDeviation: 0.02);

        var v = 0.0002031;
        var logLambda = (0.5 * Math.Log(v / (v + 0.0004))) + (0.0004 * 0.0009 / (2 * v * (v + 0.0004)));
        Assert.Equal(Math.Exp(-logLambda), result.PValue, 1e-12);
        Assert.Equal(0.3964, result.PValue, 1e-4);
        Assert.False(result.Significant);
    }

    [Fact]
    public void AlwaysValidIntervalIsWiderThanTheFixedHorizonInterval()
    {
        var sequential = MixtureSequentialTest.Evaluate(500, 5000, 580, 5000);
        var fixedHorizon = TwoProportionZTest.Run(500, 5000, 580, 5000);

        Assert.True(sequential.Difference.Upper - sequential.Difference.Lower > fixedHorizon.Difference.Upper - fixedHorizon.Difference.Lower);
        Assert.True(sequential.PValue > fixedHorizon.PValue);
    }

    [Fact]
    public void DailyPeekingKeepsFalsePositivesBelowAlphaWhileNaivePeekingDoesNot()
    {
        // 400 A/A experiments (both arms convert at 10%), each looked at after every one of 30 days of 200
        // shoppers per arm. A naive z-test stops at the first p < 0.05; the always-valid p-value may be read
        // the same way. Seeded, so the counts are fixed; the bounds leave room for sampling noise.
        var random = new Random(20260302);
        int naiveFalsePositives = 0, sequentialFalsePositives = 0;
        const int experiments = 400;
        for (var e = 0; e < experiments; e++)
        {
            long ca = 0, cb = 0, n = 0;
            bool naive = false, sequential = false;
            for (var day = 0; day < 30; day++)
            {
                for (var i = 0; i < 200; i++)
                {
                    ca += random.NextDouble() < 0.1 ? 1 : 0;
                    cb += random.NextDouble() < 0.1 ? 1 : 0;
                }

                n += 200;
                naive |= TwoProportionZTest.Run(ca, n, cb, n).PValue < 0.05;
                sequential |= MixtureSequentialTest.Evaluate(ca, n, cb, n).Significant;
            }

            naiveFalsePositives += naive ? 1 : 0;
            sequentialFalsePositives += sequential ? 1 : 0;
        }

        Assert.True(sequentialFalsePositives <= experiments * 0.05, $"always-valid: {sequentialFalsePositives} of {experiments}");
        Assert.True(naiveFalsePositives >= experiments * 0.12, $"naive peeking: {naiveFalsePositives} of {experiments}");
    }

    [Fact]
    public void SequentialTestDetectsARealLiftAsDataAccumulates()
    {
        var result = MixtureSequentialTest.Evaluate(1000, 10_000, 1250, 10_000);

        Assert.True(result.Significant);
        Assert.True(result.Difference.ExcludesZero);
    }

    [Fact]
    public void SequentialStateKeepsTheRunningMinimumAndIntersection()
    {
        var state = SequentialState.Initial
            .Next(new SequentialResult(0.4, new Estimate(0.01, -0.02, 0.05), false))
            .Next(new SequentialResult(0.6, new Estimate(0.02, -0.01, 0.06), false));

        Assert.Equal(new SequentialState(2, 0.4, -0.01, 0.05), state);
    }
}
