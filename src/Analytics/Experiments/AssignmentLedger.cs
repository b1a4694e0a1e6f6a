namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>
/// Who was assigned what. Assignments are sticky: once recorded, re-weighting, retargeting or a new version
/// never moves a shopper, and an identity merge carries the assignment to the merged person. The grain layer
/// rebuilds the ledger from exposure events in the log.
/// </summary>
public sealed class AssignmentLedger
{
    private readonly Dictionary<string, Dictionary<string, Assignment>> _byPerson = new(StringComparer.Ordinal);

    public int Count => _byPerson.Values.Sum(a => a.Count);

    public Assignment? Find(string personId, string experimentKey) =>
        _byPerson.TryGetValue(personId, out var assignments) ? assignments.GetValueOrDefault(experimentKey) : null;

    public IEnumerable<Assignment> ForExperiment(string experimentKey) =>
        _byPerson.Values.Select(a => a.GetValueOrDefault(experimentKey)).OfType<Assignment>();

    /// <summary>Records an assignment unless the person already has one for the experiment; returns the one in force.</summary>
    public Assignment Record(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (!_byPerson.TryGetValue(assignment.PersonId, out var assignments))
        {
            assignments = new Dictionary<string, Assignment>(StringComparer.Ordinal);
            _byPerson[assignment.PersonId] = assignments;
        }

        if (assignments.TryGetValue(assignment.ExperimentKey, out var existing))
        {
            return existing;
        }

        assignments[assignment.ExperimentKey] = assignment;
        return assignment;
    }

    /// <summary>
    /// Moves the anonymous id's assignments to the person. Where both had one for the same experiment, the
    /// earlier stays (the shopper saw it first; ties keep the person's) and the conflict is returned so that
    /// analysis can report the crossover.
    /// </summary>
    public IReadOnlyList<AssignmentConflict> Merge(string anonymousId, string personId)
    {
        if (anonymousId == personId || !_byPerson.Remove(anonymousId, out var moved))
        {
            return [];
        }

        var conflicts = new List<AssignmentConflict>();
        foreach (var assignment in moved.Values.OrderBy(a => a.ExperimentKey, StringComparer.Ordinal))
        {
            var carried = assignment with { PersonId = personId };
            var existing = Find(personId, assignment.ExperimentKey);
            if (existing is null)
            {
                Record(carried);
                continue;
            }

            if (existing.Variant == carried.Variant)
            {
                continue;
            }

            var keepCarried = carried.AssignedAt < existing.AssignedAt;
            if (keepCarried)
            {
                _byPerson[personId][assignment.ExperimentKey] = carried;
            }

            conflicts.Add(new AssignmentConflict(
                assignment.ExperimentKey, personId, keepCarried ? carried : existing, keepCarried ? existing : carried));
        }

        return conflicts;
    }
}
