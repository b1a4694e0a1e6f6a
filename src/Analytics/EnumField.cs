namespace Orleans.Personalization.Analytics;

/// <summary>Parses enum names arriving as text (query strings, JSON) into a named validation error instead of an exception.</summary>
public static class EnumField
{
    /// <summary>
    /// Accepts a member name, case-insensitively; numbers are refused, because "7" would otherwise parse
    /// into an undefined member.
    /// </summary>
    public static bool TryParse<TEnum>(string? text, string field, ICollection<ValidationError> errors, out TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        var unsigned = text?.Trim().TrimStart('-', '+') ?? string.Empty;
        if (unsigned.Length > 0
            && !char.IsAsciiDigit(unsigned[0])
            && Enum.TryParse(text, ignoreCase: true, out value)
            && Enum.IsDefined(value))
        {
            return true;
        }

        value = default;
        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        errors.Add(new ValidationError(field, $"Unknown value '{text}'; expected one of: {allowed}."));
        return false;
    }
}
