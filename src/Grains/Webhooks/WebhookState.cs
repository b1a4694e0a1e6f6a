using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>A webhook subscription, folded from its journal.</summary>
public sealed class WebhookState : IJournaledState<WebhookEvent>
{
    public bool Created { get; set; }

    public bool Deleted { get; set; }

    public string Url { get; set; } = "";

    /// <summary>The signing secret, encrypted (<see cref="WebhookSecretProtector"/>); null while only <see cref="Secret"/> is known.</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>The signing secret in the clear, from events written before secrets were encrypted; empty once encrypted.</summary>
    public string Secret { get; set; } = "";

    public List<string> Types { get; set; } = [];

    public bool Enabled { get; set; }

    public int? MaxAttempts { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Exists => Created && !Deleted;

    public void Apply(WebhookEvent domainEvent)
    {
        switch (domainEvent)
        {
            case WebhookCreated created:
                Created = true;
                Url = created.Url;
                ProtectedSecret = created.ProtectedSecret;
                Secret = created.ProtectedSecret is null ? created.Secret ?? "" : "";
                Types = [.. created.Types];
                Enabled = created.Enabled;
                MaxAttempts = created.MaxAttempts;
                Description = created.Description;
                CreatedAt = UpdatedAt = created.Timestamp;
                break;
            case WebhookUpdated updated:
                Url = updated.Url ?? Url;
                (ProtectedSecret, Secret) = (updated.ProtectedSecret, updated.Secret) switch
                {
                    ({ } encrypted, _) => (encrypted, ""),
                    (null, { } clear) => (null, clear),
                    _ => (ProtectedSecret, Secret),
                };
                Types = updated.Types is { } types ? [.. types] : Types;
                Enabled = updated.Enabled ?? Enabled;
                MaxAttempts = updated.MaxAttempts ?? MaxAttempts;
                Description = updated.Description ?? Description;
                UpdatedAt = updated.Timestamp;
                break;
            case WebhookDeleted deleted:
                Deleted = true;
                UpdatedAt = deleted.Timestamp;
                break;
        }
    }
}
