namespace Orleans.Personalization.Recommendations.Users;

/// <summary>Each user's ratings grouped, shared by the user recommenders.</summary>
public sealed class UserHistory
{
    private readonly Dictionary<long, List<Rating>> _byUser = [];

    public UserHistory(IEnumerable<Rating> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        foreach (var rating in ratings)
        {
            if (!_byUser.TryGetValue(rating.UserId, out var list))
            {
                list = [];
                _byUser.Add(rating.UserId, list);
            }

            list.Add(rating);
        }
    }

    public IEnumerable<long> Users => _byUser.Keys;

    public IReadOnlyList<Rating> Of(long userId) => _byUser.TryGetValue(userId, out var list) ? list : [];

    public HashSet<long> ItemsOf(long userId) => Of(userId).Select(r => r.ItemId).ToHashSet();
}
