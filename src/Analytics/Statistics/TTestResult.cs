namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>Welch's t-test: statistic, Welch–Satterthwaite degrees of freedom, two-sided p-value, treatment − control with its interval.</summary>
public sealed record TTestResult(double T, double DegreesOfFreedom, double PValue, Estimate Difference);
