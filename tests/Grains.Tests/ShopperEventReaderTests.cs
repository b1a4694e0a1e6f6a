using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Ingestion;
using static Orleans.Personalization.Grains.Tests.Message;

namespace Orleans.Personalization.Grains.Tests;

public sealed class ShopperEventReaderTests
{
    [Theory]
    [InlineData("Product Viewed", """{"product_id":"p1"}""", typeof(ProductViewed))]
    [InlineData("product viewed", """{"sku":"s1"}""", typeof(ProductViewed))]
    [InlineData("Product Added", """{"product_id":1}""", typeof(ProductAdded))]
    [InlineData("Product Removed", """{"product_id":"p1"}""", typeof(ProductRemoved))]
    [InlineData("Products Searched", """{"query":"boots"}""", typeof(ProductsSearched))]
    [InlineData("Product List Filtered", """{"filters":[]}""", typeof(ProductListFiltered))]
    [InlineData("Checkout Started", """{"value":10}""", typeof(CheckoutStarted))]
    [InlineData("Order Completed", """{"order_id":"o1","revenue":10}""", typeof(OrderCompleted))]
    [InlineData("Wishlist Product Added", """{"anything":true}""", typeof(CustomEvent))]
    public void SegmentEcommerceNamesMapOntoTheModel(string name, string properties, Type expected)
    {
        var message = Track(name, properties);

        Assert.Empty(ShopperEventReader.Validate(message));
        Assert.IsType(expected, ShopperEventReader.Read(message));
    }

    [Theory]
    [InlineData("Product Viewed", """{"price":3}""", "properties.product_id")]
    [InlineData("Product Viewed", """{"product_id":"p","price":"3"}""", "properties.price")]
    [InlineData("Product Viewed", """{"product_id":"p","price":-1}""", "properties.price")]
    [InlineData("Product Added", """{"product_id":"p","quantity":1.5}""", "properties.quantity")]
    [InlineData("Product Added", """{"product_id":{"a":1}}""", "properties.product_id")]
    [InlineData("Products Searched", """{}""", "properties.query")]
    [InlineData("Product List Filtered", """{"filters":[{"type":"color"}]}""", "properties.filters[0]")]
    [InlineData("Order Completed", """{"revenue":5}""", "properties.order_id")]
    [InlineData("Order Completed", """{"order_id":"o","currency":"euro"}""", "properties.currency")]
    [InlineData("Order Completed", """{"order_id":"o","products":[{"product_id":"a"},{"price":2}]}""", "properties.products[1].product_id")]
    public void WrongFieldsAreNamedByTheirPath(string name, string properties, string field)
    {
        var errors = ShopperEventReader.Validate(Track(name, properties), "batch[3].");

        Assert.Contains(errors, e => e.Field == "batch[3]." + field);
    }

    [Fact]
    public void OriginalPropertiesAndIdentityTravelWithTheEvent()
    {
        var message = Track("Product Viewed", """{"product_id":"p1","color":"red"}""", userId: "u1", anonymousId: "a1");

        var read = ShopperEventReader.Read(message);

        Assert.Equal("red", read.Properties!.Value.GetProperty("color").GetString());
        Assert.Equal(("u1", "a1", message.MessageId), (read.UserId, read.AnonymousId, read.MessageId));
    }
}
