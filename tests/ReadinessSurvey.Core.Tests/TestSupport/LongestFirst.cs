using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ReadinessSurvey.Tests.TestSupport;

/// <summary>
/// Starts the longest test collections first, so that a run on two cores does not end on one long collection
/// started late: the disclosure attack's rounds (<c>Category=Audit</c>) and the browser tests (their one shared
/// collection runs one test after another) first, then the slow ones (<c>Category=Slow</c>), then the rest in
/// xUnit's own order. Only the order in which collections start changes; they still run side by side.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    /// <summary>The orderer's type name, for <see cref="TestCollectionOrdererAttribute"/>.</summary>
    public const string TypeName = "ReadinessSurvey.Tests.TestSupport.LongestFirst";

    private static readonly string[] Longest = ["Audit", "Browser"];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var collections = testCollections.ToList();
        if (collections.Count == 0)
        {
            return collections;
        }

        var categories = Categories(((IReflectionAssemblyInfo)collections[0].TestAssembly.Assembly).Assembly);
        return collections.OrderBy(c => Rank(categories.GetValueOrDefault(c.DisplayName) ?? []));
    }

    private static int Rank(HashSet<string> categories) =>
        categories.Overlaps(Longest) ? 0 : categories.Contains("Slow") ? 1 : 2;

    /// <summary>Each collection's name (as xUnit names it) with the Category traits of the classes in it.</summary>
    private static Dictionary<string, HashSet<string>> Categories(Assembly assembly)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract))
        {
            var collection = type.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType == typeof(CollectionAttribute));
            var name = collection is null ? $"Test collection for {type.FullName}" : (string)collection.ConstructorArguments[0].Value!;
            var traits = type.GetCustomAttributesData()
                .Where(a => a.AttributeType == typeof(TraitAttribute) && Equals(a.ConstructorArguments[0].Value, "Category"))
                .Select(a => (string)a.ConstructorArguments[1].Value!);
            if (!result.TryGetValue(name, out var set))
            {
                result[name] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(traits);
        }

        return result;
    }
}
