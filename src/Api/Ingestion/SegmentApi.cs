using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Runtime.Calls;
using Orleans.Personalization.Runtime.Hosting;

namespace Orleans.Personalization.Api.Ingestion;

/// <summary>
/// The Segment HTTP Tracking API (<c>/v1/track</c>, <c>/v1/page</c>, <c>/v1/batch</c>, ...), so an existing
/// Segment or RudderStack source can point here unchanged.
/// </summary>
public static class SegmentApi
{
    public static IEndpointRouteBuilder MapSegmentApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Ingestion (Segment HTTP API)");
        MapSingle(group, "track", MessageKind.Track, "Records what a shopper did (Segment track; e-commerce v2 names map onto the profile).");
        MapSingle(group, "page", MessageKind.Page, "Records a page view (Segment page).");
        MapSingle(group, "screen", MessageKind.Screen, "Records an app screen view (Segment screen).");
        MapSingle(group, "identify", MessageKind.Identify, "Attaches traits; with userId and anonymousId, merges the anonymous history into the user.");
        MapSingle(group, "group", MessageKind.Group, "Associates the shopper with a group (Segment group).");
        MapSingle(group, "alias", MessageKind.Alias, "Merges previousId's anonymous history into userId (Segment alias).");
        foreach (var name in new[] { "batch", "import" })
        {
            group.MapPost($"/{name}", (HttpContext http, SegmentIngestionHandler handler) => handler.HandleBatchAsync(http))
                .WithName($"segment-{name}")
                .WithSummary("Records up to 500 KB of messages of any type; good ones are stored, bad ones reported by index.")
                .Accepts<SegmentBatchRequest>("application/json")
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        }

        routes.MapPost(ShopperIngestion.ForwardPath, ForwardedAsync).ExcludeFromDescription();
        return routes;
    }

    /// <summary>Messages another silo received for shoppers this silo holds (cluster secret required).</summary>
    private static async Task<IResult> ForwardedAsync(TrackedMessage[] messages, HttpContext http, ShopperIngestion ingestion, IOptions<SiloOptions> options)
    {
        if (!ClusterSecret.Matches(http.Request, options.Value))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "Forwarded messages need the cluster secret.");
        }

        return Results.Json(await ingestion.IngestAsync(messages, forward: false), HttpRemoteGrainInvoker.Json);
    }

    private static void MapSingle(RouteGroupBuilder group, string name, MessageKind kind, string summary) =>
        group.MapPost($"/{name}", (HttpContext http, SegmentIngestionHandler handler) => handler.HandleAsync(http, kind))
            .WithName($"segment-{name}")
            .WithSummary(summary)
            .Accepts<SegmentMessageRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
