namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>A chi-squared test: statistic, degrees of freedom and upper-tail p-value.</summary>
public sealed record ChiSquaredTestResult(double Statistic, int DegreesOfFreedom, double PValue);
