namespace Orleans.Personalization.Runtime;

/// <summary>
/// The stable name of a grain type, stored in journals, reminders and snapshots. It never changes once
/// data has been written under it, so renaming the interface or class is free.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
