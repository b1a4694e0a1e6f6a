namespace Orleans.Personalization.Runtime.Tests.Grains;

/// <summary>An event-sourced test grain: named counters and a short history.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds to a named counter; returns its new value.</summary>
    Task<long> AddAsync(string name, long amount);

    /// <summary>Raises an addition, then throws before confirming it (synchronously, or after an await).</summary>
    Task AddThenFailAsync(string name, long amount, bool afterAwait);

    /// <summary>Resets a named counter.</summary>
    Task ResetAsync(string name);

    /// <summary>The value of a named counter.</summary>
    Task<long> GetAsync(string name);

    /// <summary>The state as canonical JSON.</summary>
    Task<string> GetStateJsonAsync();

    /// <summary>An id unique to this activation.</summary>
    Task<Guid> GetActivationIdAsync();
}
