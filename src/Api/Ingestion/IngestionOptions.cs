using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Api.Ingestion;

/// <summary>Limits on incoming events (section "Ingestion"); defaults are Segment's.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Largest single message, and largest body of /v1/track, /v1/page, /v1/identify: 32 KB.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 32 * 1024;

    /// <summary>Largest body of /v1/batch: 500 KB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBatchBytes { get; set; } = 500 * 1024;
}
