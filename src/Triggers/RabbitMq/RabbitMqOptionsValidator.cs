using Microsoft.Extensions.Options;

namespace Orleans.Personalization.Triggers.RabbitMq;

/// <summary>A configured connection string must be an amqp:// or amqps:// URI (checked at start, without connecting).</summary>
public sealed class RabbitMqOptionsValidator : IValidateOptions<RabbitMqOptions>
{
    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options) =>
        !options.Enabled
        || (Uri.TryCreate(options.ConnectionString, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps")
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("RabbitMq:ConnectionString must be an amqp:// or amqps:// URI, for example amqp://user:password@host:5672/.");
}
