using Orleans.Personalization.Analytics.Statistics;

namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>Turns exposed shoppers' outcomes into per-variant results, comparisons, the SRM check and warnings.</summary>
public static class ExperimentAnalyzer
{
    /// <param name="versions">Every version of the experiment, oldest first (see <see cref="ExperimentRegistry.History"/>).</param>
    /// <param name="observations">The exposed shoppers (see <see cref="ExperimentObservationBuilder"/>).</param>
    /// <param name="options">Thresholds; the defaults when null.</param>
    public static ExperimentReport Analyze(
        IReadOnlyList<ExperimentDefinition> versions,
        ExperimentObservations observations,
        ExperimentAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(observations);
        if (versions.Count == 0)
        {
            throw new ArgumentException("An analysis needs at least one version of the experiment.", nameof(versions));
        }

        foreach (var version in versions)
        {
            InvalidDefinitionException.ThrowIfAny(version.Validate());
        }

        options ??= new ExperimentAnalysisOptions();
        var latest = versions[^1];
        var warnings = new List<ExperimentWarning>();
        var byVariant = latest.Variants.ToDictionary(v => v.Key, _ => new List<ExperimentObservation>(), StringComparer.Ordinal);
        foreach (var shopper in observations.Shoppers)
        {
            if (byVariant.TryGetValue(shopper.Variant, out var list))
            {
                list.Add(shopper);
            }
        }

        var unknown = observations.Shoppers.Count(s => !byVariant.ContainsKey(s.Variant));
        if (unknown > 0)
        {
            warnings.Add(new ExperimentWarning(ExperimentWarning.UnknownVariant, $"{unknown} exposed shoppers are in variants the experiment does not define; they are left out."));
        }

        if (observations.CrossoverShoppers > 0)
        {
            warnings.Add(new ExperimentWarning(ExperimentWarning.Crossover, $"{observations.CrossoverShoppers} shoppers saw more than one variant (for example after merging devices); each counts in the first variant seen."));
        }

        var results = latest.Variants.Select(v => Summarise(v.Key, byVariant[v.Key], options, warnings)).ToArray();
        var sampleRatio = CheckSampleRatio(versions, latest, byVariant, options, warnings);
        var control = results.Single(r => r.Variant == latest.ControlVariant);
        var comparisons = results
            .Where(r => r.Variant != control.Variant && r.Exposures > 0 && control.Exposures > 0)
            .Select(r => Compare(control, byVariant[control.Variant], r, byVariant[r.Variant], options))
            .ToArray();
        return new ExperimentReport(latest.Key, latest.Version, control.Variant, results, comparisons, sampleRatio, warnings);
    }

    private static VariantResult Summarise(string variant, List<ExperimentObservation> shoppers, ExperimentAnalysisOptions options, List<ExperimentWarning> warnings)
    {
        var exposures = shoppers.Count;
        var conversions = shoppers.Count(s => s.Converted);
        var orders = shoppers.Sum(s => s.Orders);
        var aov = ConfidenceIntervals.Ratio(shoppers.Select(s => (s.Revenue, (double)s.Orders)).ToArray(), options.Confidence);
        if (exposures < options.MinExposuresPerVariant)
        {
            warnings.Add(new ExperimentWarning(ExperimentWarning.TooFewExposures, $"'{variant}' has {exposures} exposures; at least {options.MinExposuresPerVariant} are needed to conclude.", variant));
        }

        if (Math.Min(conversions, exposures - conversions) < options.MinConversionsPerVariant)
        {
            warnings.Add(new ExperimentWarning(ExperimentWarning.TooFewConversions, $"'{variant}' has {conversions} conversions of {exposures}; the tests need at least {options.MinConversionsPerVariant} conversions and non-conversions.", variant));
        }

        if (aov is null)
        {
            warnings.Add(new ExperimentWarning(ExperimentWarning.TooFewOrders, $"'{variant}' has too few orders for an average order value interval.", variant));
        }

        return new VariantResult(
            variant,
            exposures,
            conversions,
            ConfidenceIntervals.Wilson(conversions, exposures, options.Confidence),
            ConfidenceIntervals.Mean(SampleSummary.Of(shoppers.Select(s => s.Revenue)), options.Confidence),
            aov,
            orders,
            shoppers.Sum(s => s.Revenue),
            BetaPosterior.FromCounts(conversions, exposures).CredibleInterval(options.Confidence));
    }

    private static VariantComparison Compare(
        VariantResult control,
        List<ExperimentObservation> controlShoppers,
        VariantResult variant,
        List<ExperimentObservation> variantShoppers,
        ExperimentAnalysisOptions options)
    {
        var controlPosterior = BetaPosterior.FromCounts(control.Conversions, control.Exposures);
        var variantPosterior = BetaPosterior.FromCounts(variant.Conversions, variant.Exposures);
        return new VariantComparison(
            variant.Variant,
            control.Variant,
            TwoProportionZTest.Run(control.Conversions, control.Exposures, variant.Conversions, variant.Exposures, options.Confidence),
            WelchTTest.Run(SampleSummary.Of(controlShoppers.Select(s => s.Revenue)), SampleSummary.Of(variantShoppers.Select(s => s.Revenue)), options.Confidence),
            BayesianComparison.ChanceToBeat(controlPosterior, variantPosterior),
            BayesianComparison.DifferenceInterval(controlPosterior, variantPosterior, options.Confidence),
            MixtureSequentialTest.Evaluate(control.Conversions, control.Exposures, variant.Conversions, variant.Exposures, options.SequentialAlpha, options.MixtureStandardDeviation));
    }

    private static SampleRatioCheck CheckSampleRatio(
        IReadOnlyList<ExperimentDefinition> versions,
        ExperimentDefinition latest,
        Dictionary<string, List<ExperimentObservation>> byVariant,
        ExperimentAnalysisOptions options,
        List<ExperimentWarning> warnings)
    {
        // Each shopper contributes the weights of the version they were assigned under.
        var weightsByVersion = versions.ToDictionary(v => v.Version, v => v.Variants.ToDictionary(x => x.Key, x => (double)x.Weight, StringComparer.Ordinal));
        var expected = new double[latest.Variants.Count];
        var observed = new long[latest.Variants.Count];
        foreach (var shopper in byVariant.Values.SelectMany(s => s))
        {
            var weights = weightsByVersion.GetValueOrDefault(shopper.Version) ?? weightsByVersion[latest.Version];
            for (var i = 0; i < expected.Length; i++)
            {
                expected[i] += weights.GetValueOrDefault(latest.Variants[i].Key) / 100;
            }
        }

        for (var i = 0; i < observed.Length; i++)
        {
            observed[i] = byVariant[latest.Variants[i].Key].Count;
        }

        var total = observed.Sum();
        var shares = expected.Select(e => total == 0 ? 0 : e / total).ToArray();
        if (total == 0)
        {
            return new SampleRatioCheck(false, false, null, shares);
        }

        // Shoppers in a variant no version ever gave traffic cannot be explained by chance at all; they are
        // flagged outright, and the chi-squared test runs over the variants that were meant to get shoppers.
        var possible = Enumerable.Range(0, expected.Length).Where(i => expected[i] > 0).ToArray();
        var impossible = Enumerable.Range(0, expected.Length).Any(i => expected[i] == 0 && observed[i] > 0);
        var test = possible.Length >= 2
            ? ChiSquaredGoodnessOfFit.Test(possible.Select(i => observed[i]).ToArray(), possible.Select(i => expected[i]).ToArray())
            : null;
        var isChecked = total >= options.SampleRatioMinExposures;
        var mismatch = isChecked && (impossible || test?.PValue < options.SampleRatioAlpha);
        if (mismatch)
        {
            var why = impossible ? "shoppers were exposed to a variant with no traffic" : $"chi-squared p = {test!.PValue:G3}";
            warnings.Insert(0, new ExperimentWarning(ExperimentWarning.SampleRatioMismatch, $"Exposures do not split as the weights say ({why}); assignment or tracking is broken and the results should not be trusted."));
        }

        return new SampleRatioCheck(isChecked, mismatch, test, shares);
    }
}
