using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Interfaces.Webhooks;

namespace Orleans.Personalization.Triggers.Webhooks;

/// <summary>
/// Sends one signed delivery and reports what happened. Redirects are not followed, and when private
/// networks are denied every connection checks the address it actually reaches (so DNS cannot be
/// pointed at an internal host after the URL was accepted).
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _timeProvider;

    public WebhookSender(WebhookUrlPolicy policy, IOptions<WebhookOptions> options, TimeProvider timeProvider)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = _options.RequestTimeout,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context, cancellationToken),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Orleans.Personalization-Webhooks", "1.0"));
    }

    /// <summary>Posts the payload; a 2xx answer within the timeout is a success. Throws only when <paramref name="stopping"/> is cancelled.</summary>
    public async Task<SendResult> SendAsync(WebhookTarget target, string messageId, byte[] payload, int attempt, CancellationToken stopping)
    {
        var timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.IdHeader, messageId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(target.Secret, timestamp, payload));
        request.Headers.Add(WebhookSignature.AttemptHeader, attempt.ToString(CultureInfo.InvariantCulture));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_options.RequestTimeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;

            // Read the (usually empty) answer to its end, so the connection goes back to the pool.
            await response.Content.CopyToAsync(Stream.Null, timeout.Token);
            return response.IsSuccessStatusCode
                ? new SendResult(true, status, null, watch.Elapsed)
                : new SendResult(false, status, $"HTTP {status}", watch.Elapsed);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new SendResult(false, null, $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s", watch.Elapsed);
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(false, null, ex.InnerException?.Message ?? ex.Message, watch.Elapsed);
        }
    }

    public void Dispose() => _client.Dispose();

    private static async ValueTask<Stream> ConnectAsync(WebhookUrlPolicy policy, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(policy.AllowsAddress).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{host} resolves only to addresses that webhooks may not reach (Webhooks:DenyPrivateNetworks)");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
