using System.Globalization;

namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>Projects the event log into per-shopper observations of one experiment.</summary>
public static class ExperimentObservationBuilder
{
    /// <summary>
    /// Each resolved person who saw the experiment counts once, in the variant of their first exposure (the
    /// sticky assignment). A person exposed to several variants, as when two devices merge, stays in the first
    /// and is counted in <see cref="ExperimentObservations.CrossoverShoppers"/>. Conversions count from the
    /// first exposure on; earlier purchases are not the experiment's doing.
    /// </summary>
    public static ExperimentObservations FromEvents(
        IReadOnlyList<AnalyticsEvent> events,
        string experimentKey,
        ExposureEventOptions? options = null,
        IdentityGraph? identities = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        options ??= new ExposureEventOptions();
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        var purchases = new List<(string Person, DateTimeOffset At, double Revenue)>();
        foreach (var e in events)
        {
            var person = identities?.Resolve(e.PersonId) ?? e.PersonId;
            if (e.Name == options.ConversionEvent)
            {
                purchases.Add((person, e.Timestamp, (double)(e.Revenue ?? 0)));
            }
            else if (e.Name == options.ExposureEvent
                     && e.Properties.GetValueOrDefault(options.ExperimentProperty) == experimentKey
                     && e.Properties.GetValueOrDefault(options.VariantProperty) is { } variant)
            {
                var version = int.TryParse(e.Properties.GetValueOrDefault(options.VersionProperty), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 1;
                if (!people.TryGetValue(person, out var state))
                {
                    people[person] = new Person(e.Timestamp, variant, version);
                }
                else
                {
                    state.See(e.Timestamp, variant, version);
                }
            }
        }

        foreach (var (person, at, revenue) in purchases)
        {
            if (people.TryGetValue(person, out var state) && at >= state.FirstSeen
                && (options.ConversionWindow is not { } window || at - state.FirstSeen <= window))
            {
                state.Orders++;
                state.Revenue += revenue;
            }
        }

        var shoppers = people.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ExperimentObservation(p.Key, p.Value.Variant, p.Value.Version, p.Value.Orders, p.Value.Revenue))
            .ToArray();
        return new ExperimentObservations(shoppers, people.Values.Count(p => p.Crossed));
    }

    private sealed class Person(DateTimeOffset firstSeen, string variant, int version)
    {
        private readonly HashSet<string> _variants = new(StringComparer.Ordinal) { variant };

        public DateTimeOffset FirstSeen { get; private set; } = firstSeen;

        public string Variant { get; private set; } = variant;

        public int Version { get; private set; } = version;

        public bool Crossed => _variants.Count > 1;

        public int Orders { get; set; }

        public double Revenue { get; set; }

        public void See(DateTimeOffset at, string variant, int version)
        {
            _variants.Add(variant);
            if (at < FirstSeen)
            {
                (FirstSeen, Variant, Version) = (at, variant, version);
            }
        }
    }
}
