using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Orleans.Personalization.Api.Ingestion;

/// <summary>
/// Reads a request body up to a size limit (after gzip decompression, which Segment libraries may use).
/// Over the limit answers 413 without reading on: a declared Content-Length is refused before any byte.
/// </summary>
internal static class RequestBody
{
    public static async Task<(byte[]? Body, int Length, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var gzip = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && request.ContentLength > limit)
        {
            return (null, 0, TooLarge(limit));
        }

        await using var source = gzip ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, (int?)request.ContentLength + 1 ?? 16 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return (null, 0, TooLarge(limit));
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await source.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0, TooLarge(limit));
                }
            }
        }
        catch (InvalidDataException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, 0, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The body is not valid gzip."));
        }

        return (buffer, length, null);
    }

    /// <summary>Gives a buffer from <see cref="ReadAsync"/> back to the pool.</summary>
    public static void Return(byte[]? body)
    {
        if (body is not null)
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    private static ProblemHttpResult TooLarge(int limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload too large",
        detail: $"The body is larger than {limit / 1024} KB, the most this endpoint accepts.",
        extensions: new Dictionary<string, object?> { ["field"] = "body", ["limitBytes"] = limit });
}
