using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orleans.Personalization.TestKit;

/// <summary>
/// A real HTTP server on a loopback port that records every webhook request it gets and answers with what
/// <see cref="Respond"/> says (200 unless told otherwise; it may also wait, to play a slow receiver).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The URL to subscribe.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Decides the answer to each request: a status code, after any wait it likes.</summary>
    public Func<ReceivedWebhook, CancellationToken, Task<int>> Respond { get; set; } = static (_, _) => Task.FromResult(200);

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    public static async Task<WebhookReceiver> StartAsync(string path = "/hook")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost(path, receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), path);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var headers = http.Request.Headers;
        var received = new ReceivedWebhook(
            headers["Webhook-Id"].ToString(),
            headers["Webhook-Timestamp"].ToString(),
            headers["Webhook-Signature"].ToString(),
            int.TryParse(headers["Webhook-Attempt"], out var attempt) ? attempt : 0,
            body.ToArray(),
            DateTimeOffset.UtcNow);
        _received.Enqueue(received);
        try
        {
            http.Response.StatusCode = await Respond(received, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The sender gave up waiting (a timeout): nothing to answer.
        }
    }
}
