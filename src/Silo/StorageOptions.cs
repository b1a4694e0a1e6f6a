using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Silo;

/// <summary>Which storage the silo uses (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    /// <summary>"Sqlite": embedded, one silo, no setup (the default). "PostgreSql": shared by a cluster of silos.</summary>
    [RegularExpression("^(Sqlite|PostgreSql)$", ErrorMessage = "Storage:Provider must be Sqlite (one silo, embedded) or PostgreSql (a cluster).")]
    public string Provider { get; set; } = Sqlite;
}
