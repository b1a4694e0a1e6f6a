using System.Reflection;

namespace Orleans.Personalization.Runtime;

/// <summary>Grain interfaces, their stable type names and the classes that implement them.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, string> _namesByInterface = [];
    private readonly Dictionary<string, Type> _implementations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _interfacesByName = new(StringComparer.Ordinal);

    public void Register(Type grainInterface, Type implementation)
    {
        if (!grainInterface.IsInterface || !grainInterface.IsAssignableFrom(implementation) || !typeof(Grain).IsAssignableFrom(implementation))
        {
            throw new ArgumentException($"{implementation} must derive from Grain and implement the interface {grainInterface}.");
        }

        var name = TypeNameOf(grainInterface);
        if (_implementations.TryGetValue(name, out var existing) && existing != implementation)
        {
            throw new InvalidOperationException($"Grain type name '{name}' is used by both {existing} and {implementation}.");
        }

        _namesByInterface[grainInterface] = name;
        _implementations[name] = implementation;
        _interfacesByName[name] = grainInterface;
    }

    public string NameOf(Type grainInterface) =>
        _namesByInterface.TryGetValue(grainInterface, out var name)
            ? name
            : throw new InvalidOperationException($"No grain class is registered for {grainInterface}; call AddGrain<{grainInterface.Name}, ...>().");

    public Type ImplementationOf(string grainTypeName) =>
        _implementations.TryGetValue(grainTypeName, out var type)
            ? type
            : throw new InvalidOperationException($"No grain class is registered under the type name '{grainTypeName}'.");

    /// <summary>The grain interface registered under a type name, or null.</summary>
    public Type? InterfaceOf(string grainTypeName) => _interfacesByName.GetValueOrDefault(grainTypeName);

    /// <summary>[GrainType("name")] if present, else the interface name without "I" and "Grain", lower-cased.</summary>
    public static string TypeNameOf(Type grainInterface)
    {
        var attribute = grainInterface.GetCustomAttribute<GrainTypeAttribute>();
        if (attribute is not null)
        {
            return attribute.Name;
        }

        var name = grainInterface.Name;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name[1..];
        }

        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
