using IntakeBot.Dialogs.Language;

namespace IntakeBot.Dialogs.Tests.Language;

public sealed class AzurePiiCategoriesTests
{
    [Theory]
    [InlineData("Person", PiiCategory.Person)]
    [InlineData("PhoneNumber", PiiCategory.PhoneNumber)]
    [InlineData("Email", PiiCategory.Email)]
    [InlineData("Address", PiiCategory.Address)]
    [InlineData("DateOfBirth", PiiCategory.DateOfBirth)]
    [InlineData("JPMyNumberPersonal", PiiCategory.MyNumber)]
    public void Service_categories_map_to_ours(string azure, PiiCategory expected)
    {
        Assert.True(AzurePiiCategories.TryMap(azure, out var category));
        Assert.Equal(expected, category);
    }

    [Theory]
    [InlineData("Date")]
    [InlineData("Age")]
    [InlineData("Organization")]
    [InlineData("PersonType")]
    [InlineData(null)]
    public void Categories_the_intake_needs_or_does_not_redact_are_not_mapped(string? azure)
    {
        Assert.False(AzurePiiCategories.TryMap(azure, out _));
    }

    [Fact]
    public void Every_requested_category_maps_back_and_no_ordinary_dates_are_requested()
    {
        Assert.All(AzurePiiCategories.Requested, name => Assert.True(AzurePiiCategories.TryMap(name, out _)));
        Assert.DoesNotContain("Date", AzurePiiCategories.Requested);
    }
}
