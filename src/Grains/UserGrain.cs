using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Grains.Interfaces.Profiles;
using Orleans.Personalization.Grains.Profiles;
using Orleans.Personalization.Grains.State;
using Orleans.Personalization.Runtime.EventSourcing;
using Orleans.Personalization.Runtime.Serialization;

namespace Orleans.Personalization.Grains;

/// <summary>
/// A shopper: absorbs its events into the journal and keeps the live profile. Retries are dropped by
/// messageId; a message carrying both a userId and an anonymousId merges the anonymous history in.
/// </summary>
public sealed partial class UserGrain : JournaledGrain<ShopperState, ShopperEvent>, IUserGrain
{
    /// <summary>The most anonymous events copied into a user at a merge (the latest are kept).</summary>
    public const int MaxMergedEvents = 10_000;

    protected override JsonTypeInfo<ShopperEvent> EventTypeInfo => ShopperJsonContext.Default.ShopperEvent;

    protected override JsonTypeInfo<ShopperState> StateTypeInfo => ShopperJsonContext.Default.ShopperState;

    public async Task<TrackResult> TrackAsync(IReadOnlyList<TrackedMessage> messages)
    {
        if (State.MergedInto is { } mergedInto)
        {
            return new TrackResult(0, 0, ShopperKey.ForUser(mergedInto));
        }

        BeginTriggerBatch();
        var accepted = 0;
        var inThisBatch = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (State.SeenMessages.Contains(message.MessageId) || !inThisBatch.Add(message.MessageId))
            {
                continue;
            }

            accepted++;
            if (message.Kind == MessageKind.Alias)
            {
                if (!State.AnonymousIds.Contains(message.PreviousId!))
                {
                    await MergeAnonymousAsync(message.PreviousId!, message, message.MessageId);
                }

                continue;
            }

            if (message.UserId is not null && message.AnonymousId is { } anonymousId && !State.AnonymousIds.Contains(anonymousId))
            {
                await MergeAnonymousAsync(anonymousId, message, $"merge:{anonymousId}");
            }

            RaiseEvent(Tracked(ShopperEventReader.Read(message)));
        }

        var armed = await PrepareTriggersAsync();
        await ConfirmEventsAsync();
        ArmedWithBatch(armed);
        await FinishTriggerBatchAsync();
        return new TrackResult(accepted, messages.Count - accepted);
    }

    public Task<UserProfile?> GetProfileAsync()
    {
        if (State.MergedInto is { } mergedInto)
        {
            return Task.FromResult<UserProfile?>(new UserProfile { MergedIntoUserId = mergedInto, AsOf = TimeProvider.GetUtcNow() });
        }

        return Task.FromResult(Version == 0 ? null : ProfileProjector.Project(State, TimeProvider.GetUtcNow()));
    }

    public Task<string> GetStateJsonAsync() => Task.FromResult(CanonicalJson.Normalize(SerializeState()));

    public async Task<MergedHistory> MergeIntoAsync(string userId)
    {
        if (State.MergedInto is null)
        {
            RaiseEvent(new MergedIntoUser
            {
                MessageId = $"merged-into:{userId}",
                Timestamp = TimeProvider.GetUtcNow(),
                ReceivedAt = TimeProvider.GetUtcNow(),
                MergedUserId = userId,
            });
            await ConfirmEventsAsync();
        }

        if (State.MergedInto != userId)
        {
            return new MergedHistory(State.MergedInto!, []);
        }

        var history = (await ReadJournalAsync())
            .Where(static e => e is not MergedIntoUser)
            .TakeLast(MaxMergedEvents)
            .Select(e => JsonSerializer.SerializeToElement(e, EventTypeInfo))
            .ToArray();
        return new MergedHistory(userId, history);
    }

    /// <summary>
    /// Confirms what the batch raised so far (so journal order stays the order applied), asks the anonymous
    /// shopper to merge, and raises the merge with its history if it merged into this user.
    /// </summary>
    private async Task MergeAnonymousAsync(string anonymousId, TrackedMessage cause, string messageId)
    {
        await ConfirmEventsAsync();
        var anonymous = GrainFactory.GetGrain<IUserGrain>(ShopperKey.ForAnonymous(anonymousId));
        var userId = cause.UserId!;
        var history = await anonymous.MergeIntoAsync(userId);
        if (history.MergedInto != userId)
        {
            return;
        }

        RaiseEvent(Tracked(new AnonymousHistoryMerged
        {
            MessageId = messageId,
            Timestamp = cause.Timestamp,
            ReceivedAt = cause.ReceivedAt,
            UserId = userId,
            AnonymousId = anonymousId,
            MergedAnonymousId = anonymousId,
            Events = history.Events.Select(e => e.Deserialize(EventTypeInfo)!).ToArray(),
        }));
    }
}
