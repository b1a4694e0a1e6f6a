namespace Orleans.Personalization.Grains.Interfaces;

/// <summary>
/// Grain keys of shoppers. Known users and anonymous visitors live in separate key spaces, so a userId and
/// an anonymousId that happen to be equal never share a profile.
/// </summary>
public static class ShopperKey
{
    private const string UserPrefix = "u:";
    private const string AnonymousPrefix = "a:";

    public static string ForUser(string userId) => UserPrefix + userId;

    public static string ForAnonymous(string anonymousId) => AnonymousPrefix + anonymousId;

    /// <summary>A message belongs to its userId when it has one (Segment's identity rule), else its anonymousId.</summary>
    public static string Of(string? userId, string? anonymousId) =>
        userId is not null ? ForUser(userId)
        : anonymousId is not null ? ForAnonymous(anonymousId)
        : throw new ArgumentException("A message needs a userId or an anonymousId.");

    public static bool IsAnonymous(string key) => key.StartsWith(AnonymousPrefix, StringComparison.Ordinal);

    /// <summary>The userId or anonymousId inside a key.</summary>
    public static string IdOf(string key) => key[2..];
}
