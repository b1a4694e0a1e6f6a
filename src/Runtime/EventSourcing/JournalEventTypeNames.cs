using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Orleans.Personalization.Runtime.EventSourcing;

/// <summary>
/// The stable name stored in the journal for each event class: the type discriminator declared with
/// [JsonDerivedType(typeof(X), "name")] on the event base. Names never change once written.
/// </summary>
public static class JournalEventTypeNames
{
    public static string Of<TEvent>(TEvent domainEvent) where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return NamesOf<TEvent>.ByType.TryGetValue(domainEvent.GetType(), out var name)
            ? name
            : throw new InvalidOperationException(
                $"{domainEvent.GetType().Name} has no stable journal name: add [JsonDerivedType(typeof({domainEvent.GetType().Name}), \"...\")] to {typeof(TEvent).Name}.");
    }

    /// <summary>Every name declared on the event base <typeparamref name="TEvent"/>.</summary>
    public static IReadOnlyCollection<string> All<TEvent>() => NamesOf<TEvent>.ByType.Values;

    private static class NamesOf<TEvent>
    {
        public static readonly FrozenDictionary<Type, string> ByType = typeof(TEvent)
            .GetCustomAttributes<JsonDerivedTypeAttribute>()
            .Where(static a => a.TypeDiscriminator is string)
            .ToFrozenDictionary(static a => a.DerivedType, static a => (string)a.TypeDiscriminator!);
    }
}
