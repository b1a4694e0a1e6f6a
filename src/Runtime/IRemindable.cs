namespace Orleans.Personalization.Runtime;

/// <summary>A grain that receives durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Called when the reminder <paramref name="reminderName"/> is due; delivery is at least once.</summary>
    Task ReceiveReminderAsync(string reminderName, ReminderTick tick);
}
