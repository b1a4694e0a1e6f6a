using Microsoft.Extensions.Options;
using Orleans.Personalization.Analytics.Attribution;
using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Analytics.Funnels;
using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// Analytics over all shoppers from this silo's read model. Each query works on a snapshot, off the read model's
/// lock, and reuses the pure analytics library: ConversionMetrics, FunnelEngine, AttributionCalculator, ExperimentAnalyzer.
/// </summary>
public sealed class AnalyticsQueries(AnalyticsReadModel model, IOptions<AnalyticsOptions> options, TimeProvider timeProvider)
{
    public AnalyticsStatus Status() => Model().Store.Status();

    public MetricsSeries Metrics(MetricsRequest request) =>
        MetricsQuery.Run(Model().Store.Snapshot(withTraits: request.Breakdown?.Kind == Orleans.Personalization.Analytics.BreakdownKind.Trait), request);

    /// <summary>The funnel over the events of <paramref name="range"/> (every step must fall inside it).</summary>
    public FunnelResult Funnel(FunnelDefinition definition, TimeRange range)
    {
        var snapshot = Model().Store.Snapshot(withTraits: definition.Breakdown?.Kind == Orleans.Personalization.Analytics.BreakdownKind.Trait);
        var identities = snapshot.Identities();
        var events = snapshot.Events.Where(e => range.Contains(e.Timestamp.UtcTicks)).ToList();
        return FunnelEngine.Run(definition, events, identities, new SnapshotAttributes(snapshot, identities));
    }

    /// <summary>Credit for the conversions in <paramref name="range"/>; their touches may reach back a lookback before it.</summary>
    public AttributionReport Attribution(AttributionOptions attribution, TimeRange range)
    {
        var snapshot = Model().Store.Snapshot();
        var touchesFrom = range.From.UtcTicks - attribution.Lookback.Ticks;
        var events = snapshot.Events
            .Where(e => e.Name == attribution.ConversionEvent
                ? range.Contains(e.Timestamp.UtcTicks)
                : e.Timestamp.UtcTicks >= touchesFrom && e.Timestamp.UtcTicks < range.To.UtcTicks)
            .ToList();
        return AttributionCalculator.Attribute(events, attribution, snapshot.Identities());
    }

    /// <summary>Results of an experiment over every exposure held; <paramref name="history"/> is every version, oldest first.</summary>
    public ExperimentResults Experiment(IReadOnlyList<ExperimentSpec> history, ExperimentAnalysisOptions? analysis = null) =>
        ExperimentQuery.Run(Model().Store.Snapshot(), history, timeProvider.GetUtcNow(), analysis);

    private AnalyticsReadModel Model() => options.Value.Enabled ? model : throw new AnalyticsUnavailableException();
}
