namespace Orleans.Personalization.Analytics.Attribution;

/// <summary>Credits conversions and revenue to channels.</summary>
public static class AttributionCalculator
{
    /// <summary>
    /// A touch is a session's first event from a channel (UTM campaigns are often stamped on every page of
    /// the visit, which must not count as many touches). Each conversion event shares its credit among the
    /// person's touches at or before it and no older than the lookback window.
    /// </summary>
    /// <exception cref="InvalidDefinitionException">The options do not validate.</exception>
    public static AttributionReport Attribute(IReadOnlyList<AnalyticsEvent> events, AttributionOptions options, IdentityGraph? identities = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        InvalidDefinitionException.ThrowIfAny(options.Validate());

        var credits = new Dictionary<string, (double Conversions, decimal Revenue)>(StringComparer.Ordinal);
        var conversions = 0;
        var revenue = 0m;
        var byPerson = events
            .Select((e, index) => (Event: e, Index: index))
            .GroupBy(x => identities?.Resolve(x.Event.PersonId) ?? x.Event.PersonId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal); // a fixed order of summation: replays agree to the last bit
        foreach (var person in byPerson)
        {
            var timeline = person.OrderBy(x => x.Event.Timestamp).ThenBy(x => x.Index).Select(x => x.Event).ToList();
            var touches = Touches(timeline, options.Dimension);
            foreach (var conversion in timeline.Where(e => e.Name == options.ConversionEvent))
            {
                var value = conversion.Revenue ?? 0m;
                conversions++;
                revenue += value;
                var window = touches
                    .Where(t => t.Timestamp <= conversion.Timestamp && conversion.Timestamp - t.Timestamp <= options.Lookback)
                    .ToList();
                if (window.Count == 0)
                {
                    Add(credits, AttributionReport.Direct, 1, value);
                    continue;
                }

                var weights = AttributionWeights.For(options.Model, window, conversion.Timestamp, options.HalfLife);
                for (var i = 0; i < window.Count; i++)
                {
                    if (weights[i] == 0)
                    {
                        continue; // first and last touch: the other touches earn nothing and are not listed
                    }

                    Add(credits, window[i].Channel, weights[i], value * (decimal)weights[i]);
                }
            }
        }

        var channels = credits
            .Select(c => new ChannelCredit(c.Key, c.Value.Conversions, c.Value.Revenue))
            .OrderByDescending(c => c.Revenue).ThenByDescending(c => c.Conversions).ThenBy(c => c.Channel, StringComparer.Ordinal)
            .ToArray();
        return new AttributionReport(options.Model, channels, conversions, revenue);
    }

    private static List<Touchpoint> Touches(List<AnalyticsEvent> timeline, ChannelDimension dimension)
    {
        var seen = new HashSet<(string Session, string Channel)>();
        var touches = new List<Touchpoint>();
        foreach (var e in timeline)
        {
            if (ChannelNames.Of(e.Source, dimension) is { } channel && seen.Add((e.SessionId, channel)))
            {
                touches.Add(new Touchpoint(e.Timestamp, channel));
            }
        }

        return touches;
    }

    private static void Add(Dictionary<string, (double Conversions, decimal Revenue)> credits, string channel, double conversions, decimal revenue)
    {
        var current = credits.GetValueOrDefault(channel);
        credits[channel] = (current.Conversions + conversions, current.Revenue + revenue);
    }
}
