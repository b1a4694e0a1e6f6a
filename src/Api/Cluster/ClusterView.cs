namespace Orleans.Personalization.Api.Cluster;

/// <summary>The cluster as the answering silo sees it in the shared tables.</summary>
public sealed record ClusterView(string AnsweringSilo, int PartitionCount, IReadOnlyList<SiloView> Silos, IReadOnlyList<int> UnassignedPartitions);
