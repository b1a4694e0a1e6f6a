namespace Orleans.Personalization.Runtime.Activation;

/// <summary>What a deactivation filter may look at.</summary>
public readonly record struct GrainActivationInfo(GrainId GrainId, int Partition);
