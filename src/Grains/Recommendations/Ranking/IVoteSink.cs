namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>Where session kNN puts each vote as it is cast (a product may get several; they add up).</summary>
public interface IVoteSink
{
    void Vote(string productId, double vote);
}
