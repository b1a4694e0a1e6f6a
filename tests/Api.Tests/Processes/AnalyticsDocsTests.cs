using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>
/// The shell examples of docs/analytics.md, run in order as written (only the port differs) against a fresh service
/// started in Development, as the doc says. The read model reads new events within moments, so a block is run
/// again, with a bound, until its answer shows what the doc says it shows.
/// </summary>
public sealed class AnalyticsDocsTests : IDisposable
{
    private readonly TempDirectory _data = new("op-analyticsdocs");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task EveryShellExampleInTheAnalyticsDocWorksAgainstAFreshStart()
    {
        string[] expected =
        [
            "\"accepted\":8",
            "\"shoppers\":3,\"sessions\":3,\"purchasingShoppers\":1,\"purchasingSessions\":1",
            "\"value\":\"newsletter\"",
            "\"entered\":2,\"converted\":1",
            "{\"model\":\"positionBased\",\"channels\":[{\"channel\":\"newsletter / email\",\"conversions\":1,\"revenue\":89.90}],\"totalConversions\":1,\"totalRevenue\":89.90}",
            "\"key\":\"home-recs\",\"version\":1",
            "\"shopper\":{\"userId\":\"alice\"},\"inExperiment\":true,\"variant\":\"popular\",\"assignedVersion\":1,\"assignedAt\"",
            "\"version\":2,\"shopper\":{\"userId\":\"alice\"},\"inExperiment\":true,\"variant\":\"popular\",\"assignedVersion\":1",
            "\"sampleRatio\":{\"checked\":false,\"mismatch\":false",
            "\"key\":\"cart-nudge\",\"version\":1",
            "{\"flag\":\"free-shipping-banner\",\"version\":1,\"shopper\":{\"userId\":\"alice\"},\"enabled\":true}\n{\"shopper\":{\"anonymousId\":\"v-200\"},\"flags\":{\"free-shipping-banner\":false}}",
            "\"errors\":{\"variants\":[\"Variant weights must sum to 100, got 90.\"]}",
        ];
        var blocks = DocumentExamples.ShellBlocks("docs", "analytics.md");
        Assert.Equal(expected.Length, blocks.Count);
        await using var service = await ServiceProcess.StartReadyAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage:Sqlite:DataDirectory"] = _data.Path,
        });

        var outputs = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var script = blocks[i].Replace("http://localhost:5080", service.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal);
            outputs.Add(await Eventually.ReturnsAsync(
                () => DocumentExamples.RunBlockAsync(script),
                o => o.Contains(expected[i], StringComparison.Ordinal),
                $"block {i} of docs/analytics.md to print {expected[i]}",
                TimeSpan.FromSeconds(20)));
        }

        Assert.Contains("\"exposureLogged\":false", outputs[6], StringComparison.Ordinal);
        Assert.Contains("\"order\":[\"Unknown value 'sideways'; expected one of: ordered, strict, unordered.\"]", outputs[11], StringComparison.Ordinal);
    }
}
