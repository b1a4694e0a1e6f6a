namespace Orleans.Personalization.Grains.Interfaces.Messages;

/// <summary>
/// What a shopper did with a batch: how many messages were new and how many were retries it had already
/// absorbed. <see cref="RedirectTo"/> is set, and nothing absorbed, when this anonymous shopper has merged
/// into a user: the caller sends the batch to that shopper instead.
/// </summary>
public sealed record TrackResult(int Accepted, int Duplicates, string? RedirectTo = null);
