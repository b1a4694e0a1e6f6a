using System.Security.Cryptography;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>The embedded silo's webhook secret key in a file of its own: made once with 32 random bytes, readable by its owner only.</summary>
internal static class WebhookSecretKeyFile
{
    public static WebhookSecretKey ReadOrCreate(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Create(full);
        }

        return WebhookSecretKey.TryParse(File.ReadAllText(full))
            ?? throw new InvalidOperationException($"The webhook secret key file {full} does not hold 32 bytes in base64. "
                + "Restore the original file: secrets encrypted with it cannot be read without it.");
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(WebhookSecretKey.Length));
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        using (var writer = new StreamWriter(file))
        {
            writer.WriteLine(key);
            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        try
        {
            // Never replaces a key another process made first: that one may already have encrypted secrets.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
