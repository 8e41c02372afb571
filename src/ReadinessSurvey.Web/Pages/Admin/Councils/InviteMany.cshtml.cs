using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Admin;
using ReadinessSurvey.Web.Pages.Account;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>
/// Invites everyone in an uploaded CSV (the CLI's <c>invite import</c> columns: council_code, name, email,
/// role), all or none, and answers with the mail-merge CSV of their links: the one copy, since only
/// hashes are stored.
/// </summary>
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public sealed class InviteManyModel(ReadinessDbContext db, InvitationService invitations, AuditLog audit, IConfiguration configuration, TimeProvider clock) : PageModel
{
    public const int MaxBytes = 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public int? Round { get; set; }

    public SurveyRound? Chosen { get; private set; }

    public IReadOnlyList<SurveyRound> OpenRounds { get; private set; } = [];

    public FormErrors Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Chosen is null)
        {
            Errors.Add("round", "Select an open round");
        }

        if (file is null || file.Length == 0)
        {
            Errors.Add("file", "Select a CSV file");
        }
        else if (file.Length > MaxBytes)
        {
            Errors.Add("file", "The file must be smaller than 1 MB");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        try
        {
            IReadOnlyList<InvitationRequest> requests;
            using (var reader = new StreamReader(file!.OpenReadStream()))
            {
                requests = InvitationCsv.Read(reader, Path.GetFileName(file.FileName), Chosen!.Id);
            }

            var issued = await invitations.CreateManyAsync(requests, User.Actor(), cancellationToken);
            audit.Record(User.Actor(), "invitation-links.downloaded", $"round:{Chosen.Id}", $"upload: {issued.Count} new links");
            await db.SaveChangesAsync(cancellationToken);
            return await InvitationLinks.CsvAsync(Response, issued, InvitationLinks.BaseUrl(configuration), $"invitation-links-round-{Chosen.Id}-{clock.GetUtcNow():yyyy-MM-dd-HHmm}.csv");
        }
        catch (InvitationException ex)
        {
            Errors.AddRange(ex.Errors.Select(e => ("file", e)));
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        OpenRounds = await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open && r.ClosesAt > now).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        Chosen = OpenRounds.FirstOrDefault(r => r.Id == Round) ?? (Round is null && OpenRounds.Count > 0 ? OpenRounds[0] : null);
    }
}
