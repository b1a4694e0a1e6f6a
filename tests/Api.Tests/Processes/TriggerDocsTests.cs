using System.Diagnostics;
using System.Text.RegularExpressions;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>
/// The shell examples of docs/triggers.md, run as written (only the port differs) against a fresh service started
/// the way the README starts it. Triggers wait for real delays and retries, so a block whose answer shows one
/// is run again, with a bound, until it does.
/// </summary>
public sealed partial class TriggerDocsTests : IDisposable
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
        var blocks = ShellBlocks();
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
                () => RunAsync(script),
                o => o.Contains(expected[i], StringComparison.Ordinal),
                $"block {i} of docs/triggers.md to print {expected[i]}",
                TimeSpan.FromSeconds(45)));
        }

        Assert.Contains("\"highIntent.threshold\":[\"must be more than 0 and at most 100\"]", outputs[^1], StringComparison.Ordinal);
        Assert.Contains("\"url\":[\"must be an absolute http or https URL\"]", outputs[^1], StringComparison.Ordinal);
        Assert.Contains("\"types[0]\":[\"'cart_abandoned' is not a trigger type", outputs[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", string.Join('\n', outputs.Skip(3)), StringComparison.Ordinal);
    }

    private static List<string> ShellBlocks()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "triggers.md"));
        return ShellBlock().Matches(doc).Select(static m => m.Groups[1].Value).ToList();
    }

    /// <summary>A block as one script, each command's answer on a line of its own; curl's --max-time ending a stream is not a failure.</summary>
    private static async Task<string> RunAsync(string script)
    {
        var info = new ProcessStartInfo("bash", ["-c", script.Replace("\ncurl ", "\necho; curl ", StringComparison.Ordinal)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        const int CurlTimedOut = 28;
        return process.ExitCode is 0 or CurlTimedOut ? output.Trim() : $"exit code {process.ExitCode}: {output}{error}";
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Orleans.Personalization.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Orleans.Personalization.sln) is not above the test's folder.");
    }

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
