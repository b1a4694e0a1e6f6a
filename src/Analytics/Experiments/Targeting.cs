namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>Evaluates targeting conditions against a shopper's attributes: traits plus live profile fields.</summary>
internal static class Targeting
{
    public static bool Matches(IReadOnlyList<PropertyFilter>? conditions, IReadOnlyDictionary<string, string>? attributes)
    {
        if (conditions is null || conditions.Count == 0)
        {
            return true;
        }

        var values = attributes ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
        for (var i = 0; i < conditions.Count; i++)
        {
            if (!conditions[i].Matches(values))
            {
                return false;
            }
        }

        return true;
    }
}
