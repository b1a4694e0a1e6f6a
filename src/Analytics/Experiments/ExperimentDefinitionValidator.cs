namespace Orleans.Personalization.Analytics.Experiments;

internal static class ExperimentDefinitionValidator
{
    public static IReadOnlyList<ValidationError> Validate(ExperimentDefinition definition)
    {
        var errors = new List<ValidationError>();
        KeyRules.Validate(definition.Key, "key", errors);
        if (definition.Version < 1)
        {
            errors.Add(new ValidationError("version", $"Versions start at 1, got {definition.Version}."));
        }

        ValidateVariants(definition, errors);
        KeyRules.ValidatePercent(definition.TrafficPercent, "trafficPercent", errors);
        KeyRules.ValidateTargeting(definition.Targeting, errors);
        return errors;
    }

    private static void ValidateVariants(ExperimentDefinition definition, List<ValidationError> errors)
    {
        var variants = definition.Variants;
        if (variants is null || variants.Count < 2)
        {
            errors.Add(new ValidationError("variants", "An experiment needs at least two variants."));
            return;
        }

        if (variants.Count > ExperimentDefinition.MaxVariants)
        {
            errors.Add(new ValidationError("variants", $"An experiment has at most {ExperimentDefinition.MaxVariants} variants, got {variants.Count}."));
        }

        // Case-insensitive, so "Green" and "green" cannot split one variant's results in two.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var weightsValid = true;
        for (var i = 0; i < variants.Count; i++)
        {
            var field = $"variants[{i}]";
            if (variants[i] is not { } variant)
            {
                errors.Add(new ValidationError(field, "A variant is required."));
                weightsValid = false;
                continue;
            }

            KeyRules.Validate(variant.Key, $"{field}.key", errors);
            if (variant.Key is not null && !seen.Add(variant.Key))
            {
                errors.Add(new ValidationError($"{field}.key", $"Duplicate variant key '{variant.Key}'."));
            }

            if (variant.Weight is < 0 or > 100)
            {
                errors.Add(new ValidationError($"{field}.weight", $"A weight is a percentage from 0 to 100, got {variant.Weight}."));
                weightsValid = false;
            }
        }

        var total = variants.Where(v => v is not null).Sum(v => (long)v.Weight);
        if (weightsValid && total != 100)
        {
            errors.Add(new ValidationError("variants", $"Variant weights must sum to 100, got {total}."));
        }

        if (definition.Control is { } control && !variants.Any(v => v?.Key == control))
        {
            errors.Add(new ValidationError("control", $"The control '{control}' is not one of the variants."));
        }
    }
}
