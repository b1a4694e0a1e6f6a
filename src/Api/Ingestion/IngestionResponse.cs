namespace Orleans.Personalization.Api.Ingestion;

/// <summary>
/// The answer to an accepted call, given once every stored message is durable. <see cref="Success"/> is
/// Segment's field; <see cref="Duplicates"/> counts retries of messages already stored (by messageId).
/// </summary>
public sealed record IngestionResponse(bool Success, int Accepted, int Duplicates, IReadOnlyList<RejectedMessage> Rejected);
