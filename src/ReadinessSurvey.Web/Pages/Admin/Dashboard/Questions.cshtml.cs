using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Web.Dashboard;

namespace ReadinessSurvey.Web.Pages.Admin.Dashboard;

/// <summary>The round's questions by section, each linking to its answers by group.</summary>
public sealed class QuestionsModel(Dashboards dashboards) : DashboardPageModel(dashboards)
{
    public override string ViewName => "Questions";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();
}
