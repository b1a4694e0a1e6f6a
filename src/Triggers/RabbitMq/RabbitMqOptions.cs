using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Triggers.RabbitMq;

/// <summary>Publishing triggers to RabbitMQ (section "RabbitMq"); off while <see cref="ConnectionString"/> is empty.</summary>
public sealed class RabbitMqOptions
{
    public const string SectionName = "RabbitMq";

    /// <summary>An AMQP URI, for example amqp://user:password@rabbit.example.com:5672/vhost.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The topic exchange triggers go to (declared durable if missing); the routing key is the trigger type.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Exchange { get; set; } = "personalization.triggers";

    /// <summary>How long to wait before connecting again after the broker went away.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}
