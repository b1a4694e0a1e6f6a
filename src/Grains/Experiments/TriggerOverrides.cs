using Orleans.Personalization.Analytics;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.Triggers;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>
/// Trigger settings a variant changes. The sections and fields are those of PATCH /v1/triggers/settings that
/// make sense per shopper: cartAbandonment and browseAbandonment (enabled, delay), highIntent (enabled,
/// threshold) and lapsingCustomer (enabled, inactiveDays).
/// </summary>
public static class TriggerOverrides
{
    public const string CartAbandonment = "cartAbandonment";
    public const string BrowseAbandonment = "browseAbandonment";
    public const string HighIntent = "highIntent";
    public const string LapsingCustomer = "lapsingCustomer";

    public static IReadOnlyList<string> Sections { get; } = [CartAbandonment, BrowseAbandonment, HighIntent, LapsingCustomer];

    /// <summary>The store's settings with a variant's changes on top.</summary>
    public static TriggerSettings Apply(TriggerSettings settings, IReadOnlyDictionary<string, TriggerOverride> overrides)
    {
        foreach (var (section, change) in overrides)
        {
            settings = section switch
            {
                CartAbandonment => settings with
                {
                    CartAbandonment = settings.CartAbandonment with
                    {
                        Enabled = change.Enabled ?? settings.CartAbandonment.Enabled,
                        Delay = change.Delay ?? settings.CartAbandonment.Delay,
                    },
                },
                BrowseAbandonment => settings with
                {
                    BrowseAbandonment = settings.BrowseAbandonment with
                    {
                        Enabled = change.Enabled ?? settings.BrowseAbandonment.Enabled,
                        Delay = change.Delay ?? settings.BrowseAbandonment.Delay,
                    },
                },
                HighIntent => settings with
                {
                    HighIntent = settings.HighIntent with
                    {
                        Enabled = change.Enabled ?? settings.HighIntent.Enabled,
                        Threshold = change.Threshold ?? settings.HighIntent.Threshold,
                    },
                },
                LapsingCustomer => settings with
                {
                    LapsingCustomer = settings.LapsingCustomer with
                    {
                        Enabled = change.Enabled ?? settings.LapsingCustomer.Enabled,
                        InactiveDays = change.InactiveDays ?? settings.LapsingCustomer.InactiveDays,
                    },
                },
                _ => settings,
            };
        }

        return settings;
    }

    /// <summary>Unknown sections, fields that do not belong to a section, and values the settings validator refuses.</summary>
    public static void Validate(IReadOnlyDictionary<string, TriggerOverride>? overrides, string path, List<ValidationError> errors)
    {
        foreach (var (section, change) in overrides ?? new Dictionary<string, TriggerOverride>())
        {
            var at = $"{path}.{section}";
            if (!Sections.Contains(section, StringComparer.Ordinal))
            {
                errors.Add(new ValidationError(at, $"Not a trigger a variant can change; use one of {string.Join(", ", Sections)}."));
                continue;
            }

            Misplaced(at, "delay", change.Delay is not null && section is not (CartAbandonment or BrowseAbandonment), errors);
            Misplaced(at, "threshold", change.Threshold is not null && section != HighIntent, errors);
            Misplaced(at, "inactiveDays", change.InactiveDays is not null && section != LapsingCustomer, errors);
            var applied = Apply(new TriggerSettings(), new Dictionary<string, TriggerOverride> { [section] = change });
            foreach (var error in TriggerSettingsValidator.Validate(applied).Where(e => e.Field.StartsWith(section + ".", StringComparison.Ordinal)))
            {
                errors.Add(new ValidationError($"{path}.{error.Field}", error.Message));
            }
        }
    }

    private static void Misplaced(string at, string field, bool misplaced, List<ValidationError> errors)
    {
        if (misplaced)
        {
            errors.Add(new ValidationError($"{at}.{field}", "This trigger has no such setting."));
        }
    }
}
