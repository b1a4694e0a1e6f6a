namespace Orleans.Personalization.Runtime.Tests.Grains;

/// <summary>Registers reminders and journals every delivery it receives.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Registers a reminder due after <paramref name="dueTime"/>.</summary>
    Task ArmAsync(string name, TimeSpan dueTime, TimeSpan? period);

    /// <summary>Removes a reminder.</summary>
    Task DisarmAsync(string name);

    /// <summary>The due times of the deliveries received, per reminder name.</summary>
    Task<IReadOnlyList<string>> GetFiredAsync();
}
