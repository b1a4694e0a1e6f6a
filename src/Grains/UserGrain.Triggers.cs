using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Experiments;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.Triggers;
using Orleans.Personalization.Grains.Triggers.Rules;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains;

/// <summary>
/// The shopper's real-time triggers (docs/triggers.md). A trigger is a <see cref="TriggerRaised"/> event in
/// the shopper's journal: durable with what caused it, with an id derived from that cause. Event-driven
/// triggers (high intent) are decided before a batch is appended and travel in the same append;
/// abandonment and lapsing wait in durable reminders, armed before the append that makes them possible
/// and re-armed when they find the shopper active since.
/// </summary>
public sealed partial class UserGrain(ShopperTriggers triggers, ExperimentCatalogCache experimentCatalog) : IRemindable
{
    internal const string CartReminder = "trigger:cart-abandonment";
    internal const string BrowseReminder = "trigger:browse-abandonment";
    internal const string LapsingReminder = "trigger:lapsing-customer";

    // This activation's knowledge of its trigger reminders: the due time, null for none; absent until read.
    private readonly ReminderDueTimes _reminders = new();
    private TriggerBatch? _triggerBatch;

    public async Task ReceiveReminderAsync(string reminderName, ReminderTick tick)
    {
        // The reminder service deletes this reminder after the call, unless it is registered again below.
        _reminders.Set(reminderName, null);
        if (State.MergedInto is not null)
        {
            return;
        }

        var settings = await TriggerSettingsAsync(assign: false);
        var now = TimeProvider.GetUtcNow();
        switch (reminderName)
        {
            case CartReminder:
                await OnCartReminderAsync(settings, now);
                break;
            case BrowseReminder:
                await OnBrowseReminderAsync(settings, now);
                break;
            case LapsingReminder:
                await OnLapsingReminderAsync(settings, now);
                break;
        }
    }

    public async Task ProductChangedAsync(ProductChange change)
    {
        if (State.MergedInto is not null || Version == 0 || State.Triggers.HandledChanges.Contains(change.ChangeId))
        {
            return;
        }

        var settings = await TriggerSettingsAsync(assign: false);
        foreach (var (type, facts) in CatalogChangeRule.Evaluate(change, State, settings))
        {
            var trigger = await BuildTriggerAsync(type, change.ChangeId, facts, settings, [change.ProductId]);
            RaiseEvent(Raised(trigger) with { ChangeId = change.ChangeId });
        }

        await ConfirmEventsAsync();
    }

    private void BeginTriggerBatch() => _triggerBatch = new TriggerBatch(State.Triggers);

    /// <summary>Notes an event of the current batch (returns it, to wrap RaiseEvent's argument).</summary>
    private ShopperEvent Tracked(ShopperEvent e)
    {
        _triggerBatch?.Add(e);
        return e;
    }

    /// <summary>
    /// Before the batch's append: raises the triggers its events cause into the same append, and arms the
    /// reminders it makes necessary in that append too, so a crash never leaves a durable cart without its
    /// reminder. Returns the reminders armed, for <see cref="ArmedWithBatch"/> once the append has landed.
    /// </summary>
    private async Task<List<(string Name, DateTimeOffset DueAt)>> PrepareTriggersAsync()
    {
        var armed = new List<(string Name, DateTimeOffset DueAt)>();
        var batch = _triggerBatch;
        _triggerBatch = null;
        if (batch is null || batch.Count == 0)
        {
            return armed;
        }

        var settings = await TriggerSettingsAsync(assign: true);
        var now = TimeProvider.GetUtcNow();
        await RaiseHighIntentAsync(batch, settings, now);
        var after = batch.After;
        var lastActivity = DateTimeOffset.FromUnixTimeMilliseconds(after.LastActivityAt);
        if (settings.CartAbandonment.Enabled && after.CartVersion != batch.CartVersionBefore && (batch.AddsToCart || State.Cart.Lines.Count > 0))
        {
            await EnsureReminderAsync(CartReminder, lastActivity + settings.CartAbandonment.Delay, now, armed);
        }

        if (settings.BrowseAbandonment.Enabled && batch.HasViews
            && BrowseAbandonmentRule.Qualifying(after, State.Cart, settings.BrowseAbandonment).Count > 0)
        {
            await EnsureReminderAsync(BrowseReminder, lastActivity + settings.BrowseAbandonment.Delay, now, armed);
        }

        if (settings.LapsingCustomer.Enabled && (State.Purchases.Orders > 0 || batch.HasOrder))
        {
            await EnsureReminderAsync(LapsingReminder, lastActivity + TimeSpan.FromDays(settings.LapsingCustomer.InactiveDays), now, armed);
        }

        return armed;
    }

    /// <summary>After the batch's append: this activation knows the reminders armed with it.</summary>
    private void ArmedWithBatch(List<(string Name, DateTimeOffset DueAt)> armed)
    {
        foreach (var (name, dueAt) in armed)
        {
            _reminders.Set(name, dueAt);
        }
    }

    /// <summary>After the append: an emptied cart no longer needs its reminder (it would find nothing anyway).</summary>
    private async Task FinishTriggerBatchAsync()
    {
        if (State.Cart.Lines.Count > 0 || !_reminders.TryGetValue(CartReminder, out var due) || due is null)
        {
            return;
        }

        try
        {
            await UnregisterReminderAsync(CartReminder);
            _reminders.Set(CartReminder, null);
        }
        catch (Exception ex)
        {
            _reminders.Forget(CartReminder);
            TriggerLog.CancelReminderFailed(triggers.Logger, ex);
        }
    }

    private async Task RaiseHighIntentAsync(TriggerBatch batch, TriggerSettings settings, DateTimeOffset now)
    {
        var after = batch.After;
        var at = after.Intent.At;
        var scoreBefore = batch.IntentBefore.ScoreAt(at);
        var scoreAfter = after.Intent.ScoreAt(at);
        if (!settings.HighIntent.Enabled
            || !HighIntentRule.Fires(scoreBefore, scoreAfter, settings.HighIntent, after.IntentFiredAt, now.ToUnixTimeMilliseconds()))
        {
            return;
        }

        var product = batch.LastProduct is { } p ? new TriggerProduct(p.ProductId, p.Name, p.Category, p.Price) : null;
        var facts = new TriggerFacts
        {
            Score = scoreAfter,
            Threshold = settings.HighIntent.Threshold,
            Product = product,
            LastActivityAt = DateTimeOffset.FromUnixTimeMilliseconds(after.LastActivityAt),
        };
        var trigger = await BuildTriggerAsync(TriggerTypes.HighIntent, $"{at}", facts, settings, product is null ? [] : [product.ProductId]);
        RaiseEvent(Raised(trigger));
    }

    private async Task OnCartReminderAsync(TriggerSettings settings, DateTimeOffset now)
    {
        if (!settings.CartAbandonment.Enabled || !CartAbandonmentRule.IsArmed(State))
        {
            return;
        }

        var dueAt = CartAbandonmentRule.DueAt(State.Triggers, settings.CartAbandonment);
        if (now < dueAt)
        {
            await RearmAsync(CartReminder, dueAt, now);
            return;
        }

        var facts = CartAbandonmentRule.Facts(State, dueAt);
        var inCart = State.Cart.Lines.Select(static l => l.ProductId).ToArray();
        var trigger = await BuildTriggerAsync(TriggerTypes.CartAbandonment, $"{State.Triggers.CartVersion}", facts, settings, inCart);
        RaiseEvent(Raised(trigger) with { CartVersion = State.Triggers.CartVersion });
        await ConfirmEventsAsync();
    }

    private async Task OnBrowseReminderAsync(TriggerSettings settings, DateTimeOffset now)
    {
        var browse = settings.BrowseAbandonment;
        var qualifying = browse.Enabled ? BrowseAbandonmentRule.Qualifying(State.Triggers, State.Cart, browse) : [];
        if (qualifying.Count == 0)
        {
            return;
        }

        var dueAt = DateTimeOffset.FromUnixTimeMilliseconds(State.Triggers.LastActivityAt) + browse.Delay;
        if (now < dueAt)
        {
            await RearmAsync(BrowseReminder, dueAt, now);
            return;
        }

        var best = qualifying[0];
        var seen = State.RecentlyViewed.Items.Find(p => p.ProductId == best.ProductId);
        var facts = new TriggerFacts
        {
            DueAt = dueAt,
            LastActivityAt = DateTimeOffset.FromUnixTimeMilliseconds(State.Triggers.LastActivityAt),
            Product = new TriggerProduct(best.ProductId, Category: seen?.Category, Price: seen?.Price),
            Views = best.Views,
        };
        var products = qualifying.Select(static q => q.ProductId).ToArray();
        var trigger = await BuildTriggerAsync(TriggerTypes.BrowseAbandonment, $"{best.ProductId}\n{best.LastViewAt}", facts, settings, products);
        RaiseEvent(Raised(trigger) with { Products = products });
        await ConfirmEventsAsync();
    }

    private async Task OnLapsingReminderAsync(TriggerSettings settings, DateTimeOffset now)
    {
        var lapsing = settings.LapsingCustomer;
        if (!lapsing.Enabled || !LapsingCustomerRule.IsArmed(State))
        {
            return;
        }

        var dueAt = LapsingCustomerRule.DueAt(State.Triggers, lapsing);
        if (now < dueAt)
        {
            await RearmAsync(LapsingReminder, dueAt, now);
            return;
        }

        if (LapsingCustomerRule.LoyaltyAtLastActivity(State) < lapsing.MinLoyalty)
        {
            return;
        }

        var facts = LapsingCustomerRule.Facts(State, dueAt, now);
        var trigger = await BuildTriggerAsync(TriggerTypes.LapsingCustomer, $"{State.Triggers.LastActivityAt}", facts, settings, []);
        RaiseEvent(Raised(trigger) with { LastActivityAt = State.Triggers.LastActivityAt });
        await ConfirmEventsAsync();
    }

    /// <summary>
    /// Makes sure the reminder fires no later than <paramref name="dueAt"/> (one that fires earlier re-arms itself
    /// then): if not, arms it with the batch's events and adds it to <paramref name="armed"/>.
    /// </summary>
    private async Task EnsureReminderAsync(string name, DateTimeOffset dueAt, DateTimeOffset now, List<(string Name, DateTimeOffset DueAt)> armed)
    {
        if (!_reminders.TryGetValue(name, out var known))
        {
            // A shopper with an empty journal has no reminder that matters, so nothing is read: one armed for
            // an append that never landed would find nothing to do, and arming this one replaces it.
            known = Version == 0 ? null : (await GetReminderAsync(name))?.DueAt;
            _reminders.Set(name, known);
        }

        if (known is { } existing && existing <= dueAt)
        {
            return;
        }

        var wait = dueAt > now ? dueAt - now : TimeSpan.Zero;
        _reminders.Forget(name);
        RegisterOrUpdateReminderWithEvents(name, wait);
        armed.Add((name, now + wait));
    }

    private async Task RearmAsync(string name, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var wait = dueAt > now ? dueAt - now : TimeSpan.Zero;
        _reminders.Forget(name);
        await RegisterOrUpdateReminderAsync(name, wait);
        _reminders.Set(name, now + wait);
    }

    private async Task<Trigger> BuildTriggerAsync(string type, string discriminator, TriggerFacts facts, TriggerSettings settings, IReadOnlyCollection<string> exclude)
    {
        var recommended = settings.RecommendedProducts == 0
            ? []
            : await triggers.Recommender.RecommendAsync(new TriggerRecommendationRequest(
                GrainKey, State, type, exclude.ToHashSet(StringComparer.Ordinal), settings.RecommendedProducts)
            {
                Product = facts.Product?.ProductId,
                Context = RecommendationContext(),
            });
        return new Trigger
        {
            Id = TriggerIds.Create(GrainKey, type, discriminator),
            Type = type,
            OccurredAt = TimeProvider.GetUtcNow(),
            Shopper = new TriggerShopper(GrainKey, ShopperKey.IsAnonymous(GrainKey) ? State.UserId : ShopperKey.IdOf(GrainKey), AnonymousIdsOf()),
            Facts = facts,
            RecommendedProducts = recommended,
            Holdout = Holdout.Contains(GrainKey, settings.HoldoutPercent),
        };
    }

    private string[] AnonymousIdsOf() => ShopperKey.IsAnonymous(GrainKey)
        ? [ShopperKey.IdOf(GrainKey), .. State.AnonymousIds.Where(id => id != ShopperKey.IdOf(GrainKey))]
        : [.. State.AnonymousIds];

    private TriggerRaised Raised(Trigger trigger) => new()
    {
        MessageId = "trigger:" + trigger.Id,
        Timestamp = trigger.OccurredAt,
        ReceivedAt = trigger.OccurredAt,
        UserId = trigger.Shopper.UserId,
        Trigger = trigger,
    };
}
