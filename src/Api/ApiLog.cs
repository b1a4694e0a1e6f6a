namespace Orleans.Personalization.Api;

/// <summary>The API's log messages.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(1, LogLevel.Warning, "Answered 503 for {Path}: {Reason}: {Detail}")]
    public static partial void Unavailable(ILogger logger, string reason, string path, string detail);

    [LoggerMessage(2, LogLevel.Warning, "The development API keys (dev-write-key, dev-read-key) are in use: configure ApiKeys for production")]
    public static partial void DevelopmentKeys(ILogger logger);
}
