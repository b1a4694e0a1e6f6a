using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>
/// The README's curl examples, run as written (only the port differs) against a fresh service started the
/// way the README starts it: Development environment, development keys, empty data folder.
/// </summary>
public sealed partial class ReadmeExamplesTests : IDisposable
{
    private readonly TempDirectory _data = new("op-readme");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task EveryCurlExampleInTheReadmeWorksAgainstAFreshStart()
    {
        var commands = ReadmeCommands();
        Assert.True(commands.Count >= 6, $"expected the README's curl examples, found {commands.Count}");
        await using var service = await ServiceProcess.StartReadyAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage:Sqlite:DataDirectory"] = _data.Path,
        });

        var outputs = new List<string>();
        foreach (var command in commands)
        {
            var (exitCode, output) = await RunAsync(command.Replace("http://localhost:5080", service.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal));
            Assert.True(exitCode == 0, $"`{command}` exited with {exitCode}: {output}");
            outputs.Add(output);
        }

        Assert.Equal("""{"success":true,"accepted":4,"duplicates":0,"rejected":[]}""", outputs[0]);
        var profile = JsonNode.Parse(outputs.Single(o => o.Contains("\"userId\":\"alice\"", StringComparison.Ordinal)))!;
        Assert.Equal(1, (int)profile["purchases"]!["orders"]!);
        Assert.Equal("Shoes", (string)profile["preferredCategories"]![0]!["category"]!);
        Assert.Equal("newsletter", (string)profile["firstTouch"]!["source"]!);
        Assert.Contains("visitor-42", profile["anonymousIds"]!.AsArray().Select(a => (string)a!));
        Assert.Contains(outputs, o => o.Contains("\"properties.price\":[\"must be a number, zero or more\"]", StringComparison.Ordinal));
        var cluster = JsonNode.Parse(outputs.Single(o => o.Contains("\"answeringSilo\"", StringComparison.Ordinal)))!;
        Assert.Equal(64, cluster["silos"]![0]!["partitions"]!.AsArray().Count);
    }

    /// <summary>Each curl command in the README's ```sh blocks, with continuation lines joined.</summary>
    private static List<string> ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var commands = new List<string>();
        foreach (Match block in ShellBlock().Matches(readme))
        {
            var joined = block.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal);
            var current = "";
            foreach (var line in joined.Split('\n'))
            {
                if (line.StartsWith("curl ", StringComparison.Ordinal))
                {
                    Flush();
                    current = line;
                }
                else if (current.Length > 0)
                {
                    current += "\n" + line;
                }
            }

            Flush();

            void Flush()
            {
                if (current.Length > 0)
                {
                    commands.Add(current.Trim());
                    current = "";
                }
            }
        }

        return commands;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string command)
    {
        var info = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
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
