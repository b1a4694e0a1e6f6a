using System.Globalization;
using System.Text.Json;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Messages;

namespace Orleans.Personalization.Api.Ingestion;

/// <summary>
/// Reads one message of the Segment HTTP Tracking API into a <see cref="TrackedMessage"/>, reporting every
/// problem with the JSON path of its field. Timestamps follow Segment's clock-skew correction:
/// timestamp = receivedAt − (sentAt − originalTimestamp), where the client's originalTimestamp is
/// "originalTimestamp" or, as Segment's libraries send it, "timestamp".
/// </summary>
internal static class SegmentMessageParser
{
    private const int MaxIdLength = 256;
    private const int MaxNameLength = 256;

    public static TrackedMessage? Parse(
        JsonElement message,
        MessageKind? impliedKind,
        string path,
        DateTimeOffset receivedAt,
        DateTimeOffset? batchSentAt,
        List<FieldError> errors)
    {
        var before = errors.Count;
        if (message.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path.TrimEnd('.') is { Length: > 0 } p ? p : "body", "must be a JSON object"));
            return null;
        }

        var kind = impliedKind ?? ReadKind(message, path, errors);
        var userId = Id(message, "userId", path, errors);
        var anonymousId = Id(message, "anonymousId", path, errors);
        if (userId is null && anonymousId is null && !HasMember(message, "userId") && !HasMember(message, "anonymousId"))
        {
            errors.Add(new FieldError(path + "userId", "userId or anonymousId is required"));
        }

        string? name = null;
        string? previousId = null;
        switch (kind)
        {
            case MessageKind.Track:
                name = RequiredString(message, "event", path, errors);
                break;
            case MessageKind.Page or MessageKind.Screen:
                name = OptionalString(message, "name", path, errors);
                break;
            case MessageKind.Group:
                name = Id(message, "groupId", path, errors) ?? Missing(path + "groupId", "is required for a group call", errors);
                break;
            case MessageKind.Alias:
                previousId = Id(message, "previousId", path, errors) ?? Missing(path + "previousId", "is required for an alias call", errors);
                if (userId is null)
                {
                    errors.Add(new FieldError(path + "userId", "is required for an alias call"));
                }

                break;
        }

        var properties = ObjectOrNull(message, "properties", path, errors);
        var traits = ObjectOrNull(message, "traits", path, errors);
        var context = ReadContext(message, path, errors);
        var original = Time(message, "originalTimestamp", path, errors) ?? Time(message, "timestamp", path, errors);
        var sentAt = Time(message, "sentAt", path, errors) ?? batchSentAt;
        var messageId = OptionalString(message, "messageId", path, errors);
        if (messageId is { Length: 0 or > MaxIdLength })
        {
            errors.Add(new FieldError(path + "messageId", $"must be 1 to {MaxIdLength} characters"));
        }

        if (errors.Count > before || kind is null)
        {
            return null;
        }

        var timestamp = original is { } client
            ? sentAt is { } sent ? receivedAt - (sent - client) : client
            : receivedAt;
        var parsed = new TrackedMessage
        {
            // Without a messageId a retry cannot be recognised; Segment's libraries always send one.
            MessageId = messageId ?? Guid.NewGuid().ToString(),
            Kind = kind.Value,
            Name = name,
            UserId = userId,
            AnonymousId = anonymousId,
            PreviousId = previousId,
            Timestamp = timestamp,
            ReceivedAt = receivedAt,
            Context = context,
            Properties = properties,
            Traits = traits,
        };
        errors.AddRange(ShopperEventReader.Validate(parsed, path));
        return errors.Count > before ? null : parsed;
    }

    private static MessageKind? ReadKind(JsonElement message, string path, List<FieldError> errors)
    {
        var type = OptionalString(message, "type", path, errors);
        if (type is not null && Enum.TryParse<MessageKind>(type, ignoreCase: true, out var kind) && !int.TryParse(type, out _))
        {
            return kind;
        }

        errors.Add(new FieldError(path + "type", "must be one of track, page, screen, identify, group, alias"));
        return null;
    }

    private static MessageContext? ReadContext(JsonElement message, string path, List<FieldError> errors)
    {
        if (ObjectOrNull(message, "context", path, errors) is not { } context)
        {
            return null;
        }

        var contextPath = path + "context.";
        var campaign = ObjectOrNull(context, "campaign", contextPath, errors) is { } c
            ? new CampaignContext(
                OptionalString(c, "source", contextPath + "campaign.", errors),
                OptionalString(c, "medium", contextPath + "campaign.", errors),
                OptionalString(c, "name", contextPath + "campaign.", errors),
                OptionalString(c, "term", contextPath + "campaign.", errors),
                OptionalString(c, "content", contextPath + "campaign.", errors))
            : null;
        var page = ObjectOrNull(context, "page", contextPath, errors) is { } p
            ? new PageContext(
                OptionalString(p, "path", contextPath + "page.", errors),
                OptionalString(p, "url", contextPath + "page.", errors),
                OptionalString(p, "referrer", contextPath + "page.", errors),
                OptionalString(p, "title", contextPath + "page.", errors),
                OptionalString(p, "search", contextPath + "page.", errors))
            : null;
        return new MessageContext(
            campaign,
            page,
            OptionalString(context, "userAgent", contextPath, errors),
            OptionalString(context, "ip", contextPath, errors),
            OptionalString(context, "locale", contextPath, errors));
    }

    private static bool HasMember(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private static string? Id(JsonElement parent, string name, string path, List<FieldError> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= MaxIdLength } text)
        {
            return text;
        }

        errors.Add(new FieldError(path + name, $"must be a non-empty string of at most {MaxIdLength} characters"));
        return null;
    }

    private static string? OptionalString(JsonElement parent, string name, string path, List<FieldError> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(new FieldError(path + name, "must be a string"));
        return null;
    }

    private static string? RequiredString(JsonElement parent, string name, string path, List<FieldError> errors)
    {
        var text = OptionalString(parent, name, path, errors);
        if (text is { Length: > 0 and <= MaxNameLength })
        {
            return text;
        }

        if (text is not null || !HasMember(parent, name))
        {
            errors.Add(new FieldError(path + name, $"is required: a string of 1 to {MaxNameLength} characters"));
        }

        return null;
    }

    private static string? Missing(string field, string message, List<FieldError> errors)
    {
        if (!errors.Any(e => e.Field == field))
        {
            errors.Add(new FieldError(field, message));
        }

        return null;
    }

    private static JsonElement? ObjectOrNull(JsonElement parent, string name, string path, List<FieldError> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        errors.Add(new FieldError(path + name, "must be a JSON object"));
        return null;
    }

    public static DateTimeOffset? Time(JsonElement parent, string name, string path, List<FieldError> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors.Add(new FieldError(path + name, "must be an ISO-8601 date-time string such as 2026-11-25T10:00:00Z"));
        return null;
    }
}
