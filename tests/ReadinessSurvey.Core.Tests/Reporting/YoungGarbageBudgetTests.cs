using ReadinessSurvey.Reporting.Mapping;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>The export's garbage budget: it collects the young generations once its budget is spent, and not before.</summary>
public sealed class YoungGarbageBudgetTests
{
    [Fact]
    public void Collects_generations_0_and_1_once_the_budget_is_spent_and_starts_counting_again()
    {
        var budget = new YoungGarbageBudget(1024 * 1024);
        Allocate(2 * 1024 * 1024);
        var generation1 = GC.CollectionCount(1);

        Assert.True(budget.Check());
        Assert.True(GC.CollectionCount(1) > generation1);
        // Counting starts again from the collection: nothing much has been allocated since.
        Assert.False(budget.Check());
    }

    [Fact]
    public void Does_nothing_while_the_budget_lasts()
    {
        var budget = new YoungGarbageBudget(1024L * 1024 * 1024);
        Allocate(2 * 1024 * 1024);

        Assert.False(budget.Check());
    }

    private static void Allocate(int bytes)
    {
        for (var i = 0; i < bytes / 8192; i++)
        {
            GC.KeepAlive(new byte[8192]);
        }
    }
}
