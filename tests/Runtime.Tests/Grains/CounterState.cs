using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Runtime.Tests.Grains;

public sealed class CounterState : IJournaledState<CounterEvent>
{
    public Dictionary<string, long> Totals { get; set; } = [];

    public List<string> History { get; set; } = [];

    public void Apply(CounterEvent domainEvent)
    {
        switch (domainEvent)
        {
            case CounterAdded added:
                Totals[added.Name] = Totals.GetValueOrDefault(added.Name) + added.Amount;
                Remember($"+{added.Amount} {added.Name}");
                break;
            case CounterReset reset:
                Totals.Remove(reset.Name);
                Remember($"reset {reset.Name}");
                break;
        }
    }

    private void Remember(string entry)
    {
        History.Add(entry);
        if (History.Count > 5)
        {
            History.RemoveAt(0);
        }
    }
}
