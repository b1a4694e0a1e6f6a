using Orleans.Personalization.Analytics;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// Sessions are cut per shopper stream, so a visit that starts anonymously and goes on after login is two
/// sessions, one per stream. Once the ids are known to be one person, sessions of that person that overlap or
/// follow within 30 minutes become one, named after the earliest. Only people with merged ids are looked at.
/// </summary>
internal static class SessionStitcher
{
    /// <summary>For each session of a merged person that joins another, the combined session.</summary>
    public static Dictionary<SessionSpan, StitchedSession> Stitch(EventWindow events, HashSet<string> mergedIds, IdentityGraph identities)
    {
        var stitched = new Dictionary<SessionSpan, StitchedSession>(ReferenceEqualityComparer.Instance);
        if (mergedIds.Count == 0)
        {
            return stitched;
        }

        var byPerson = new Dictionary<string, List<SessionSpan>>(StringComparer.Ordinal);
        var seen = new HashSet<SessionSpan>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < events.Count; i++)
        {
            var stored = events.Stored(i);
            if (mergedIds.Contains(stored.Event.PersonId) && seen.Add(stored.Session))
            {
                var person = identities.Resolve(stored.Event.PersonId);
                if (!byPerson.TryGetValue(person, out var sessions))
                {
                    sessions = [];
                    byPerson[person] = sessions;
                }

                sessions.Add(stored.Session);
            }
        }

        foreach (var sessions in byPerson.Values.Where(static s => s.Count > 1))
        {
            sessions.Sort(static (a, b) => a.StartTicks != b.StartTicks ? a.StartTicks.CompareTo(b.StartTicks) : string.CompareOrdinal(a.Id, b.Id));
            var group = new List<SessionSpan> { sessions[0] };
            var end = sessions[0].EndTicks;
            for (var i = 1; i <= sessions.Count; i++)
            {
                if (i < sessions.Count && sessions[i].StartTicks <= end + SessionSpan.TimeoutTicks)
                {
                    group.Add(sessions[i]);
                    end = Math.Max(end, sessions[i].EndTicks);
                    continue;
                }

                if (group.Count > 1)
                {
                    var combined = new StitchedSession(group[0].Id, group[0].StartTicks);
                    foreach (var member in group)
                    {
                        stitched[member] = combined;
                    }
                }

                if (i < sessions.Count)
                {
                    group = [sessions[i]];
                    end = sessions[i].EndTicks;
                }
            }
        }

        return stitched;
    }
}
