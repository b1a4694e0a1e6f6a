namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>Turns per-person outcomes into step counts, rates and time distributions, overall and per breakdown group.</summary>
internal static class FunnelAggregator
{
    public static FunnelResult Aggregate(
        CompiledFunnel funnel,
        IEnumerable<KeyValuePair<string, PersonFunnelOutcome>> outcomes,
        IPersonAttributes? attributes)
    {
        var definition = funnel.Definition;
        var overall = new Accumulator(funnel.StepCount);
        var groups = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        foreach (var (person, outcome) in outcomes)
        {
            overall.Add(outcome);
            if (definition.Breakdown is not { } breakdown)
            {
                continue;
            }

            var value = (breakdown.IsPersonLevel ? breakdown.ValueOf(person, attributes) : outcome.Breakdown) ?? Breakdown.NoValue;
            if (!groups.TryGetValue(value, out var group))
            {
                group = new Accumulator(funnel.StepCount);
                groups[value] = group;
            }

            group.Add(outcome);
        }

        var labels = Labels(definition);
        var breakdownGroups = groups
            .OrderByDescending(g => g.Value.Entered[0])
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FunnelBreakdownGroup(g.Key, g.Value.ToSteps(labels), TimeToConvert.From(g.Value.Completion)))
            .ToArray();
        return new FunnelResult(definition.Order, definition.Window, overall.ToSteps(labels), TimeToConvert.From(overall.Completion), breakdownGroups);
    }

    private static string[] Labels(FunnelDefinition definition) =>
        definition.Order == FunnelOrder.Unordered
            ? definition.Steps.Select((_, i) => $"Any {i + 1} of {definition.Steps.Count} steps").ToArray()
            : definition.Steps.Select(s => s.DisplayName).ToArray();

    private sealed class Accumulator
    {
        private readonly List<long>[] _fromPrevious;

        public Accumulator(int steps)
        {
            Entered = new int[steps];
            _fromPrevious = Enumerable.Range(0, steps).Select(_ => new List<long>()).ToArray();
        }

        public int[] Entered { get; }

        public List<long> Completion { get; } = [];

        public void Add(PersonFunnelOutcome outcome)
        {
            for (var k = 0; k <= outcome.Reached; k++)
            {
                Entered[k]++;
                if (k > 0)
                {
                    _fromPrevious[k].Add(outcome.StepTicks[k] - outcome.StepTicks[k - 1]);
                }
            }

            if (outcome.Reached == Entered.Length - 1)
            {
                Completion.Add(outcome.StepTicks[^1] - outcome.StepTicks[0]);
            }
        }

        public FunnelStepResult[] ToSteps(string[] labels)
        {
            var steps = new FunnelStepResult[Entered.Length];
            for (var k = 0; k < steps.Length; k++)
            {
                var converted = k + 1 < Entered.Length ? Entered[k + 1] : Entered[k];
                steps[k] = new FunnelStepResult(
                    k,
                    labels[k],
                    Entered[k],
                    converted,
                    Entered[k] - converted,
                    Ratio(Entered[k], Entered[0]),
                    k == 0 ? (Entered[0] > 0 ? 1.0 : 0.0) : Ratio(Entered[k], Entered[k - 1]),
                    k == 0 ? null : TimeToConvert.From(_fromPrevious[k]));
            }

            return steps;
        }

        private static double Ratio(int part, int whole) => whole == 0 ? 0.0 : (double)part / whole;
    }
}
