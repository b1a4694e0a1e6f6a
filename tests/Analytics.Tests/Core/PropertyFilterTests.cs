using System.Text.Json;

namespace Orleans.Personalization.Analytics.Tests.Core;

public sealed class PropertyFilterTests
{
    private static readonly Dictionary<string, string> Product = new() { ["category"] = "shoes", ["price"] = "59.90", ["brand"] = "Acme Running" };

    [Theory]
    [InlineData("category", FilterOperator.Equals, "shoes", true)]
    [InlineData("category", FilterOperator.Equals, "Shoes", false)] // ordinal
    [InlineData("category", FilterOperator.NotEquals, "hats", true)]
    [InlineData("colour", FilterOperator.NotEquals, "red", true)]   // missing differs from anything
    [InlineData("brand", FilterOperator.Contains, "Running", true)]
    [InlineData("price", FilterOperator.GreaterThan, "59.9", false)]
    [InlineData("price", FilterOperator.GreaterOrEqual, "59.9", true)] // numeric, not textual: "59.90" = 59.9
    [InlineData("price", FilterOperator.LessThan, "100", true)]
    [InlineData("brand", FilterOperator.LessThan, "100", false)]    // not a number: never matches
    [InlineData("colour", FilterOperator.Exists, null, false)]
    [InlineData("colour", FilterOperator.NotExists, null, true)]
    public void FilterComparesAsDocumented(string property, FilterOperator op, string? value, bool expected)
    {
        Assert.Equal(expected, new PropertyFilter(property, op, value).Matches(Product));
    }

    [Fact]
    public void InAndNotInTestMembership()
    {
        Assert.True(PropertyFilter.OneOf("category", "hats", "shoes").Matches(Product));
        Assert.False((PropertyFilter.OneOf("category", "hats", "shoes") with { Operator = FilterOperator.NotIn }).Matches(Product));
    }

    [Fact]
    public void JsonPropertiesFlattenToInvariantText()
    {
        using var json = JsonDocument.Parse("""{"category":"shoes","price":19.90,"on_sale":true,"coupon":null,"sizes":[41,42]}""");

        var properties = EventProperties.FromJson(json.RootElement);

        Assert.Equal("shoes", properties["category"]);
        Assert.Equal("19.90", properties["price"]);
        Assert.Equal("true", properties["on_sale"]);
        Assert.False(properties.ContainsKey("coupon"));
        Assert.Equal("[41,42]", properties["sizes"]);
        Assert.True(new PropertyFilter("price", FilterOperator.LessThan, "20").Matches(properties));
    }
}
