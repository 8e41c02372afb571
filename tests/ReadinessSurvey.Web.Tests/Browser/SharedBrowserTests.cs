namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>
/// Every test class that drives the browser shares the one server and browser of the "Browser" collection
/// and carries the Browser category, so a run starts Chromium once and the fast loop leaves them all out.
/// </summary>
public sealed class SharedBrowserTests
{
    [Fact]
    public void Every_class_that_takes_the_browser_fixture_is_in_the_shared_collection_with_the_browser_trait()
    {
        var users = typeof(SharedBrowserTests).Assembly.GetTypes()
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(BrowserFixture))))
            .ToList();

        var astray = users
            .Where(t => !t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CollectionAttribute) && Equals(a.ConstructorArguments[0].Value, SharedBrowser.Name))
                || !t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
                    && Equals(a.ConstructorArguments[0].Value, "Category") && Equals(a.ConstructorArguments[1].Value, SharedBrowser.Trait)))
            .Select(t => t.Name)
            .ToList();

        Assert.NotEmpty(users);
        Assert.True(astray.Count == 0, "Put these in [Collection(SharedBrowser.Name)] with [Trait(\"Category\", SharedBrowser.Trait)]: " + string.Join(", ", astray));
    }
}
