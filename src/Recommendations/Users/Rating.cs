namespace Orleans.Personalization.Recommendations.Users;

/// <summary>A user's explicit or implicit feedback on an item; <paramref name="Timestamp"/> is in Unix seconds.</summary>
public readonly record struct Rating(long UserId, long ItemId, double Value, double Timestamp);
