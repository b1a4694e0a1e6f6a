using System.Diagnostics;
using System.Text.RegularExpressions;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>
/// The shell examples of docs/recommendations.md, run as written (only the port differs) against a fresh service
/// started the way the README starts it. Co-occurrence is applied in the background within about a second, so a
/// block that reads recommendations is run again, with a bound, until its answer shows it.
/// </summary>
public sealed partial class RecommendationDocsTests : IDisposable
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
        var blocks = ShellBlocks();
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
                () => RunAsync(script),
                o => o.Contains(expected[i], StringComparison.Ordinal),
                $"block {i} of docs/recommendations.md to print {expected[i]}",
                TimeSpan.FromSeconds(20));
            if (i == 5)
            {
                Assert.DoesNotContain("bag-down", output, StringComparison.Ordinal);
            }
        }
    }

    private static List<string> ShellBlocks()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "recommendations.md"));
        return ShellBlock().Matches(doc).Select(static m => m.Groups[1].Value).ToList();
    }

    /// <summary>A block as one script, each command's answer on a line of its own.</summary>
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
        return process.ExitCode == 0 ? output.Trim() : $"exit code {process.ExitCode}: {output}{error}";
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
