using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>Every version of every experiment and flag (by lower-case key, oldest first) and the alerts raised.</summary>
public sealed class ExperimentRegistryState : IJournaledState<ExperimentRegistryEvent>
{
    public Dictionary<string, List<ExperimentSpec>> Experiments { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<FlagSpec>> Flags { get; set; } = new(StringComparer.Ordinal);

    public List<ExperimentAlert> Alerts { get; set; } = [];

    public void Apply(ExperimentRegistryEvent domainEvent)
    {
        switch (domainEvent)
        {
            case ExperimentVersionRecorded recorded:
                Versions(Experiments, recorded.Spec.Key).Add(recorded.Spec);
                break;
            case FlagVersionRecorded recorded:
                Versions(Flags, recorded.Spec.Flag.Key).Add(recorded.Spec);
                break;
            case ExperimentAlertRaised raised when Alerts.TrueForAll(a => a.Id != raised.Alert.Id):
                Alerts.Add(raised.Alert);
                break;
        }
    }

    private static List<T> Versions<T>(Dictionary<string, List<T>> byKey, string key)
    {
        var normalized = key.ToLowerInvariant();
        if (!byKey.TryGetValue(normalized, out var versions))
        {
            versions = [];
            byKey[normalized] = versions;
        }

        return versions;
    }
}
