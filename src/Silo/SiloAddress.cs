namespace Orleans.Personalization.Silo;

/// <summary>
/// The default Silo:Address: the first http URL the server listens on, with a wildcard or localhost host
/// replaced by 127.0.0.1. Right for silos on one machine; on several hosts set Silo:Address explicitly.
/// </summary>
internal static class SiloAddress
{
    public static string FromUrls(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return "";
        }

        var wildcard = first.Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://localhost", "://127.0.0.1", StringComparison.OrdinalIgnoreCase);
        return wildcard.TrimEnd('/');
    }
}
