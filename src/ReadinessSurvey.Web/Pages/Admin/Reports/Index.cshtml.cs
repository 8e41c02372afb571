using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Jobs;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Pages.Account;

namespace ReadinessSurvey.Web.Pages.Admin.Reports;

/// <summary>
/// Requests any report for a round (run as a background job) and lists every report run, newest first.
/// Analysts may post here: a request changes no survey data, it only writes files from the current
/// snapshot and records the run, which is how analysts get their outputs.
/// </summary>
[AnalystsMayPost]
public sealed class IndexModel(ReadinessDbContext db, ReportQueue queue, AuditLog audit) : PageModel
{
    public const int PageSize = 20;

    [BindProperty]
    public int? RoundId { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? CouncilCode { get; set; }

    /// <summary>The page of the history, from <c>?p=</c> (1 is the newest).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<(int Id, string Name)> Rounds { get; private set; } = [];

    /// <summary>Every council by name, for choosing one by name (its code is the value sent).</summary>
    public IReadOnlyList<(string Code, string Name)> Councils { get; private set; } = [];

    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public int PageCount { get; private set; } = 1;

    public FormErrors Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return PageNumber > PageCount ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (RoundId is null)
        {
            Errors.Add("round-id", "Choose a round");
        }

        if (string.IsNullOrWhiteSpace(Kind))
        {
            Errors.Add("kind", "Choose a kind of report");
        }

        if (Errors.Count == 0)
        {
            try
            {
                var code = Kind == ReportKinds.Council ? CouncilCode : null;
                var run = await queue.RequestAsync(RoundId!.Value, Kind!, code, User.Actor(), cancellationToken);
                audit.Record(User.Actor(), "report.requested", $"report-run:{run.Id}", ReportKindLabels.Of(run.Kind, run.CouncilCode) + $", round {run.RoundId}");
                await db.SaveChangesAsync(cancellationToken);
                return Redirect($"/admin/reports/{run.Id}");
            }
            catch (ArgumentException ex)
            {
                Errors.Add(ex.ParamName switch { "councilCode" => "council-code", "kind" => "kind", _ => "round-id" }, ex.Message.Split(" (Parameter", 2)[0]);
            }
        }

        ViewData["HasErrors"] = true;
        PageNumber = 1;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.OpensAt).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        Rounds = [.. rounds.Select(r => (r.Id, r.Name))];
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken);
        Councils = [.. councils.Select(c => (c.Code, c.Name))];
        var total = await db.ReportRuns.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        Runs = await db.ReportRuns.AsNoTracking()
            .OrderByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Rounds, r => r.RoundId, round => round.Id, (r, round) => new RunRow(
                r.Id, round.Name, r.Kind, r.CouncilCode, r.Status, r.Progress, r.RequestedBy, r.RequestedAt))
            .ToListAsync(cancellationToken);
    }

    public sealed record RunRow(long Id, string RoundName, string Kind, string? CouncilCode, ReportRunStatus Status, int Progress, string RequestedBy, DateTime RequestedAt);
}
