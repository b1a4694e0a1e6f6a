namespace Orleans.Personalization.Recommendations;

/// <summary>One product view inside a session; <paramref name="Timestamp"/> is in Unix seconds.</summary>
public readonly record struct Click(long ItemId, double Timestamp);
