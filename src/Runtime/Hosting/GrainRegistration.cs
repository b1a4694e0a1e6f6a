namespace Orleans.Personalization.Runtime.Hosting;

/// <summary>A grain interface and the class that implements it, as registered with AddGrain.</summary>
public sealed record GrainRegistration(Type Interface, Type Implementation);
