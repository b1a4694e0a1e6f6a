namespace Orleans.Personalization.Runtime.Activation;

internal enum ActivationStatus
{
    Created,
    Active,
    Deactivated,
}
