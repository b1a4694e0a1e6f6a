namespace Orleans.Personalization.Grains.Analytics;

/// <summary>What the read model remembers per shopper stream: its current session and its latest order ids (a repeated order counts once, as in the profile).</summary>
internal sealed class ShopperStream
{
    private const int RememberedOrders = 8;
    private string[]? _orders;
    private int _nextOrder;

    public SessionSpan? Current { get; set; }

    public int Sessions { get; set; }

    /// <summary>True the first time an order id is seen in this stream (among its latest orders).</summary>
    public bool FirstTimeOrder(string orderId)
    {
        _orders ??= new string[RememberedOrders];
        if (Array.IndexOf(_orders, orderId) >= 0)
        {
            return false;
        }

        _orders[_nextOrder] = orderId;
        _nextOrder = (_nextOrder + 1) % RememberedOrders;
        return true;
    }
}
