using Orleans.Personalization.Analytics.Funnels;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

/// <summary>
/// A deliberately naive funnel written straight from the documented rules, with none of the engine's
/// tables or matching: quadratic scans, and Hall's theorem over step subsets for unordered funnels.
/// </summary>
internal static class ReferenceFunnel
{
    public static Dictionary<string, PersonFunnelOutcome> Evaluate(FunnelDefinition definition, IReadOnlyList<AnalyticsEvent> events)
    {
        var outcomes = new Dictionary<string, PersonFunnelOutcome>();
        var byPerson = events.Select((e, i) => (Event: e, Index: i)).GroupBy(x => x.Event.PersonId);
        foreach (var group in byPerson)
        {
            var timeline = group.OrderBy(x => x.Event.Timestamp.UtcTicks).ThenBy(x => x.Index).Select(x => x.Event).ToList();
            if (Best(definition, timeline) is { } outcome)
            {
                outcomes[group.Key] = outcome;
            }
        }

        return outcomes;
    }

    private static PersonFunnelOutcome? Best(FunnelDefinition definition, List<AnalyticsEvent> timeline)
    {
        PersonFunnelOutcome? best = null;
        for (var start = 0; start < timeline.Count; start++)
        {
            var attempt = definition.Order == FunnelOrder.Unordered
                ? UnorderedAttempt(definition, timeline, start)
                : SequentialAttempt(definition, timeline, start);
            if (attempt is not null && (best is null || attempt.Reached > best.Reached))
            {
                best = attempt;
            }
        }

        return best;
    }

    private static PersonFunnelOutcome? SequentialAttempt(FunnelDefinition definition, List<AnalyticsEvent> timeline, int start)
    {
        if (!Matches(definition.Steps[0], timeline[start]))
        {
            return null;
        }

        var deadline = timeline[start].Timestamp + definition.Window;
        var positions = new List<int> { start };
        for (var k = 1; k < definition.Steps.Count; k++)
        {
            var found = -1;
            for (var j = positions[^1] + 1; j < timeline.Count && timeline[j].Timestamp <= deadline; j++)
            {
                if (Matches(definition.Steps[k], timeline[j]))
                {
                    found = j;
                    break;
                }

                if (definition.Order == FunnelOrder.Strict)
                {
                    break;
                }
            }

            if (found < 0)
            {
                break;
            }

            positions.Add(found);
        }

        var reached = positions.Count - 1;
        foreach (var exclusion in definition.Exclusions)
        {
            if (reached < exclusion.FromStep)
            {
                continue;
            }

            var end = reached >= exclusion.ToStep ? positions[exclusion.ToStep] : timeline.Count;
            for (var j = positions[exclusion.FromStep] + 1; j < end && timeline[j].Timestamp <= deadline; j++)
            {
                if (timeline[j].Name == exclusion.Event && (exclusion.Filters ?? []).All(f => f.Matches(timeline[j].Properties)))
                {
                    return null;
                }
            }
        }

        return new PersonFunnelOutcome(reached, positions.Select(p => timeline[p].Timestamp.UtcTicks).ToArray(), null);
    }

    private static PersonFunnelOutcome? UnorderedAttempt(FunnelDefinition definition, List<AnalyticsEvent> timeline, int start)
    {
        if (!definition.Steps.Any(s => Matches(s, timeline[start])))
        {
            return null;
        }

        var deadline = timeline[start].Timestamp + definition.Window;
        var times = new List<long>();
        var window = new List<AnalyticsEvent>();
        for (var j = start; j < timeline.Count && timeline[j].Timestamp <= deadline; j++)
        {
            window.Add(timeline[j]);
            if (MaxDistinctSteps(definition.Steps, window) > times.Count)
            {
                times.Add(timeline[j].Timestamp.UtcTicks);
            }
        }

        return new PersonFunnelOutcome(times.Count - 1, times.ToArray(), null);
    }

    /// <summary>Hall's theorem: a set of steps can each get its own event iff every subset of it is matched by at least as many events.</summary>
    private static int MaxDistinctSteps(IReadOnlyList<FunnelStep> steps, List<AnalyticsEvent> events)
    {
        var best = 0;
        for (var set = 1; set < 1 << steps.Count; set++)
        {
            var hall = true;
            for (var subset = set; subset > 0 && hall; subset = (subset - 1) & set)
            {
                var covering = events.Count(e => Enumerable.Range(0, steps.Count).Any(k => ((subset >> k) & 1) == 1 && Matches(steps[k], e)));
                hall = covering >= System.Numerics.BitOperations.PopCount((uint)subset);
            }

            if (hall)
            {
                best = Math.Max(best, System.Numerics.BitOperations.PopCount((uint)set));
            }
        }

        return best;
    }

    private static bool Matches(FunnelStep step, AnalyticsEvent e) =>
        e.Name == step.Event && (step.Filters ?? []).All(f => f.Matches(e.Properties));
}
