using Microsoft.AspNetCore.Diagnostics;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Api.Errors;

/// <summary>
/// Failures that a retry can fix (the silo stopping, a partition failing over, a lost lease, a slow grain)
/// answer 503 with Retry-After, as problem details. Nothing was acknowledged, so a client retry is safe:
/// messageIds make it idempotent.
/// </summary>
internal sealed class UnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (SiloUnavailableException or PartitionUnavailableException or LeaseLostException or JournalConflictException or TimeoutException or ObjectDisposedException))
        {
            return false;
        }

        ApiLog.Unavailable(logger, exception.GetType().Name, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "The service could not complete the request right now and stored nothing for it; retry it.",
            },
        });
    }
}
