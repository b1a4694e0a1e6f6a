using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Placement;

namespace Orleans.Personalization.Runtime.Calls;

/// <summary>
/// Carries grain calls between silos over HTTP: POST {silo}/internal/grains/{type}/{key}/{method} with the
/// cluster secret. A 421 answer (the target does not serve the partition) and a refused connection mean
/// the call did not run, so the router may route it again; any other failure is reported as is.
/// </summary>
public sealed class HttpRemoteGrainInvoker(IPartitionOwnership ownership, IOptions<SiloOptions> options) : IRemoteGrainInvoker, IDisposable
{
    public const string SecretHeader = "X-Cluster-Secret";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = TimeSpan.FromSeconds(2) })
    {
        Timeout = options.Value.GrainCallTimeout,
    };

    public async Task<TResult> InvokeAsync<TResult>(string siloId, GrainId grainId, MethodInfo method, object?[] arguments, CancellationToken cancellationToken)
    {
        var address = ownership.SiloAddress(siloId)
            ?? throw new RemoteGrainUnavailableException($"The address of silo {siloId} is not known yet.");
        var parameters = method.GetParameters();
        var message = new GrainCallMessage(arguments.Select((a, i) => JsonSerializer.SerializeToElement(a, parameters[i].ParameterType, Json)).ToArray());
        // The key also travels in the query string, where it arrives exactly: in a path, Kestrel leaves "%2F" encoded.
        var uri = $"{address.TrimEnd('/')}/internal/grains/{Uri.EscapeDataString(grainId.Type)}/{Uri.EscapeDataString(grainId.Key)}/{Uri.EscapeDataString(method.Name)}"
            + $"?key={Uri.EscapeDataString(grainId.Key)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(message, options: Json) };
        request.Headers.Add(SecretHeader, options.Value.ClusterSecret);

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new RemoteGrainUnavailableException($"Silo {siloId} at {address} refused the connection.", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.MisdirectedRequest)
            {
                throw new RemoteGrainUnavailableException($"Silo {siloId} does not serve {grainId} any more.");
            }

            var reply = await response.Content.ReadFromJsonAsync<GrainCallReply>(Json, cancellationToken)
                ?? throw new InvalidDataException($"Silo {siloId} answered {(int)response.StatusCode} without a body.");
            if (reply.ExceptionType is not null)
            {
                throw new RemoteGrainCallException(reply.ExceptionType, reply.ExceptionMessage ?? "");
            }

            return reply.Result is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } result
                ? result.Deserialize<TResult>(Json)!
                : default!;
        }
    }

    public void Dispose() => _client.Dispose();
}
