using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Reporting.Mapping;

namespace ReadinessSurvey.Tests.Reporting;

public class WorkbookPartsTests
{
    [Fact]
    public void Runs_ColumnOfCounts_IsOneRangeDown()
    {
        var runs = StyleRuns.Runs([(4, 2), (5, 2), (6, 2), (9, 2)]);

        Assert.Equal([(4, 2, 6, 2), (9, 2, 9, 2)], runs);
    }

    [Fact]
    public void Runs_HeaderRow_IsOneRangeAlong()
    {
        var runs = StyleRuns.Runs([(3, 1), (3, 2), (3, 3), (3, 4)]);

        Assert.Equal([(3, 1, 3, 4)], runs);
    }

    [Fact]
    public void WithDrawing_GoesBeforeTablePartsWithThePrefixOfTheSheet()
    {
        const string xml = """<?xml version="1.0"?><x:worksheet xmlns:x="main"><x:sheetData /><x:headerFooter /><x:tableParts count="1"><x:tablePart r:id="rId1" /></x:tableParts></x:worksheet>""";

        var result = ImageEmbedder.WithDrawing(xml, "rId9");

        Assert.Contains("<x:headerFooter /><x:drawing ", result, StringComparison.Ordinal);
        Assert.Contains("""r:id="rId9" /><x:tableParts""", result, StringComparison.Ordinal);
    }

    [Fact]
    public void WithDrawing_NoLaterElements_GoesBeforeTheEnd()
    {
        var result = ImageEmbedder.WithDrawing("<worksheet><sheetData /></worksheet>", "rId2");

        Assert.EndsWith("""r:id="rId2" /></worksheet>""", result, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<int> Numbers(bool fail)
    {
        for (var i = 0; i < 1000; i++)
        {
            await Task.Yield();
            yield return i;
        }

        if (fail)
        {
            throw new InvalidOperationException("database gone");
        }
    }

    [Fact]
    public async Task ReadAhead_Share_GivesEveryConsumerEveryItemFromOneRead()
    {
        var reads = 0;
        async IAsyncEnumerable<int> Counted()
        {
            reads++;
            await foreach (var n in Numbers(false))
            {
                yield return n;
            }
        }

        var first = new List<int>();
        var second = new List<int>();
        await ReadAhead.ShareAsync(Counted(), 16, [Collect(first), Collect(second)]);

        Assert.Equal(1, reads);
        Assert.Equal(Enumerable.Range(0, 1000), first);
        Assert.Equal(Enumerable.Range(0, 1000), second);

        // A consumer that stops early does not hold the others up.
        var all = new List<int>();
        await ReadAhead.ShareAsync(Numbers(false), 16, [(_, _) => Task.CompletedTask, Collect(all)]);
        Assert.Equal(1000, all.Count);
    }

    [Fact]
    public async Task ReadAhead_Share_ReportsTheFailureNotTheCancellation()
    {
        var failing = await Assert.ThrowsAsync<IOException>(() => ReadAhead.ShareAsync(
            Numbers(false), 16, [(_, _) => throw new IOException("disk full"), Collect([])]));
        Assert.Equal("disk full", failing.Message);

        var source = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAhead.ShareAsync(Numbers(true), 16, [Collect([]), Collect([])]));
        Assert.Equal("database gone", source.Message);
    }

    private static Func<IAsyncEnumerable<int>, CancellationToken, Task> Collect(List<int> into) => async (items, token) =>
    {
        await foreach (var n in items.WithCancellation(token))
        {
            into.Add(n);
        }
    };

    [Fact]
    public async Task ReadAhead_KeepsOrderAndPassesOnFailure()
    {
        var seen = new List<int>();
        await foreach (var n in ReadAhead.Of(Numbers(false), 16))
        {
            seen.Add(n);
        }

        Assert.Equal(Enumerable.Range(0, 1000), seen);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in ReadAhead.Of(Numbers(true), 16))
            {
            }
        });
        Assert.Equal("database gone", error.Message);
    }
}
