using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Activation;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.Calls;

/// <summary>
/// The receiving end of forwarded grain calls: checks the cluster secret, runs the call on the local
/// activation if this silo serves the grain's partition, and answers 421 (so the caller routes again)
/// if it does not.
/// </summary>
public static class GrainCallEndpoint
{
    public static IEndpointRouteBuilder MapGrainCallEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/internal/grains/{type}/{key}/{method}", HandleAsync).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        string type,
        string key,
        string method,
        GrainCallMessage message,
        HttpContext http,
        GrainTypeRegistry registry,
        PartitionMap partitionMap,
        IPartitionOwnership ownership,
        ActivationDirectory directory,
        IOptions<SiloOptions> options)
    {
        if (!ClusterSecret.Matches(http.Request, options.Value))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "Forwarded grain calls need the cluster secret.");
        }

        // The exact key is in the query string (a path keeps "%2F" encoded); callers that send only the path are
        // older silos during a rolling upgrade.
        var grainId = new GrainId(type, http.Request.Query["key"] is { Count: 1 } exact ? exact[0]! : key);
        if (registry.InterfaceOf(type)?.GetMethods().FirstOrDefault(m => m.Name == method && m.GetParameters().Length == message.Arguments.Count) is not { } target)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No grain method {type}.{method}/{message.Arguments.Count}.");
        }

        if (!ownership.IsServing(partitionMap.PartitionOf(grainId)))
        {
            return Results.StatusCode(StatusCodes.Status421MisdirectedRequest);
        }

        var parameters = target.GetParameters();
        var arguments = message.Arguments.Select((a, i) => a.Deserialize(parameters[i].ParameterType, HttpRemoteGrainInvoker.Json)).ToArray();
        try
        {
            var result = await directory.InvokeAsync(grainId, grain => InvokeAsync(grain, target, arguments), http.RequestAborted);
            var resultType = target.ReturnType.IsGenericType ? target.ReturnType.GetGenericArguments()[0] : null;
            var element = resultType is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(result, resultType, HttpRemoteGrainInvoker.Json);
            return Results.Json(new GrainCallReply(element), HttpRemoteGrainInvoker.Json);
        }
        catch (Exception ex) when (ex is SiloUnavailableException or PartitionUnavailableException or LeaseLostException)
        {
            return Results.StatusCode(StatusCodes.Status421MisdirectedRequest);
        }
        catch (Exception ex)
        {
            return Results.Json(new GrainCallReply(null, ex.GetType().FullName, ex.Message), HttpRemoteGrainInvoker.Json, statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<object?> InvokeAsync(Grain grain, MethodInfo method, object?[] arguments)
    {
        Task task;
        try
        {
            task = (Task)method.Invoke(grain, arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        await task;
        return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty("Result")!.GetValue(task) : null;
    }
}
