using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Silo;

/// <summary>Which storage the silo uses (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>"Sqlite": embedded, one silo, no setup (the default).</summary>
    [RegularExpression("^Sqlite$", ErrorMessage = "Storage:Provider must be Sqlite (embedded storage for one silo).")]
    public string Provider { get; set; } = "Sqlite";
}
