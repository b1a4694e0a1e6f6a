using Microsoft.Extensions.Logging;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>
/// Checks running experiments for a sample-ratio mismatch or a failing guardrail and records each new finding
/// with the registry grain, which journals it once; from there a projection puts it on the trigger streams.
/// </summary>
public sealed class ExperimentAlerts(AnalyticsQueries queries, ExperimentCatalogCache catalog, IGrainFactory grains, ILogger<ExperimentAlerts> logger)
{
    /// <summary>Checks every experiment; returns the alerts that were new.</summary>
    public async Task<IReadOnlyList<ExperimentAlert>> CheckAllAsync()
    {
        var raised = new List<ExperimentAlert>();
        var live = await catalog.GetAsync();
        foreach (var experiment in live.Current)
        {
            try
            {
                raised.AddRange(await RaiseAsync(queries.Experiment(live.History(experiment.Key)).Alerts));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AnalyticsLog.AlertCheckFailed(logger, ex, experiment.Key);
            }
        }

        return raised;
    }

    /// <summary>Records alerts found elsewhere (the results endpoint finds them too); returns those that were new.</summary>
    public async Task<IReadOnlyList<ExperimentAlert>> RaiseAsync(IReadOnlyList<ExperimentAlert> alerts)
    {
        var known = (await catalog.GetAsync()).Catalog.Alerts.Select(static a => a.Id).ToHashSet(StringComparer.Ordinal);
        var raised = new List<ExperimentAlert>();
        foreach (var alert in alerts.Where(a => !known.Contains(a.Id)))
        {
            if (await grains.GetGrain<IExperimentRegistryGrain>(ExperimentCatalogCache.GrainKey).RaiseAlertAsync(alert))
            {
                AnalyticsLog.AlertRaised(logger, alert.ExperimentKey, alert.Version, alert.Kind, alert.Id);
                raised.Add(alert);
            }
        }

        return raised;
    }
}
