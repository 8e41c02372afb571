using ReadinessSurvey.Aggregation;

namespace ReadinessSurvey.Web.Dashboard;

/// <summary>
/// A dashboard filter by council type and region (GET query values, GSS codes). The snapshot breaks
/// figures down by type and by region separately, not by both at once (most such cells would be too
/// small to say anything), so a filter picks the groups to show beside all councils.
/// </summary>
public sealed record GroupFilter(string? Type, string? Region)
{
    public static GroupFilter None { get; } = new(null, null);

    public bool IsEmpty => Type is null && Region is null;

    /// <summary>
    /// The filter from query values: blank means any. Unknown codes give an error message (the codes
    /// come from a select, so they only go wrong when someone edits the address).
    /// </summary>
    public static (GroupFilter Filter, string? Error) Parse(DashboardSnapshot snapshot, string? type, string? region)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        type = string.IsNullOrWhiteSpace(type) ? null : type.Trim().ToUpperInvariant();
        region = string.IsNullOrWhiteSpace(region) ? null : region.Trim().ToUpperInvariant();
        if (type is not null && snapshot.GroupsOf(Breakdowns.Type).All(g => g.Key != type))
        {
            return (None, "Choose a council type from the list");
        }

        if (region is not null && snapshot.GroupsOf(Breakdowns.Region).All(g => g.Key != region))
        {
            return (None, "Choose a region from the list");
        }

        return (new GroupFilter(type, region), null);
    }

    /// <summary>Whether a group is shown: all councils always; with no filter every type and region; else the chosen ones.</summary>
    public bool Includes(string breakdown, string key) => breakdown switch
    {
        Breakdowns.Sector => true,
        Breakdowns.Type => IsEmpty || key == Type,
        Breakdowns.Region => IsEmpty || key == Region,
        _ => false,
    };

    /// <summary>The filter in words, for headings and the download's About sheet; null when there is none.</summary>
    public string? Describe(DashboardSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var parts = new List<string>();
        if (Type is not null)
        {
            parts.Add("council type: " + snapshot.Source.GroupLabel(Breakdowns.Type, Type));
        }

        if (Region is not null)
        {
            parts.Add("region: " + snapshot.Source.GroupLabel(Breakdowns.Region, Region));
        }

        return parts.Count == 0 ? null : "filtered by " + string.Join(" and ", parts);
    }

    /// <summary>The query string that reproduces the filter (for links and the download), starting with "&amp;" or empty.</summary>
    public string Query() =>
        (Type is null ? "" : "&type=" + Uri.EscapeDataString(Type)) + (Region is null ? "" : "&region=" + Uri.EscapeDataString(Region));
}
