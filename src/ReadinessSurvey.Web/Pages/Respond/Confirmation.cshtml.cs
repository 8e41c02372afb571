using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Scoring;

namespace ReadinessSurvey.Web.Pages.Respond;

/// <summary>
/// After submission: confirmation and the council's readiness profile as a page (scores, maturity level,
/// and its peers once the aggregate results include it), with the benchmark workbook to download.
/// </summary>
public sealed class ConfirmationModel(ReturnService returns, SubmissionService submissions, ReportService reports, IOptions<AggregationOptions> aggregation)
    : RespondentPageModel(returns)
{
    public ReadinessProfile? Profile { get; private set; }

    /// <summary>The council against its peers, or null until the aggregate results include its submission.</summary>
    public CouncilBenchmarkModel? Benchmark { get; private set; }

    /// <summary>The fewest councils a peer figure is shown for.</summary>
    public int Threshold => aggregation.Value.SuppressionThreshold;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Workspace.Return.Status != ReturnStatus.Submitted)
        {
            return RedirectToPage("/Respond/Index");
        }

        Profile = await submissions.LatestProfileAsync(Workspace.Return.Id, cancellationToken);
        Benchmark = await reports.CouncilProfileAsync(Workspace.Round.Id, Workspace.Council.Code, cancellationToken);
        return Page();
    }
}
