using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>
/// What the register and the chase list share: a round chooser and filters by council type, region and
/// state, all in the query string (a GET form), so a filtered list can be bookmarked and works without JavaScript.
/// </summary>
public abstract class CouncilListModel(ReadinessDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Round { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<string> Type { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public List<string> Region { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public List<CouncilRoundState> Status { get; set; } = [];

    /// <summary>Part of a council's name (or its code) to look for.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<SurveyRound> Rounds { get; private set; } = [];

    public SurveyRound? Chosen { get; private set; }

    public IReadOnlyList<string> Types { get; private set; } = [];

    public IReadOnlyList<string> Regions { get; private set; } = [];

    /// <summary>The states this list may show; the chase list offers only its two.</summary>
    public virtual IReadOnlyList<CouncilRoundState> StateChoices => Enum.GetValues<CouncilRoundState>();

    public IReadOnlyList<CouncilStatusRow> Rows { get; private set; } = [];

    /// <summary>The query string of the current filters, for links such as the CSV download.</summary>
    public string QueryString => string.Join("&", Query().Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>Loads the rounds, picks one (the one asked for, else the newest open, else the newest) and applies the filters.</summary>
    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        Chosen = Round is { } id ? Rounds.FirstOrDefault(r => r.Id == id)
            : Rounds.FirstOrDefault(r => r.Status == RoundStatus.Open) ?? (Rounds.Count > 0 ? Rounds[0] : null);
        if (Chosen is null)
        {
            return Round is null;
        }

        Round = Chosen.Id;
        var all = await CouncilStatuses.ForRoundAsync(db, Chosen.Id, cancellationToken);
        Types = all.Select(c => c.TypeName).Distinct().Order(StringComparer.Ordinal).ToList();
        Regions = all.Select(c => c.RegionName).Distinct().Order(StringComparer.Ordinal).ToList();
        var states = Status.Where(StateChoices.Contains).ToList();
        var filter = new CouncilStatusFilter(Type, Region, states.Count > 0 ? states : StateChoices.ToList());
        var search = Search?.Trim();
        Rows = all.Where(filter.Matches)
            .Where(c => string.IsNullOrEmpty(search) || c.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || c.Code.Equals(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return true;
    }

    private IEnumerable<KeyValuePair<string, string>> Query()
    {
        if (Round is { } round)
        {
            yield return new("round", round.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            yield return new("q", Search.Trim());
        }

        foreach (var t in Type)
        {
            yield return new("type", t);
        }

        foreach (var r in Region)
        {
            yield return new("region", r);
        }

        foreach (var s in Status)
        {
            yield return new("status", s.ToString());
        }
    }
}
