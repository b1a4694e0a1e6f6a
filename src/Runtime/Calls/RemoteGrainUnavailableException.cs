namespace Orleans.Personalization.Runtime.Calls;

/// <summary>
/// A forwarded call did not run: the target silo does not serve the partition (any more) or could not be
/// reached. The caller may safely route it again.
/// </summary>
public sealed class RemoteGrainUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
