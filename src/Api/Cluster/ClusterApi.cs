using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Api.Auth;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Api.Cluster;

/// <summary>The operator's view of the cluster: silos, their health, and which partitions each holds.</summary>
public static class ClusterApi
{
    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1").WithTags("Cluster")
            .MapGet("/cluster", GetAsync)
            .WithName("get-cluster")
            .WithSummary("Silos, whether each is live, and the partitions each holds (needs a read key).");
        return routes;
    }

    private static async Task<Results<Ok<ClusterView>, ProblemHttpResult>> GetAsync(
        HttpContext http, ApiKeyAuthenticator auth, IClusterStore store, IOptions<SiloOptions> options)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var snapshot = await store.ReadAsync(http.RequestAborted);
        var held = snapshot.Leases
            .Where(l => l.Owner is not null && l.ExpiresAt > snapshot.Now)
            .ToLookup(l => l.Owner!, l => l.Partition);
        var live = snapshot.LiveSilos(options.Value.LeaseDuration).Select(s => s.SiloId).ToHashSet();
        var silos = snapshot.Silos
            .Select(s => new SiloView(
                s.SiloId,
                s.Address,
                s.Status,
                live.Contains(s.SiloId),
                Math.Round((snapshot.Now - s.HeartbeatAt).TotalSeconds, 1),
                s.StartedAt,
                held[s.SiloId].Order().ToArray()))
            .ToArray();
        var assigned = held.SelectMany(static g => g).ToHashSet();
        var unassigned = snapshot.Leases.Select(static l => l.Partition).Where(p => !assigned.Contains(p)).ToArray();
        return TypedResults.Ok(new ClusterView(options.Value.SiloId, snapshot.Leases.Count, silos, unassigned));
    }
}
