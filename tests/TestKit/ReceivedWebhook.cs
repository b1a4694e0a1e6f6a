using System.Text;

namespace Orleans.Personalization.TestKit;

/// <summary>One webhook request as a receiver saw it: the signature headers, the attempt number and the raw body.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, int Attempt, byte[] Body, DateTimeOffset ReceivedAt)
{
    public string Text => Encoding.UTF8.GetString(Body);
}
