namespace Orleans.Personalization.Runtime.Tests.Grains;

/// <summary>Registers reminders and journals every delivery it receives.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Registers a reminder due after <paramref name="dueTime"/>.</summary>
    Task ArmAsync(string name, TimeSpan dueTime, TimeSpan? period);

    /// <summary>
    /// Raises an event named <paramref name="eventName"/> (none if null) and registers the reminder with it; with
    /// <paramref name="failBeforeConfirming"/>, throws before confirming either.
    /// </summary>
    Task ArmWithEventAsync(string name, TimeSpan dueTime, string? eventName, bool failBeforeConfirming);

    /// <summary>Removes a reminder.</summary>
    Task DisarmAsync(string name);

    /// <summary>The due times of the deliveries received, per reminder name.</summary>
    Task<IReadOnlyList<string>> GetFiredAsync();
}
