namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// The device class of a user agent, by the tokens browsers put there: tablets (iPad, Android without "Mobile",
/// "Tablet"), phones ("Mobi", iPhone, Android), everything else desktop. No user agent: no device.
/// </summary>
public static class DeviceClassifier
{
    public const string Mobile = "mobile";
    public const string Tablet = "tablet";
    public const string Desktop = "desktop";

    public static string? Classify(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        var android = Has(userAgent, "Android");
        if (Has(userAgent, "iPad") || Has(userAgent, "Tablet") || (android && !Has(userAgent, "Mobile")))
        {
            return Tablet;
        }

        return Has(userAgent, "Mobi") || Has(userAgent, "iPhone") || android ? Mobile : Desktop;
    }

    private static bool Has(string userAgent, string token) => userAgent.Contains(token, StringComparison.OrdinalIgnoreCase);
}
