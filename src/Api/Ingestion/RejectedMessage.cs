using Orleans.Personalization.Grains.Ingestion;

namespace Orleans.Personalization.Api.Ingestion;

/// <summary>A message of a batch that was not stored: its index in the batch and why.</summary>
public sealed record RejectedMessage(int Index, IReadOnlyList<FieldError> Errors);
