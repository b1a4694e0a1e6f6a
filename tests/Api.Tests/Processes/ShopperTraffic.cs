using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>
/// Sends batches for a set of shoppers and remembers exactly which messages were acknowledged (answered
/// 200): the ones the service promised never to lose.
/// </summary>
internal sealed class ShopperTraffic(Uri baseAddress, string writeKey, int shoppers)
{
    private readonly object _gate = new();
    private int _sequence;

    public List<(string UserId, string MessageId)> Acknowledged { get; } = [];

    public int Failed { get; private set; }

    public static string UserId(int shopper) => $"shopper-{shopper}";

    public int BatchSize { get; init; } = 50;

    /// <summary>Prefix of the messageIds, so several senders to one cluster never reuse an id.</summary>
    public string MessagePrefix { get; init; } = "m";

    /// <summary>Sends <paramref name="batches"/> batches of <see cref="BatchSize"/> from <paramref name="senders"/> concurrent clients.</summary>
    public async Task SendAsync(int batches, int senders, CancellationToken stop = default)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < batches && !stop.IsCancellationRequested)
            {
                await SendOneAsync(client);
            }
        }));
    }

    private async Task SendOneAsync(HttpClient client)
    {
        var messages = new List<(string UserId, string MessageId, string Json)>();
        for (var i = 0; i < BatchSize; i++)
        {
            var n = Interlocked.Increment(ref _sequence);
            var userId = UserId(n % shoppers);
            var messageId = $"{MessagePrefix}-{n}";
            var json = (n % 4) switch
            {
                0 => $$$"""{"type":"track","messageId":"{{{messageId}}}","userId":"{{{userId}}}","event":"Product Added","properties":{"product_id":"p{{{n % 50}}}","price":{{{n % 90 + 10}}}}}""",
                1 => $$$"""{"type":"page","messageId":"{{{messageId}}}","userId":"{{{userId}}}","name":"Home"}""",
                _ => $$$"""{"type":"track","messageId":"{{{messageId}}}","userId":"{{{userId}}}","event":"Product Viewed","properties":{"product_id":"p{{{n % 50}}}","category":"c{{{n % 5}}}","price":{{{n % 90 + 10}}}}}""",
            };
            messages.Add((userId, messageId, json));
        }

        try
        {
            var body = $$$"""{"batch":[{{{string.Join(',', messages.Select(m => m.Json))}}}]}""";
            using var response = await client.PostAsync("/v1/batch", new StringContent(body, Encoding.UTF8, "application/json"));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                lock (_gate)
                {
                    Acknowledged.AddRange(messages.Select(m => (m.UserId, m.MessageId)));
                }

                return;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
        }

        lock (_gate)
        {
            Failed++;
        }

        // A silo that is down refuses at once; pause so a sender does not spin on it.
        await Task.Delay(50);
    }
}
