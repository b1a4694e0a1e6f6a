namespace Orleans.Personalization.Analytics.Funnels;

internal static class FunnelDefinitionValidator
{
    public static IReadOnlyList<ValidationError> Validate(FunnelDefinition definition)
    {
        var errors = new List<ValidationError>();
        ValidateSteps(definition.Steps, errors);

        if (!Enum.IsDefined(definition.Order))
        {
            errors.Add(new ValidationError("order", $"Unknown funnel order '{(int)definition.Order}'; expected ordered, strict or unordered."));
        }

        if (definition.Window < FunnelDefinition.MinWindow || definition.Window > FunnelDefinition.MaxWindow)
        {
            errors.Add(new ValidationError(
                "window",
                $"The conversion window must be between {FunnelDefinition.MinWindow} and {FunnelDefinition.MaxWindow.TotalDays} days, got {definition.Window}."));
        }

        ValidateExclusions(definition, errors);
        if (definition.Breakdown is { } breakdown)
        {
            errors.AddRange(breakdown.Validate("breakdown"));
        }

        return errors;
    }

    private static void ValidateSteps(IReadOnlyList<FunnelStep>? steps, List<ValidationError> errors)
    {
        if (steps is null || steps.Count == 0)
        {
            errors.Add(new ValidationError("steps", "A funnel needs at least one step."));
            return;
        }

        if (steps.Count > FunnelDefinition.MaxSteps)
        {
            errors.Add(new ValidationError("steps", $"A funnel has at most {FunnelDefinition.MaxSteps} steps, got {steps.Count}."));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var path = $"steps[{i}]";
            if (steps[i] is not { } step)
            {
                errors.Add(new ValidationError(path, "A step is required."));
                continue;
            }

            ValidateEvent(step.Event, step.Filters, path, errors);
        }
    }

    private static void ValidateExclusions(FunnelDefinition definition, List<ValidationError> errors)
    {
        var exclusions = definition.Exclusions ?? [];
        if (exclusions.Count == 0)
        {
            return;
        }

        if (definition.Order == FunnelOrder.Unordered)
        {
            errors.Add(new ValidationError("exclusions", "Exclusions need an order between steps; they are not supported in unordered funnels."));
        }

        if (exclusions.Count > FunnelDefinition.MaxExclusions)
        {
            errors.Add(new ValidationError("exclusions", $"A funnel has at most {FunnelDefinition.MaxExclusions} exclusions, got {exclusions.Count}."));
        }

        var stepCount = definition.Steps?.Count ?? 0;
        for (var i = 0; i < exclusions.Count; i++)
        {
            var path = $"exclusions[{i}]";
            if (exclusions[i] is not { } exclusion)
            {
                errors.Add(new ValidationError(path, "An exclusion is required."));
                continue;
            }

            ValidateEvent(exclusion.Event, exclusion.Filters, path, errors);
            if (exclusion.FromStep < 0 || exclusion.FromStep >= stepCount - 1)
            {
                errors.Add(new ValidationError($"{path}.fromStep", $"Must name a step from 0 to {stepCount - 2}, got {exclusion.FromStep}."));
            }

            if (exclusion.ToStep <= exclusion.FromStep || exclusion.ToStep >= stepCount)
            {
                errors.Add(new ValidationError($"{path}.toStep", $"Must name a later step than fromStep, at most {stepCount - 1}, got {exclusion.ToStep}."));
            }
        }
    }

    private static void ValidateEvent(string? eventName, IReadOnlyList<PropertyFilter>? filters, string path, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(eventName))
        {
            errors.Add(new ValidationError($"{path}.event", "An event name is required."));
        }

        if (filters is null)
        {
            return;
        }

        if (filters.Count > FunnelStep.MaxFilters)
        {
            errors.Add(new ValidationError($"{path}.filters", $"At most {FunnelStep.MaxFilters} filters, got {filters.Count}."));
        }

        for (var f = 0; f < filters.Count; f++)
        {
            if (filters[f] is null)
            {
                errors.Add(new ValidationError($"{path}.filters[{f}]", "A filter is required."));
                continue;
            }

            errors.AddRange(filters[f].Validate($"{path}.filters[{f}]"));
        }
    }
}
