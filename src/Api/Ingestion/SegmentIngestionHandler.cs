using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Api.Auth;
using Orleans.Personalization.Api.Errors;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Messages;

namespace Orleans.Personalization.Api.Ingestion;

/// <summary>
/// One Segment call, end to end: size limit, JSON, key, validation, delivery. It answers 200 only after
/// every accepted message is durable and applied; in a batch, good messages are stored and each bad one is
/// reported by index, and a batch with nothing good is a 400 naming every field.
/// </summary>
public sealed class SegmentIngestionHandler(
    ShopperIngestion ingestion,
    ApiKeyAuthenticator authenticator,
    IOptions<IngestionOptions> options,
    TimeProvider timeProvider)
{
    private readonly IngestionOptions _limits = options.Value;

    /// <summary>A single message (track, page, screen, identify, group, alias).</summary>
    public Task<Results<Ok<IngestionResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(HttpContext http, MessageKind kind) =>
        HandleCoreAsync(http, kind);

    /// <summary>A batch (/v1/batch, /v1/import).</summary>
    public Task<Results<Ok<IngestionResponse>, ValidationProblem, ProblemHttpResult>> HandleBatchAsync(HttpContext http) =>
        HandleCoreAsync(http, kind: null);

    private async Task<Results<Ok<IngestionResponse>, ValidationProblem, ProblemHttpResult>> HandleCoreAsync(HttpContext http, MessageKind? kind)
    {
        var limit = kind is null ? _limits.MaxBatchBytes : _limits.MaxMessageBytes;
        var (body, length, tooLarge) = await RequestBody.ReadAsync(http.Request, limit, http.RequestAborted);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        try
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body.AsMemory(0, length));
            }
            catch (JsonException ex)
            {
                return Problems.Invalid("body", $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return Problems.Invalid("body", "must be a JSON object");
                }

                var key = ApiKeyAuthenticator.KeyFromHeader(http.Request)
                    ?? (root.TryGetProperty("writeKey", out var writeKey) && writeKey.ValueKind == JsonValueKind.String ? writeKey.GetString() : null);
                if (authenticator.Check(key, ApiKeyScope.Write, http) is { } denied)
                {
                    return denied;
                }

                return kind is { } single ? await IngestOneAsync(root, single) : await IngestBatchAsync(root);
            }
        }
        finally
        {
            RequestBody.Return(body);
        }
    }

    private async Task<Results<Ok<IngestionResponse>, ValidationProblem, ProblemHttpResult>> IngestOneAsync(JsonElement root, MessageKind kind)
    {
        var errors = new List<FieldError>();
        var message = SegmentMessageParser.Parse(root, kind, "", timeProvider.GetUtcNow(), batchSentAt: null, errors);
        if (message is null)
        {
            return Problems.Invalid(errors);
        }

        var result = await ingestion.IngestAsync([message]);
        return TypedResults.Ok(new IngestionResponse(true, result.Accepted, result.Duplicates, []));
    }

    private async Task<Results<Ok<IngestionResponse>, ValidationProblem, ProblemHttpResult>> IngestBatchAsync(JsonElement root)
    {
        if (!root.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Array)
        {
            return Problems.Invalid("batch", "is required: an array of messages");
        }

        var errors = new List<FieldError>();
        var batchSentAt = SegmentMessageParser.Time(root, "sentAt", "", errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var receivedAt = timeProvider.GetUtcNow();
        var messages = new List<TrackedMessage>(batch.GetArrayLength());
        var rejected = new List<RejectedMessage>();
        var index = 0;
        foreach (var item in batch.EnumerateArray())
        {
            var path = $"batch[{index}].";
            var itemErrors = new List<FieldError>();
            if (System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(item).Length > _limits.MaxMessageBytes)
            {
                itemErrors.Add(new FieldError($"batch[{index}]", $"is larger than {_limits.MaxMessageBytes / 1024} KB, the most one message may be"));
            }
            else if (SegmentMessageParser.Parse(item, null, path, receivedAt, batchSentAt, itemErrors) is { } message)
            {
                messages.Add(message);
            }

            if (itemErrors.Count > 0)
            {
                rejected.Add(new RejectedMessage(index, itemErrors));
            }

            index++;
        }

        if (messages.Count == 0 && rejected.Count > 0)
        {
            return Problems.Invalid(rejected.SelectMany(static r => r.Errors));
        }

        var result = await ingestion.IngestAsync(messages);
        return TypedResults.Ok(new IngestionResponse(true, result.Accepted, result.Duplicates, rejected));
    }
}
