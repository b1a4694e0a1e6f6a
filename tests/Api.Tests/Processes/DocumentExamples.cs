using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>The shell examples of the repository's documents, and running one block the way a reader would.</summary>
internal static partial class DocumentExamples
{
    /// <summary>The text of each ```sh block of a document, given by its path from the repository root.</summary>
    public static List<string> ShellBlocks(params string[] path)
    {
        var doc = File.ReadAllText(Path.Combine([RepositoryRoot(), .. path]));
        return ShellBlock().Matches(doc).Select(static m => m.Groups[1].Value).ToList();
    }

    /// <summary>
    /// A block as one script, each command's answer on a line of its own. With <paramref name="streamEndIsSuccess"/>,
    /// curl's --max-time ending a stream (exit code 28) is not a failure.
    /// </summary>
    public static async Task<string> RunBlockAsync(string script, bool streamEndIsSuccess = false)
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
        var succeeded = process.ExitCode == 0 || (streamEndIsSuccess && process.ExitCode == CurlTimedOut);
        return succeeded ? output.Trim() : $"exit code {process.ExitCode}: {output}{error}";
    }

    public static string RepositoryRoot()
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
    public static partial Regex ShellBlock();
}
