using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>
/// The shell examples of docs/triggers.md, run as written (only the port differs) against a fresh service started
/// the way the README starts it. Triggers wait for real delays and retries, so a block whose answer shows one
/// is run again, with a bound, until it does.
/// </summary>
public sealed class TriggerDocsTests : IDisposable
{
    private readonly TempDirectory _data = new("op-triggerdocs");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task EveryShellExampleInTheTriggersDocWorksAgainstAFreshStart()
    {
        string[] expected =
        [
            "\"cartAbandonment\":{\"enabled\":true,\"delay\":\"00:30:00\"}",
            "\"delay\":\"00:00:05\"",
            "\"secret\":\"whsec_",
            "\"accepted\":2",
            "\"type\":\"cart_abandonment\"",
            "event: cart_abandonment",
            "\"status\":\"dead\"",
            "{\"count\":1}",
            "\"productId\":\"jacket-3\"",
            "\"previousPrice\":120,\"newPrice\":95",
            "\"cartAbandonment.delay\":[\"must not be negative\"]",
        ];
        var blocks = DocumentExamples.ShellBlocks("docs", "triggers.md");
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
                () => RunStreamBlockAsync(script),
                o => o.Contains(expected[i], StringComparison.Ordinal),
                $"block {i} of docs/triggers.md to print {expected[i]}",
                TimeSpan.FromSeconds(45)));
        }

        Assert.Contains("\"highIntent.threshold\":[\"must be more than 0 and at most 100\"]", outputs[^1], StringComparison.Ordinal);
        Assert.Contains("\"url\":[\"must be an absolute http or https URL\"]", outputs[^1], StringComparison.Ordinal);
        Assert.Contains("\"types[0]\":[\"'cart_abandoned' is not a trigger type", outputs[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", string.Join('\n', outputs.Skip(3)), StringComparison.Ordinal);
    }

    private static Task<string> RunStreamBlockAsync(string script) => DocumentExamples.RunBlockAsync(script, streamEndIsSuccess: true);
}
