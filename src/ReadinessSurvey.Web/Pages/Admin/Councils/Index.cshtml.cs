using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>The council register with each council's state in the chosen round, searchable by name and paged.</summary>
public sealed class IndexModel(ReadinessDbContext db) : CouncilListModel(db)
{
    /// <summary>Enough to scan at once; 339 councils make 7 pages.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int PageCount => Math.Max(1, (Rows.Count + PageSize - 1) / PageSize);

    /// <summary>The rows of the current page.</summary>
    public IEnumerable<CouncilStatusRow> Shown => Rows.Skip((PageNumber - 1) * PageSize).Take(PageSize);

    public string PageLink(int page) => $"/admin/councils?{QueryString}&p={page}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        return Page();
    }
}
