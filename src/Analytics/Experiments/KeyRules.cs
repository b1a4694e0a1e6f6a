namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>Keys of experiments, variants and flags travel in URLs and hash inputs, so they are kept to a plain alphabet.</summary>
internal static class KeyRules
{
    public static void Validate(string? key, string field, ICollection<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add(new ValidationError(field, "A key is required."));
        }
        else if (key.Length > ExperimentDefinition.MaxKeyLength)
        {
            errors.Add(new ValidationError(field, $"A key has at most {ExperimentDefinition.MaxKeyLength} characters, got {key.Length}."));
        }
        else if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(new ValidationError(field, $"A key may hold letters, digits, '-', '_' and '.', got '{key}'."));
        }
    }

    public static void ValidatePercent(double percent, string field, ICollection<ValidationError> errors)
    {
        if (!(percent >= 0 && percent <= 100))
        {
            errors.Add(new ValidationError(field, $"Must be a percentage from 0 to 100, got {percent}."));
        }
    }

    public static void ValidateTargeting(IReadOnlyList<PropertyFilter>? targeting, List<ValidationError> errors)
    {
        for (var i = 0; i < (targeting?.Count ?? 0); i++)
        {
            if (targeting![i] is null)
            {
                errors.Add(new ValidationError($"targeting[{i}]", "A condition is required."));
                continue;
            }

            errors.AddRange(targeting[i].Validate($"targeting[{i}]"));
        }
    }
}
