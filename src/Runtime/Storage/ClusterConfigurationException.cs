namespace Orleans.Personalization.Runtime.Storage;

/// <summary>The silo's settings contradict what the cluster's storage already records; the silo must not start.</summary>
public sealed class ClusterConfigurationException(string message) : Exception(message);
