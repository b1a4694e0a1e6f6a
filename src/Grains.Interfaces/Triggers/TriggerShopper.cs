namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>Who a trigger is about: the shopper's grain key ("u:…" or "a:…"), user id and known anonymous ids.</summary>
public sealed record TriggerShopper(string Key, string? UserId, IReadOnlyList<string> AnonymousIds);
