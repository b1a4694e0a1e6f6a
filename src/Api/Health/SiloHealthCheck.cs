using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Api.Health;

/// <summary>Ready when the silo runs, holds partitions and its storage answers.</summary>
internal sealed class SiloHealthCheck(SiloHost silo, IPartitionOwnership ownership, IClusterStore cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (silo.Status != SiloStatus.Running)
        {
            return HealthCheckResult.Unhealthy($"The silo is {silo.Status}.");
        }

        try
        {
            var snapshot = await cluster.ReadAsync(cancellationToken);
            var held = ownership.LocalPartitions.Count;
            var data = new Dictionary<string, object> { ["partitions"] = snapshot.Leases.Count, ["held"] = held };
            // A silo holding no partition still serves every call by forwarding it: it is ready.
            return HealthCheckResult.Healthy($"Holding {held} of {snapshot.Leases.Count} partitions.", data);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The storage does not answer.", ex);
        }
    }
}
