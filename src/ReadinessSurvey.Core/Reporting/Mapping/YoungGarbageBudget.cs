namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Keeps a long streaming job's short-lived garbage bounded: once <c>bytes</c> have been allocated in the
/// process since the last time, it collects the young generations (0 and 1) itself.
/// </summary>
/// <remarks>
/// Note: the apps run non-concurrent workstation GC, for the parallel council workbooks (see the README's
/// design decisions). Under it the collector lets generation 1 grow to a large budget while little
/// survives, and the response export's read batches, alive across a generation-0 collection, piled up
/// there: the 100k-return export peaked at 336-365 MB against 228-239 MB under concurrent GC. Collecting
/// generations 0 and 1 every 32 MB allocated brought it to 255-271 MB and cost no time that could be
/// measured: almost nothing in them is alive, so each collection takes about a millisecond.
/// </remarks>
public sealed class YoungGarbageBudget(long bytes)
{
    /// <summary>The export's budget: a few of its read batches (about 9 MB allocated each).</summary>
    public const long ExportBytes = 32L * 1024 * 1024;

    private long _mark = GC.GetTotalAllocatedBytes();

    /// <summary>Collects generations 0 and 1 if the budget has been spent since the last collection here; returns whether it did.</summary>
    public bool Check()
    {
        if (GC.GetTotalAllocatedBytes() - _mark < bytes)
        {
            return false;
        }

        GC.Collect(1, GCCollectionMode.Forced, blocking: true, compacting: false);
        _mark = GC.GetTotalAllocatedBytes();
        return true;
    }
}
