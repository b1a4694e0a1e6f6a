namespace Orleans.Personalization.Runtime.Storage;

/// <summary>A watcher's interest in a topic, last shown at <see cref="At"/>.</summary>
public sealed record WatchEntry(string Topic, string Watcher, DateTimeOffset At);
