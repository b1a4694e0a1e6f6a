namespace Orleans.Personalization.TestKit;

/// <summary>The RabbitMQ broker that ./test.sh starts (scripts/start-rabbitmq.sh), found through PERSONALIZATION_TEST_RABBITMQ.</summary>
public static class RabbitMqTestBroker
{
    public const string Variable = "PERSONALIZATION_TEST_RABBITMQ";

    /// <summary>Why RabbitMQ tests cannot run here, or null when they can.</summary>
    public static string? Unavailable => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 }
        ? null
        : $"{Variable} is not set: run ./test.sh, which starts a RabbitMQ broker for the tests (scripts/start-rabbitmq.sh).";

    /// <summary>The broker's AMQP URI.</summary>
    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException(Unavailable);
}
