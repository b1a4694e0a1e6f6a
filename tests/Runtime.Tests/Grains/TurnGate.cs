using System.Collections.Concurrent;

namespace Orleans.Personalization.Runtime.Tests.Grains;

/// <summary>A test's handle on a grain turn: the grain signals Entered and waits for Release.</summary>
public sealed class TurnGate
{
    private static readonly ConcurrentDictionary<string, TurnGate> Gates = new();

    public TurnGate()
    {
        Gates[Id] = this;
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TurnGate Find(string id) => Gates[id];
}
