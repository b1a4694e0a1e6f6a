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

        // Co-occurrence reaches the products within a second (Recommendations:CoOccurrence:FlushInterval); run back to
        // back, the example may come before that, so it is run again until it answers.
        var productPageCommand = commands.Single(c => c.Contains("placement=product_page", StringComparison.Ordinal))
            .Replace("http://localhost:5080", service.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal);
        var productPage = JsonNode.Parse(await Eventually.ReturnsAsync(
            async () => (await RunAsync(productPageCommand)).Output,
            static o => o.Contains("\"productId\"", StringComparison.Ordinal),
            "the README's product page recommendations",
            TimeSpan.FromSeconds(20)))!;
        var socks = productPage["items"]![0]!;
        Assert.Equal(("sock-7", "co-view", "viewed with Trail runner"), ((string)socks["productId"]!, (string)socks["strategy"]!, (string)socks["reason"]!));
        var assignment = JsonNode.Parse(outputs.Single(o => o.Contains("\"exposureLogged\"", StringComparison.Ordinal)))!;
        Assert.True((bool)assignment["inExperiment"]!);
        Assert.Contains((string)assignment["variant"]!, (string[])["personalized", "popular"]);

        // What the README says arrives moments later: the abandoned cart five seconds on, and the read model's view.
        using var reader = ReadClient(service.BaseAddress);
        var triggers = await Eventually.ReturnsAsync(
            () => reader.GetStringAsync("/v1/triggers?types=cart_abandonment"),
            o => o.Contains("visitor-51", StringComparison.Ordinal),
            "the README's abandoned cart in the outbox",
            TimeSpan.FromSeconds(30));
        Assert.Contains("\"lines\":[{\"productId\":\"sock-7\"", triggers, StringComparison.Ordinal);
        var metrics = JsonNode.Parse(await Eventually.ReturnsAsync(
            () => reader.GetStringAsync("/v1/analytics/metrics"),
            o => o.Contains("\"addToCartShoppers\":2,", StringComparison.Ordinal),
            "the README's two shoppers with a cart in the metrics",
            TimeSpan.FromSeconds(20)))!["overall"]!;

        // By now the experiment's exposure of visitor-77 counts too: a third shopper, who neither carted nor bought.
        Assert.Equal((1, 1, 89.90m), ((int)metrics["purchasingShoppers"]!, (int)metrics["orders"]!, (decimal)metrics["averageOrderValue"]!));
        using var funnelBody = new StringContent(
            """{"steps": [{"event": "Product Viewed"}, {"event": "Product Added"}, {"event": "Order Completed"}]}""", System.Text.Encoding.UTF8, "application/json");
        var funnel = JsonNode.Parse(await (await reader.PostAsync("/v1/analytics/funnels", funnelBody)).Content.ReadAsStringAsync())!;
        Assert.Equal([1, 1, 1], funnel["steps"]!.AsArray().Select(step => (int)step!["converted"]!));
    }

    private static HttpClient ReadClient(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("dev-read-key:"u8.ToArray()));
        return client;
    }

    /// <summary>Each curl command in the README's ```sh blocks, with continuation lines joined.</summary>
    private static List<string> ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(DocumentExamples.RepositoryRoot(), "README.md"));
        var commands = new List<string>();
        foreach (Match block in DocumentExamples.ShellBlock().Matches(readme))
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

}
