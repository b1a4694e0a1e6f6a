namespace Orleans.Personalization.Analytics;

/// <summary>
/// A condition on one property of an event (funnel steps) or one attribute of a shopper (experiment and
/// flag targeting). Numeric operators parse both sides with the invariant culture; a property that is
/// missing or not a number never matches them.
/// </summary>
public sealed record PropertyFilter(string Property, FilterOperator Operator, string? Value = null)
{
    /// <summary>The candidate values for <see cref="FilterOperator.In"/> and <see cref="FilterOperator.NotIn"/>.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    public static PropertyFilter Equal(string property, string value) => new(property, FilterOperator.Equals, value);

    public static PropertyFilter OneOf(string property, params string[] values) =>
        new(property, FilterOperator.In) { Values = values };

    public bool Matches(IReadOnlyDictionary<string, string> properties)
    {
        var present = properties.TryGetValue(Property, out var actual);
        return Operator switch
        {
            FilterOperator.Exists => present,
            FilterOperator.NotExists => !present,
            FilterOperator.Equals => present && string.Equals(actual, Value, StringComparison.Ordinal),
            FilterOperator.NotEquals => !present || !string.Equals(actual, Value, StringComparison.Ordinal),
            FilterOperator.In => present && Values is not null && Values.Contains(actual!, StringComparer.Ordinal),
            FilterOperator.NotIn => !present || Values is null || !Values.Contains(actual!, StringComparer.Ordinal),
            FilterOperator.Contains => present && Value is not null && actual!.Contains(Value, StringComparison.Ordinal),
            _ => present && CompareNumbers(actual, Value, Operator),
        };
    }

    internal IEnumerable<ValidationError> Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Property))
        {
            yield return new ValidationError($"{path}.property", "A property name is required.");
        }

        if (!Enum.IsDefined(Operator))
        {
            yield return new ValidationError($"{path}.operator", $"Unknown operator '{(int)Operator}'.");
            yield break;
        }

        switch (Operator)
        {
            case FilterOperator.In or FilterOperator.NotIn when Values is null || Values.Count == 0:
                yield return new ValidationError($"{path}.values", $"Operator '{Operator}' needs at least one value.");
                break;
            case FilterOperator.Equals or FilterOperator.NotEquals or FilterOperator.Contains when Value is null:
                yield return new ValidationError($"{path}.value", $"Operator '{Operator}' needs a value.");
                break;
            case FilterOperator.GreaterThan or FilterOperator.GreaterOrEqual or FilterOperator.LessThan or FilterOperator.LessOrEqual
                when !EventProperties.TryParseNumber(Value, out _):
                yield return new ValidationError($"{path}.value", $"Operator '{Operator}' needs a number, got '{Value}'.");
                break;
            default:
                break;
        }
    }

    private static bool CompareNumbers(string? actual, string? expected, FilterOperator op)
    {
        if (!EventProperties.TryParseNumber(actual, out var a) || !EventProperties.TryParseNumber(expected, out var b))
        {
            return false;
        }

        return op switch
        {
            FilterOperator.GreaterThan => a > b,
            FilterOperator.GreaterOrEqual => a >= b,
            FilterOperator.LessThan => a < b,
            FilterOperator.LessOrEqual => a <= b,
            _ => false,
        };
    }
}
