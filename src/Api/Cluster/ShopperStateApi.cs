using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Calls;
using Orleans.Personalization.Runtime.Hosting;

namespace Orleans.Personalization.Api.Cluster;

/// <summary>
/// For operators checking a cluster (and for the cluster tests): a shopper's in-memory state as canonical
/// JSON, to compare with a replay of its journal. Internal: it needs the cluster secret.
/// </summary>
public static class ShopperStateApi
{
    public static IEndpointRouteBuilder MapShopperStateApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/internal/shoppers/{shopperKey}/state", GetAsync).ExcludeFromDescription();
        return routes;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        string shopperKey, HttpContext http, IGrainFactory grains, IOptions<SiloOptions> options)
    {
        if (!ClusterSecret.Matches(http.Request, options.Value))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "This endpoint needs the cluster secret.");
        }

        var state = await grains.GetGrain<IUserGrain>(shopperKey).GetStateJsonAsync();
        return TypedResults.Content(state, "application/json");
    }
}
