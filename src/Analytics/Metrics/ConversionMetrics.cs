namespace Orleans.Personalization.Analytics.Metrics;

/// <summary>Conversion rate, add-to-cart rate, AOV, revenue per session and shopper, bounce rate, sessions per shopper and recommendation CTR.</summary>
public static class ConversionMetrics
{
    /// <exception cref="InvalidDefinitionException">The options do not validate.</exception>
    public static MetricsReport Compute(
        IReadOnlyList<AnalyticsEvent> events,
        MetricsOptions? options = null,
        IdentityGraph? identities = null,
        IPersonAttributes? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        options ??= new MetricsOptions();
        InvalidDefinitionException.ThrowIfAny(options.Validate());

        var sessions = Collect(events, options, identities);
        var overall = Summarise(sessions.Values, options);
        if (options.Breakdown is not { } breakdown)
        {
            return new MetricsReport(overall, []);
        }

        var groups = sessions.Values
            .GroupBy(s => (breakdown.IsPersonLevel ? breakdown.ValueOf(s.PersonId, attributes) : s.BreakdownValue) ?? Breakdown.NoValue, StringComparer.Ordinal)
            .Select(g => new MetricsGroup(g.Key, Summarise(g, options)))
            .OrderByDescending(g => g.Metrics.Sessions).ThenBy(g => g.Value, StringComparer.Ordinal)
            .ToArray();
        return new MetricsReport(overall, groups);
    }

    private static Dictionary<string, SessionFacts> Collect(IReadOnlyList<AnalyticsEvent> events, MetricsOptions options, IdentityGraph? identities)
    {
        var names = options.Events;
        var passive = new HashSet<string>(names.Passive, StringComparer.Ordinal) { names.PageView, names.PageLeave };
        var sessions = new Dictionary<string, SessionFacts>(StringComparer.Ordinal);
        var breakdownTicks = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var ticks = e.Timestamp.UtcTicks;
            if (!sessions.TryGetValue(e.SessionId, out var session))
            {
                session = new SessionFacts(identities?.Resolve(e.PersonId) ?? e.PersonId, ticks);
                sessions[e.SessionId] = session;
            }

            session.Extend(ticks);
            // The session's value is its earliest event carrying one, whatever order events arrive in.
            if (options.Breakdown is { IsPersonLevel: false } breakdown && breakdown.ValueOf(e) is { } value
                && (!breakdownTicks.TryGetValue(e.SessionId, out var at) || ticks < at))
            {
                session.BreakdownValue = value;
                breakdownTicks[e.SessionId] = ticks;
            }

            Count(session, e, names, passive);
        }

        return sessions;
    }

    private static void Count(SessionFacts session, AnalyticsEvent e, MetricEventNames names, HashSet<string> passive)
    {
        if (e.Name == names.PageView)
        {
            session.PageViews++;
        }
        else if (!passive.Contains(e.Name))
        {
            session.Interactions++;
        }

        if (e.Name == names.AddToCart)
        {
            session.AddedToCart = true;
        }
        else if (e.Name == names.Purchase)
        {
            session.Orders++;
            session.Revenue += e.Revenue ?? 0m;
        }
        else if (e.Name == names.RecommendationImpression || e.Name == names.RecommendationClick)
        {
            var key = (e.Properties.GetValueOrDefault(names.PlacementProperty) ?? Breakdown.NoValue,
                       e.Properties.GetValueOrDefault(names.StrategyProperty) ?? Breakdown.NoValue);
            var (impressions, clicks) = session.Recommendations.GetValueOrDefault(key);
            session.Recommendations[key] = e.Name == names.RecommendationImpression ? (impressions + 1, clicks) : (impressions, clicks + 1);
        }
    }

    private static MetricsSnapshot Summarise(IEnumerable<SessionFacts> sessionFacts, MetricsOptions options)
    {
        var sessions = sessionFacts.ToList();
        var shoppers = sessions.Select(s => s.PersonId).Distinct(StringComparer.Ordinal).Count();
        var buyers = sessions.Where(s => s.Orders > 0).Select(s => s.PersonId).Distinct(StringComparer.Ordinal).Count();
        var adders = sessions.Where(s => s.AddedToCart).Select(s => s.PersonId).Distinct(StringComparer.Ordinal).Count();
        var orders = sessions.Sum(s => s.Orders);
        var revenue = sessions.Sum(s => s.Revenue);
        var bounces = sessions.Count(s => s.IsBounce(options.BounceThreshold));
        return new MetricsSnapshot(
            shoppers,
            sessions.Count,
            buyers,
            sessions.Count(s => s.Orders > 0),
            Rate(buyers, shoppers),
            Rate(sessions.Count(s => s.Orders > 0), sessions.Count),
            adders,
            Rate(adders, shoppers),
            orders,
            revenue,
            orders > 0 ? revenue / orders : null,
            sessions.Count > 0 ? revenue / sessions.Count : 0m,
            shoppers > 0 ? revenue / shoppers : 0m,
            bounces,
            Rate(bounces, sessions.Count),
            Rate(sessions.Count, shoppers),
            Recommendations(sessions));
    }

    private static RecommendationCtr[] Recommendations(List<SessionFacts> sessions) =>
        sessions
            .SelectMany(s => s.Recommendations.Select(r => (s.PersonId, r.Key, r.Value.Impressions, r.Value.Clicks)))
            .GroupBy(r => r.Key)
            .Select(g =>
            {
                var impressions = g.Sum(r => r.Impressions);
                var clicks = g.Sum(r => r.Clicks);
                var reached = g.Where(r => r.Impressions > 0).Select(r => r.PersonId).Distinct(StringComparer.Ordinal).Count();
                var clicked = g.Where(r => r.Clicks > 0).Select(r => r.PersonId).Distinct(StringComparer.Ordinal).Count();
                return new RecommendationCtr(g.Key.Placement, g.Key.Strategy, impressions, clicks, Rate(clicks, impressions), reached, clicked, Rate(clicked, reached));
            })
            .OrderBy(r => r.Placement, StringComparer.Ordinal).ThenBy(r => r.Strategy, StringComparer.Ordinal)
            .ToArray();

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
