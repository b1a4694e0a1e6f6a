namespace Orleans.Personalization.Api.Recommendations;

/// <summary>The answer to an impressions or clicks report: recorded (1) or already recorded (a retry).</summary>
public sealed record FeedbackResponse(int Accepted, int Duplicates);
