namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// The names shopper events have in analytics: Segment's e-commerce v2 names, and the names MetricEventNames
/// and ExposureEventOptions expect for page views, recommendations and experiment exposures. Custom track
/// events keep the name the store sent.
/// </summary>
public static class AnalyticsEventNames
{
    public const string ProductViewed = "Product Viewed";
    public const string ProductAdded = "Product Added";
    public const string ProductRemoved = "Product Removed";
    public const string ProductsSearched = "Products Searched";
    public const string ProductListFiltered = "Product List Filtered";
    public const string CheckoutStarted = "Checkout Started";
    public const string OrderCompleted = "Order Completed";
    public const string PageViewed = "Page Viewed";
    public const string RecommendationViewed = "Recommendation Viewed";
    public const string RecommendationClicked = "Recommendation Clicked";
    public const string ExperimentViewed = "Experiment Viewed";
}
