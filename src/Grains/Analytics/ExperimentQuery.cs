using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// Experiment results from a snapshot: exposures and conversions per resolved person (ExperimentObservationBuilder),
/// the analysis (ExperimentAnalyzer), each guardrail as a second analysis with its event as the conversion, and
/// the alerts the findings call for (SRM; a failing guardrail), with ids stable per experiment version.
/// </summary>
internal static class ExperimentQuery
{
    public static ExperimentResults Run(AnalyticsSnapshot snapshot, IReadOnlyList<ExperimentSpec> history, DateTimeOffset now, ExperimentAnalysisOptions? options = null)
    {
        var latest = history[^1];
        var versions = history.Select(static h => h.Definition).ToArray();
        var identities = snapshot.Identities();
        var report = Analyze(snapshot, identities, versions, latest.ConversionEvent, latest.ConversionWindow, options);
        var alerts = new List<ExperimentAlert>();
        if (report.SampleRatio.Mismatch)
        {
            var why = report.Warnings.FirstOrDefault(static w => w.Code == ExperimentWarning.SampleRatioMismatch)?.Message ?? "sample ratio mismatch";
            alerts.Add(Alert(ExperimentAlert.SampleRatioMismatch, latest, null, null, why, now));
        }

        var guardrails = new List<GuardrailResult>();
        foreach (var guardrail in latest.Guardrails)
        {
            var analysis = Analyze(snapshot, identities, versions, guardrail.Event, latest.ConversionWindow, options);
            var rates = analysis.Variants.ToDictionary(static v => v.Variant, static v => v.ConversionRate.Value, StringComparer.Ordinal);
            foreach (var comparison in analysis.Comparisons)
            {
                var sequential = comparison.Sequential;
                var harmful = guardrail.FailWhen == GuardrailDirection.Decrease ? sequential.Difference.Upper < 0 : sequential.Difference.Lower > 0;
                var failed = sequential.Significant && harmful;
                guardrails.Add(new GuardrailResult(
                    guardrail.Event, guardrail.FailWhen, comparison.Variant, rates[comparison.Control], rates[comparison.Variant], sequential.Difference, sequential.PValue, failed));
                if (failed)
                {
                    var message = string.Create(
                        CultureInfo.InvariantCulture,
                        $"'{comparison.Variant}' {(guardrail.FailWhen == GuardrailDirection.Decrease ? "lowers" : "raises")} the share of shoppers doing '{guardrail.Event}' ({rates[comparison.Control]:P2} → {rates[comparison.Variant]:P2}, always-valid p = {sequential.PValue:G3}).");
                    alerts.Add(Alert(ExperimentAlert.GuardrailFailed, latest, comparison.Variant, guardrail.Event, message, now));
                }
            }
        }

        return new ExperimentResults(report, latest.ConversionEvent, guardrails, alerts);
    }

    private static ExperimentReport Analyze(
        AnalyticsSnapshot snapshot,
        IdentityGraph identities,
        IReadOnlyList<ExperimentDefinition> versions,
        string conversionEvent,
        TimeSpan? window,
        ExperimentAnalysisOptions? options)
    {
        var exposure = new ExposureEventOptions { ConversionEvent = conversionEvent, ConversionWindow = window };
        var observations = ExperimentObservationBuilder.FromEvents(snapshot.Events, versions[^1].Key, exposure, identities);
        return ExperimentAnalyzer.Analyze(versions, observations, options);
    }

    private static ExperimentAlert Alert(string kind, ExperimentSpec experiment, string? variant, string? metric, string message, DateTimeOffset now)
    {
        var cause = $"{experiment.Key.ToLowerInvariant()}\n{experiment.Version}\n{kind}\n{variant}\n{metric}";
        var id = "xal_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cause)).AsSpan(0, 16));
        return new ExperimentAlert(id, kind, experiment.Key, experiment.Version, variant, metric, message, now);
    }
}
