using System.Net.Http.Headers;
using System.Text;
using Orleans.Personalization.BenchKit;

namespace Orleans.Personalization.RecommendationBenchmark;

/// <summary>
/// Recommendation requests as a store sends them: home 40 %, product page 35 %, cart 15 %, order confirmation 5 %,
/// search 5 %, for shoppers and products drawn at random (seeded by the request number, so runs repeat).
/// </summary>
internal sealed class RequestMix(StoreWorkload store)
{
    private static readonly string[] Queries = ["trail%20shoe", "rain%20jacket", "wool%20sock", "hiking%20boot", "warm%20cap"];
    private readonly AuthenticationHeaderValue _key = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(BenchServer.ReadKey + ":")));

    public HttpRequestMessage Request(int n)
    {
        var random = new Random(n);
        var shopper = store.Shoppers[random.Next(store.Shoppers.Count)][0].AnonymousId;
        var product = store.ProductIds[random.Next(store.ProductIds.Count)];
        var roll = random.Next(100);
        var query = roll switch
        {
            < 40 => "placement=home",
            < 75 => $"placement=product_page&productId={product}",
            < 90 => $"placement=cart&cart={product}",
            < 95 => $"placement=order_confirmation&cart={product}",
            _ => $"placement=search&q={Queries[random.Next(Queries.Length)]}",
        };
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/recommendations?{query}&count=10&anonymousId={shopper}");
        request.Headers.Authorization = _key;
        return request;
    }
}
