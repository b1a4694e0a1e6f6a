using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Runtime.Hosting;

/// <summary>Settings of the grain runtime (section "Silo").</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>This silo's id, unique in the cluster. Defaults to host name and process id.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._:-]{1,100}$", ErrorMessage = "Silo:SiloId may hold letters, digits and . _ : - (at most 100).")]
    public string SiloId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>The address other silos reach this one at (its HTTP base address).</summary>
    public string Address { get; set; } = "";

    /// <summary>
    /// Number of log partitions. Fixed when the cluster's storage is created: a silo configured with a
    /// different count refuses to start.
    /// </summary>
    [Range(1, 4096)]
    public int PartitionCount { get; set; } = 64;

    /// <summary>An activation unused for this long is deactivated (its state stays in storage).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ActivationIdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A grain call that takes longer fails with a timeout (a deadlock between grains shows up here).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan GrainCallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A snapshot is written after this many events since the last one (and on deactivation).</summary>
    [Range(1, 1_000_000)]
    public int SnapshotEveryEvents { get; set; } = 100;

    /// <summary>How often due reminders are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Length of a partition lease. A silo that stops renewing (killed, cut off) loses its partitions after
    /// this, and survivors take them at their next renewal: failover takes at most about
    /// LeaseDuration + LeaseRenewInterval. A silo that cannot renew for this long stops writing on its own.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often leases are renewed, the membership read, and partitions rebalanced.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Shared secret that silos present to each other on forwarded grain calls. Required when several silos
    /// share a store; keep it out of source control.
    /// </summary>
    public string ClusterSecret { get; set; } = "";
}
