namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>A two-proportion z-test: the statistic, its two-sided p-value, and treatment − control with its interval.</summary>
public sealed record ZTestResult(double Z, double PValue, Estimate Difference);
