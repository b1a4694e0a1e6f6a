using Orleans.Personalization.Analytics.Statistics;

namespace Orleans.Personalization.Analytics.Tests.Statistics;

/// <summary>
/// The distributions against published tables and closed forms. Sources:
/// [AS] Abramowitz and Stegun, Handbook of Mathematical Functions, Table 26.1 (normal probability integral);
/// [NIST] NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2 (t) and §1.3.6.7.4 (chi-squared) critical values;
/// [R] outputs printed in R's own help-page examples, ?chisq.test and ?prop.test;
/// [SciPy] the scipy.stats.chisquare docstring example.
/// </summary>
public sealed class DistributionTests
{
    [Theory]
    [InlineData(1.96, 0.975002104851780, 1e-13)]      // [AS] Table 26.1
    [InlineData(-3.0, 0.001349898031630, 1e-14)]      // [AS] Table 26.1: 1 − 0.998650101968370
    [InlineData(0.0, 0.5, 1e-16)]
    [InlineData(-10.0, 7.619853024160527e-24, 1e-33)] // far tail, kept to relative accuracy
    public void NormalCdfMatchesPublishedTable(double z, double expected, double tolerance)
    {
        Assert.Equal(expected, NormalDistribution.Cdf(z), tolerance);
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)] // the 1.96 of every 95% interval
    [InlineData(0.95, 1.644853626951472)]
    [InlineData(0.995, 2.575829303548901)]
    [InlineData(0.025, -1.959963984540054)]
    public void NormalQuantileMatchesPublishedCriticalValues(double p, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Quantile(p), 1e-12);
    }

    [Theory]
    [InlineData(1e-12)]
    [InlineData(0.001)]
    [InlineData(0.3)]
    [InlineData(0.9999)]
    public void NormalQuantileInvertsTheCdf(double p)
    {
        Assert.Equal(p, NormalDistribution.Cdf(NormalDistribution.Quantile(p)), p * 1e-10);
    }

    [Theory]
    [InlineData(0.975, 1, 12.706)] // [NIST] t table, 3 decimals
    [InlineData(0.975, 2, 4.303)]
    [InlineData(0.975, 5, 2.571)]
    [InlineData(0.975, 10, 2.228)]
    [InlineData(0.975, 30, 2.042)]
    [InlineData(0.95, 10, 1.812)]
    [InlineData(0.995, 10, 3.169)]
    public void StudentTQuantileMatchesTheNistTable(double p, double df, double expected)
    {
        Assert.Equal(expected, StudentTDistribution.Quantile(p, df), 5e-4);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.5)]
    [InlineData(12.0)]
    public void StudentTWithOneAndTwoDegreesOfFreedomMatchesTheClosedForms(double t)
    {
        // ν = 1 is the Cauchy distribution: F(t) = ½ + atan(t)/π. ν = 2: F(t) = ½ + t / (2√(2 + t²)).
        Assert.Equal(0.5 + (Math.Atan(t) / Math.PI), StudentTDistribution.Cdf(t, 1), 1e-14);
        Assert.Equal(0.5 + (t / (2 * Math.Sqrt(2 + (t * t)))), StudentTDistribution.Cdf(t, 2), 1e-14);
    }

    [Fact]
    public void StudentTQuantileWithTwoDegreesOfFreedomMatchesItsClosedForm()
    {
        // ν = 2 inverts to t = (2p − 1) / √(2p(1 − p)); at p = 0.975: 0.95 / √0.04875 = 4.30265...
        Assert.Equal(0.95 / Math.Sqrt(0.04875), StudentTDistribution.Quantile(0.975, 2), 1e-10);
    }

    [Fact]
    public void StudentTApproachesTheNormalForManyDegreesOfFreedom()
    {
        Assert.Equal(NormalDistribution.Quantile(0.975), StudentTDistribution.Quantile(0.975, 1e7), 1e-6);
    }

    [Theory]
    [InlineData(0.95, 1, 3.841)]  // [NIST] chi-squared upper critical values, 3 decimals
    [InlineData(0.95, 2, 5.991)]
    [InlineData(0.95, 3, 7.815)]
    [InlineData(0.95, 4, 9.488)]
    [InlineData(0.95, 10, 18.307)]
    [InlineData(0.999, 1, 10.828)]
    [InlineData(0.999, 2, 13.816)]
    public void ChiSquaredQuantileMatchesTheNistTable(double p, double df, double expected)
    {
        Assert.Equal(expected, ChiSquaredDistribution.Quantile(p, df), 5e-4);
    }

    [Theory]
    [InlineData(2.5, 2, 0.28650479686019009)]              // [R] ?chisq.test: chisq.test(c(A = 20, B = 15, C = 25))
    [InlineData(9.9901433691756267, 4, 0.040594043344781221)] // [R] ?chisq.test: x = c(89,37,30,28,2), p = c(40,20,20,15,5), rescale.p = TRUE
    [InlineData(5.7947085455574419, 4, 0.21501309592078605)]  // [R] ?chisq.test: same x, p = c(0.40,0.20,0.20,0.19,0.01)
    [InlineData(2.0, 5, 0.84914503608460956)]               // [SciPy] chisquare([16, 18, 16, 14, 12, 12])
    [InlineData(3.5, 5, 0.62338762774958223)]               // [SciPy] same, f_exp = [16, 16, 16, 16, 16, 8]
    public void ChiSquaredSurvivalMatchesPublishedPValues(double statistic, double df, double expected)
    {
        Assert.Equal(expected, ChiSquaredDistribution.Survival(statistic, df), 1e-12);
    }

    [Fact]
    public void ChiSquaredWithTwoDegreesOfFreedomIsExponential()
    {
        // χ²₂ survival is e^(−x/2); so the 0.999 quantile is −2 ln 0.001 = 13.8155...
        Assert.Equal(Math.Exp(-4.0), ChiSquaredDistribution.Survival(8, 2), 1e-15);
        Assert.Equal(-2 * Math.Log(0.001), ChiSquaredDistribution.Quantile(0.999, 2), 1e-9);
    }

    [Fact]
    public void ChiSquaredOnOneDegreeOfFreedomIsTheSquaredNormal()
    {
        Assert.Equal(1.959963984540054 * 1.959963984540054, ChiSquaredDistribution.Quantile(0.95, 1), 1e-9);
    }

    [Fact]
    public void BetaCdfMatchesClosedForms()
    {
        // Beta(2, 1) has density 2x, so F(x) = x²; Beta(½, ½) is the arcsine law, F(x) = (2/π) asin √x.
        Assert.Equal(0.09, BetaDistribution.Cdf(0.3, 2, 1), 1e-13);
        Assert.Equal(2 / Math.PI * Math.Asin(Math.Sqrt(0.2)), BetaDistribution.Cdf(0.2, 0.5, 0.5), 1e-13);
        Assert.Equal(0.7, BetaDistribution.Cdf(0.7, 1, 1), 1e-13);
    }

    [Fact]
    public void BetaCdfGivesTheBinomialTail()
    {
        // P(X ≤ 3) for X ~ Binomial(10, ½) is (1 + 10 + 45 + 120) / 1024 = 0.171875, and equals I_½(7, 4).
        Assert.Equal(176.0 / 1024, BetaDistribution.Cdf(0.5, 7, 4), 1e-13);
    }

    [Fact]
    public void BetaQuantileInvertsTheCdf()
    {
        // Beta(2, 1): the quantile of x² is √p: 2.5% → √0.025 = 0.158113..., 97.5% → √0.975 = 0.987420...
        Assert.Equal(Math.Sqrt(0.025), BetaDistribution.Quantile(0.025, 2, 1), 1e-12);
        Assert.Equal(Math.Sqrt(0.975), BetaDistribution.Quantile(0.975, 2, 1), 1e-12);
        var q = BetaDistribution.Quantile(0.975, 5_001, 95_001);
        Assert.Equal(0.975, BetaDistribution.Cdf(q, 5_001, 95_001), 1e-9);
    }
}
