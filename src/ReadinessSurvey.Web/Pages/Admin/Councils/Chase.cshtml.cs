using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Admin;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>
/// Councils to chase: invited but not started, or started but not submitted, filtered by type and region;
/// downloadable as a CSV of the people to contact (analysts may download it: it changes nothing).
/// </summary>
public sealed class ChaseModel(ReadinessDbContext db, AuditLog audit, TimeProvider clock) : CouncilListModel(db)
{
    private readonly ReadinessDbContext _db = db;

    public override IReadOnlyList<CouncilRoundState> StateChoices => [.. CouncilStatusFilter.ChaseStates];

    public int People { get; private set; }

    /// <summary>Per council, what became of its people's latest emails.</summary>
    public IReadOnlyDictionary<int, string> Emails { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        People = Rows.Sum(r => r.ActiveInvitations);
        Emails = Chosen is null ? Emails : await EmailDisplay.CouncilSummariesAsync(_db, Chosen.Id, cancellationToken);
        return Page();
    }

    /// <summary>The chase list as CSV, one row per person, formula-safe; the download is audited.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Chosen is null)
        {
            return NotFound();
        }

        var states = Rows.ToDictionary(r => r.CouncilId);
        var people = await ChaseList.InvitationsAsync(_db, Chosen.Id, Rows, cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine("council_code,council_name,council_type,region,status,last_changed,name,email,role,invited");
        foreach (var i in people)
        {
            var row = states[i.CouncilId];
            csv.AppendLine(MailMergeCsv.Line(
                row.Code, row.Name, row.TypeName, row.RegionName, CouncilStatuses.Label(row.State),
                row.UpdatedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
                i.Name, i.Email, i.Role, i.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        audit.Record(User.Actor(), "chase-list.downloaded", $"round:{Chosen.Id}", $"{Rows.Count} councils, {people.Count} people; filters: {Filters()}");
        await _db.SaveChangesAsync(cancellationToken);
        Response.Headers.CacheControl = "no-store";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"chase-list-round-{Chosen.Id}-{clock.GetUtcNow():yyyy-MM-dd}.csv");
    }

    private string Filters() =>
        $"type [{string.Join(", ", Type)}], region [{string.Join(", ", Region)}], status [{string.Join(", ", Status)}]";
}
