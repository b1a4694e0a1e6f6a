namespace Orleans.Personalization.Grains.Analytics;

/// <summary>This silo keeps no analytics read model (Analytics:Enabled is false); ask another silo.</summary>
public sealed class AnalyticsUnavailableException : InvalidOperationException
{
    public AnalyticsUnavailableException()
        : base("This silo keeps no analytics read model (Analytics:Enabled is false); send analytics queries to a silo that does.")
    {
    }

    public AnalyticsUnavailableException(string message)
        : base(message)
    {
    }

    public AnalyticsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
