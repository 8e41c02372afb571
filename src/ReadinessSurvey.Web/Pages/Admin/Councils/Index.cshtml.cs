using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>The council register with each council's state in the chosen round.</summary>
public sealed class IndexModel(ReadinessDbContext db) : CouncilListModel(db)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();
}
