using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Orleans.Personalization.Api.Auth;

/// <summary>
/// Checks keys the way Segment sends them: the write key as the HTTP Basic user name (empty password), or a
/// Bearer token. Answers 401 for a missing or unknown key and 403 for a key of the other kind.
/// </summary>
public sealed class ApiKeyAuthenticator(IOptions<ApiKeyOptions> options)
{
    private readonly byte[][] _writeKeys = options.Value.WriteKeys.Select(Encoding.UTF8.GetBytes).ToArray();
    private readonly byte[][] _readKeys = options.Value.ReadKeys.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>The key in the Authorization header, if any.</summary>
    public static string? KeyFromHeader(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) || header.Parameter is null)
        {
            return null;
        }

        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return header.Parameter;
        }

        if (!header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? decoded : decoded[..colon];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Null when the key may be used for <paramref name="scope"/>, else the 401 or 403 to answer.</summary>
    public ProblemHttpResult? Check(string? key, ApiKeyScope scope, HttpContext http)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Unauthorized(http, "No API key: send it as the HTTP Basic user name (Segment's write key convention), a Bearer token, or writeKey in the body.");
        }

        var bytes = Encoding.UTF8.GetBytes(key);
        var isWrite = Matches(_writeKeys, bytes);
        var isRead = Matches(_readKeys, bytes);
        if (!isWrite && !isRead)
        {
            return Unauthorized(http, "The API key is not known.");
        }

        var allowed = scope == ApiKeyScope.Write ? isWrite : isRead;
        return allowed
            ? null
            : TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: scope == ApiKeyScope.Write
                    ? "This is a read key; sending events needs a write key."
                    : "This is a write key; reading profiles needs a read key.");
    }

    private static ProblemHttpResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"personalization\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);
    }

    // Every configured key is compared in fixed time, so response times do not reveal how much of a key matched.
    private static bool Matches(byte[][] keys, byte[] candidate)
    {
        var found = false;
        foreach (var key in keys)
        {
            found |= key.Length == candidate.Length && CryptographicOperations.FixedTimeEquals(key, candidate);
        }

        return found;
    }
}
