using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>Checks trigger settings before they are stored; each error names the field as the API spells it.</summary>
public static class TriggerSettingsValidator
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(30);

    public static IReadOnlyList<FieldError> Validate(TriggerSettings settings)
    {
        var errors = new List<FieldError>();
        Range(errors, "holdoutPercent", settings.HoldoutPercent, 0, 100);
        Range(errors, "recommendedProducts", settings.RecommendedProducts, 0, 20);
        Duration(errors, "cartAbandonment.delay", settings.CartAbandonment.Delay);
        Range(errors, "browseAbandonment.minViews", settings.BrowseAbandonment.MinViews, 1, BrowseAbandonmentSettings.MaxMinViews);
        Duration(errors, "browseAbandonment.window", settings.BrowseAbandonment.Window, allowZero: false);
        Duration(errors, "browseAbandonment.delay", settings.BrowseAbandonment.Delay);
        if (settings.HighIntent.Threshold is <= 0 or > 100 || double.IsNaN(settings.HighIntent.Threshold))
        {
            errors.Add(new FieldError("highIntent.threshold", "must be more than 0 and at most 100"));
        }

        Duration(errors, "highIntent.cooldown", settings.HighIntent.Cooldown);
        Range(errors, "priceDrop.minDropPercent", settings.PriceDrop.MinDropPercent, 0, 99);
        Range(errors, "lapsingCustomer.minLoyalty", settings.LapsingCustomer.MinLoyalty, 0, 100);
        Range(errors, "lapsingCustomer.inactiveDays", settings.LapsingCustomer.InactiveDays, 1, 3650);
        return errors;
    }

    private static void Range(List<FieldError> errors, string field, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            errors.Add(new FieldError(field, $"must be between {min} and {max}"));
        }
    }

    private static void Duration(List<FieldError> errors, string field, TimeSpan value, bool allowZero = true)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add(new FieldError(field, "must not be negative"));
        }
        else if (!allowZero && value == TimeSpan.Zero)
        {
            errors.Add(new FieldError(field, "must be longer than zero"));
        }
        else if (value > MaxDelay)
        {
            errors.Add(new FieldError(field, "must be at most 30 days (30.00:00:00)"));
        }
    }
}
