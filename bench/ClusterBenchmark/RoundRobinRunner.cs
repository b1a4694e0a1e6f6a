using Orleans.Personalization.BenchKit;

namespace Orleans.Personalization.ClusterBenchmark;

/// <summary>Closed-loop load spread over several silos: request n goes to silo n mod count, as behind a load balancer.</summary>
internal sealed class RoundRobinRunner(Uri[] silos, int clients)
{
    public async Task<LoadResult> RunAsync(Func<int, HttpRequestMessage> nextRequest, TimeSpan warmup, TimeSpan duration)
    {
        using var handler = new RoundRobinHandler(silos, clients);
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://round-robin/"), Timeout = TimeSpan.FromSeconds(60) };
        return await new LoadRunner(client, clients).RunAsync(nextRequest, warmup, duration);
    }

    private sealed class RoundRobinHandler(Uri[] silos, int clients) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker[] _invokers = silos
            .Select(_ => new HttpMessageInvoker(new SocketsHttpHandler { MaxConnectionsPerServer = clients }))
            .ToArray();

        private int _next = -1;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var silo = (int)((uint)Interlocked.Increment(ref _next) % (uint)silos.Length);
            request.RequestUri = new Uri(silos[silo], request.RequestUri!.PathAndQuery);
            return _invokers[silo].SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var invoker in _invokers)
                {
                    invoker.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }
}
