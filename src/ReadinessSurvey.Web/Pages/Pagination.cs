namespace ReadinessSurvey.Web.Pages;

/// <summary>
/// One page of a long list, for the GOV.UK pagination block (<c>_Pagination</c>): where the reader is, how
/// many pages there are, and the words for the links ("Older events", "Next withheld cells").
/// </summary>
/// <param name="Label">Names the navigation for screen readers, e.g. "Pages of the audit log".</param>
/// <param name="Link">The address of a page, keeping the list's filters.</param>
/// <param name="Items">What the list holds, read after the link words by screen readers only.</param>
public sealed record Pagination(string Label, int Current, int Count, Func<int, string> Link, string Previous, string Next, string Items)
{
    public bool HasPrevious => Current > 1;

    public bool HasNext => Current < Count;
}
