using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Personalization.Api.Auth;
using Orleans.Personalization.Api.Errors;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Profiles;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Api.Profiles;

/// <summary>Live shopper profiles, read with a read key.</summary>
public static class ProfileApi
{
    private const int MaxIdLength = 256;

    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Profiles");
        group.MapGet("/users/{userId}/profile", (string userId, HttpContext http, IGrainFactory grains, ApiKeyAuthenticator auth) =>
                GetAsync(ShopperKey.ForUser(userId), userId, http, grains, auth))
            .WithName("get-user-profile")
            .WithSummary("The live profile of a known user (userId), including merged anonymous history.");
        group.MapGet("/anonymous/{anonymousId}/profile", (string anonymousId, HttpContext http, IGrainFactory grains, ApiKeyAuthenticator auth) =>
                GetAsync(ShopperKey.ForAnonymous(anonymousId), anonymousId, http, grains, auth))
            .WithName("get-anonymous-profile")
            .WithSummary("The live profile of an anonymous visitor; once merged, the profile of the user it became.");
        return routes;
    }

    private static async Task<Results<Ok<UserProfile>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string shopperKey, string id, HttpContext http, IGrainFactory grains, ApiKeyAuthenticator auth)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        if (id.Length > MaxIdLength)
        {
            return Problems.Invalid(ShopperKey.IsAnonymous(shopperKey) ? "anonymousId" : "userId", $"must be at most {MaxIdLength} characters");
        }

        var profile = await grains.GetGrain<IUserGrain>(shopperKey).GetProfileAsync();
        if (profile?.MergedIntoUserId is { } userId)
        {
            http.Response.Headers.ContentLocation = $"/v1/users/{Uri.EscapeDataString(userId)}/profile";
            profile = await grains.GetGrain<IUserGrain>(ShopperKey.ForUser(userId)).GetProfileAsync();
        }

        return profile is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No events have been received for '{id}'.")
            : TypedResults.Ok(profile);
    }
}
