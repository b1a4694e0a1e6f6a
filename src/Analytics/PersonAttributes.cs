namespace Orleans.Personalization.Analytics;

/// <summary>An in-memory <see cref="IPersonAttributes"/>, filled from identify traits and the assignment ledger.</summary>
public sealed class PersonAttributes : IPersonAttributes
{
    private readonly Dictionary<string, Dictionary<string, string>> _traits = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Person, string Experiment), string> _variants = [];

    public PersonAttributes SetTrait(string personId, string trait, string value)
    {
        if (!_traits.TryGetValue(personId, out var traits))
        {
            traits = new Dictionary<string, string>(StringComparer.Ordinal);
            _traits[personId] = traits;
        }

        traits[trait] = value;
        return this;
    }

    public PersonAttributes SetVariant(string personId, string experimentKey, string variant)
    {
        _variants[(personId, experimentKey)] = variant;
        return this;
    }

    public string? GetTrait(string personId, string trait) =>
        _traits.TryGetValue(personId, out var traits) ? traits.GetValueOrDefault(trait) : null;

    public string? GetVariant(string personId, string experimentKey) =>
        _variants.GetValueOrDefault((personId, experimentKey));
}
