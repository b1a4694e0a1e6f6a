using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.Tests;

internal static class ServiceProviderReminderExtensions
{
    public static Task<ReminderEntry?> GetReminder(this IServiceProvider services, string probeKey, string name) =>
        services.GetRequiredService<IReminderStore>().ReadAsync(new GrainId("reminderprobe", probeKey), name);
}
