namespace Orleans.Personalization.Analytics;

/// <summary>How a <see cref="PropertyFilter"/> compares a property; comparisons of text are ordinal.</summary>
public enum FilterOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Contains,
    Exists,
    NotExists,
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
}
