using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Admin;
using ReadinessSurvey.Web.Pages.Account;

namespace ReadinessSurvey.Web.Pages.Admin.Rounds;

/// <summary>
/// Creates a round on a stored definition version and opens it, through the same <see cref="RoundService"/>
/// (and so the same rules) as the CLI's <c>round open</c>. A round that opens later shows as scheduled.
/// </summary>
public sealed class NewModel(ReadinessDbContext db, RoundService rounds) : PageModel
{
    public FormErrors Errors { get; } = [];

    public IReadOnlyList<SurveyDefinitionVersion> Definitions { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? Definition { get; set; }

    [BindProperty]
    public DateInput Opens { get; set; } = new();

    [BindProperty]
    public DateInput Closes { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var definition = Definitions.FirstOrDefault(d => d.Id == Definition);
        if (definition is null)
        {
            Errors.Add("definition", "Select the survey and version the round uses");
        }

        DateTime? opens = null;
        if (!Opens.IsEmpty)
        {
            opens = Opens.TryParse("opening date", out var openError);
            if (openError is not null)
            {
                Errors.Add("opens", openError);
            }
        }

        var closes = Closes.TryParse("closing date", out var closeError);
        if (closeError is not null)
        {
            Errors.Add("closes", closeError);
        }

        if (Errors.Count > 0 || definition is null || closes is null)
        {
            return Page();
        }

        try
        {
            // As the CLI does: the round opens at the start of its opening day and closes at the end of its closing day, UK time.
            var round = await rounds.OpenAsync(
                new OpenRoundRequest(Name ?? "", definition.SurveyId, definition.Version, opens is { } o ? UkTime.StartOfDay(DateOnly.FromDateTime(o)) : null, UkTime.EndOfDay(DateOnly.FromDateTime(closes.Value))), User.Actor(), cancellationToken);
            TempData["Message"] = $"Round \"{round.Name}\" created on {definition.Title} version {definition.Version}.";
            return Redirect($"/admin/rounds/{round.Id}");
        }
        catch (RoundException ex)
        {
            foreach (var error in ex.Errors)
            {
                Errors.Add(FieldOf(error), error);
            }

            return Page();
        }
    }

    // The service's messages name what is wrong; send each to the field a person would fix.
    private static string FieldOf(string error) =>
        error.Contains("closing date", StringComparison.OrdinalIgnoreCase) ? "closes"
        : error.Contains("name", StringComparison.OrdinalIgnoreCase) || error.Contains("round called", StringComparison.Ordinal) ? "name"
        : "definition";

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Definitions = await db.SurveyDefinitions.AsNoTracking().OrderBy(d => d.SurveyId).ThenByDescending(d => d.Version).ToListAsync(cancellationToken);
}
