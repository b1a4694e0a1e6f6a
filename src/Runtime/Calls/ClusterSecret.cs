using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Orleans.Personalization.Runtime.Hosting;

namespace Orleans.Personalization.Runtime.Calls;

/// <summary>Checks the shared secret silos present to each other (compared in fixed time; never set means never).</summary>
public static class ClusterSecret
{
    public static bool Matches(HttpRequest request, SiloOptions options) =>
        options.ClusterSecret.Length > 0
        && request.Headers[HttpRemoteGrainInvoker.SecretHeader].ToString() is { Length: > 0 } presented
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(options.ClusterSecret));
}
