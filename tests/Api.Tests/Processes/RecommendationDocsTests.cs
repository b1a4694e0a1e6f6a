using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>
/// The shell examples of docs/recommendations.md, run as written (only the port differs) against a fresh service
/// started the way the README starts it. Co-occurrence is applied in the background within about a second, so a
/// block that reads recommendations is run again, with a bound, until its answer shows it.
/// </summary>
public sealed class RecommendationDocsTests : IDisposable
{
    private readonly TempDirectory _data = new("op-recdocs");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task EveryShellExampleInTheRecommendationsDocWorksAgainstAFreshStart()
    {
        string[] expected =
        [
            "\"inCatalog\":true",
            "\"upserted\":4",
            "\"accepted\":7",
            "bought with Two-person tent",
            "\"reason\":\"bought with Two-person tent\"",
            "trending in Outdoor",
            "{\"accepted\":1,\"duplicates\":0}\n{\"accepted\":1,\"duplicates\":0}",
            "\"purchases\":1",
            "\"placement\":[\"must be one of home, product_page, cart, order_confirmation, search\"]",
        ];
        var blocks = DocumentExamples.ShellBlocks("docs", "recommendations.md");
        Assert.Equal(expected.Length, blocks.Count);
        await using var service = await ServiceProcess.StartReadyAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage:Sqlite:DataDirectory"] = _data.Path,
        });

        for (var i = 0; i < blocks.Count; i++)
        {
            var script = blocks[i].Replace("http://localhost:5080", service.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal);
            var output = await Eventually.ReturnsAsync(
                () => DocumentExamples.RunBlockAsync(script),
                o => o.Contains(expected[i], StringComparison.Ordinal),
                $"block {i} of docs/recommendations.md to print {expected[i]}",
                TimeSpan.FromSeconds(20));
            if (i == 5)
            {
                Assert.DoesNotContain("bag-down", output, StringComparison.Ordinal);
            }
        }
    }
}
