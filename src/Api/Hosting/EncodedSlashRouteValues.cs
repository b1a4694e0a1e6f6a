namespace Orleans.Personalization.Api.Hosting;

/// <summary>
/// Kestrel decodes a request path except "%2F", so a route value keeps an encoded slash: a product id "sku/1" or an
/// anonymous id "a/b", sent as "sku%2F1", would reach the endpoint as "sku%2F1" and name another product or shopper.
/// This decodes "%2F" in route values after routing, before the endpoint runs. (Text that itself contains "%2F" cannot
/// be told apart from an encoded slash in a path; such ids should be sent in a query string.)
/// </summary>
internal static class EncodedSlashRouteValues
{
    public static IApplicationBuilder UseDecodedSlashesInRouteValues(this IApplicationBuilder app) => app.Use(next => context =>
    {
        var values = context.Request.RouteValues;
        foreach (var (name, value) in values.ToArray())
        {
            if (value is string text && text.Contains('%', StringComparison.Ordinal))
            {
                values[name] = text.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
            }
        }

        return next(context);
    });
}
