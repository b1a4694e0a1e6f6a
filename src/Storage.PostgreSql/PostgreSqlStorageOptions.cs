using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>Settings of the PostgreSQL storage (section "Storage:PostgreSql"), shared by every silo of a cluster.</summary>
public sealed class PostgreSqlStorageOptions
{
    public const string SectionName = "Storage:PostgreSql";

    /// <summary>An Npgsql connection string, e.g. "Host=db;Database=personalization;Username=app;Password=...".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:PostgreSql:ConnectionString is required when Storage:Provider is PostgreSql.")]
    public string ConnectionString { get; set; } = "";
}
