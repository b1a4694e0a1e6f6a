namespace Orleans.Personalization.Runtime.Hosting;

/// <summary>Where the silo is in its life; readiness probes report it.</summary>
public enum SiloStatus
{
    Starting,
    Running,
    Stopping,
    Stopped,
}
