namespace Orleans.Personalization.Grains.Triggers;

/// <summary>
/// What a shopper's activation knows of its trigger reminders: for each name read or set so far, the due time, or
/// null for none. A shopper has at most three (cart, browse, lapsing), so they live in one small array searched
/// linearly (a forgotten name frees its slot for the next): every active shopper has one of these, and a dictionary
/// would cost several times the bytes.
/// </summary>
public sealed class ReminderDueTimes
{
    private (string Name, DateTimeOffset? Due)[] _entries = [];

    /// <summary>True when the due time of <paramref name="name"/> is known (<paramref name="due"/> null: no reminder).</summary>
    public bool TryGetValue(string name, out DateTimeOffset? due)
    {
        var index = IndexOf(name);
        due = index >= 0 ? _entries[index].Due : null;
        return index >= 0;
    }

    public void Set(string name, DateTimeOffset? due)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            index = IndexOf(null);
        }

        if (index < 0)
        {
            index = _entries.Length;
            Array.Resize(ref _entries, index + 1);
        }

        _entries[index] = (name, due);
    }

    /// <summary>Forgets what is known of <paramref name="name"/> (the next look reads storage).</summary>
    public void Forget(string name)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            _entries[index] = default;
        }
    }

    /// <summary>The slot holding <paramref name="name"/> (null: a free slot), or −1.</summary>
    private int IndexOf(string? name)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (string.Equals(_entries[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
