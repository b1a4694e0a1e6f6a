using System.Security.Cryptography;
using System.Text;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>
/// Trigger ids derived from what caused the trigger (shopper, type, and the state it fired for), so any
/// repeat of the same decision, after a crash or a redelivery, yields the same id.
/// </summary>
public static class TriggerIds
{
    public static string Create(string shopperKey, string type, string discriminator)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{shopperKey}\n{type}\n{discriminator}"));
        return "trg_" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
