using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Admin;
using ReadinessSurvey.Web.Pages.Account;

namespace ReadinessSurvey.Web.Pages.Admin.Audit;

/// <summary>The audit log for admins: who did what, when, newest first, filtered and paged in the query string.</summary>
[Authorize(Policy = PolicyTeamAuthentication.AdminPolicy)]
public sealed class IndexModel(ReadinessDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    /// <summary>The first UK day shown (GOV.UK date input: from.Day, from.Month, from.Year).</summary>
    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    /// <summary>The last UK day shown, whole.</summary>
    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    /// <summary>From <c>?page=</c>, read by hand: "page" is a route value Razor Pages keeps for itself.</summary>
    public int PageNumber { get; private set; } = 1;

    public FormErrors Errors { get; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    /// <summary>People, councils and rounds named for the events shown.</summary>
    public AuditNames Names { get; private set; } = new();

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Actions = await db.AuditEvents.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(ActionName))
        {
            query = query.Where(e => e.Action == ActionName);
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            query = query.Where(e => e.Actor.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(Target))
        {
            var target = Target.Trim();
            query = query.Where(e => e.Target != null && e.Target.Contains(target));
        }

        // Days are UK days: "from" starts at the UK midnight, "to" includes the whole of its UK day.
        if (DayOf(From, "from", "start date") is { } from)
        {
            var start = UkTime.StartOfDay(from);
            query = query.Where(e => e.At >= start);
        }

        if (DayOf(To, "to", "end date") is { } to)
        {
            var end = UkTime.StartOfDay(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Clamp(page, 1, Pages) : 1;
        Events = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Names = await AuditNames.ForAsync(db, Events, cancellationToken);
    }

    /// <summary>The address of another page of the same results.</summary>
    public string PageLink(int page)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("action", ActionName);
        Add("actor", Actor);
        Add("target", Target);
        foreach (var (key, date) in new[] { ("from", From), ("to", To) })
        {
            Add(key + ".Day", date.Day);
            Add(key + ".Month", date.Month);
            Add(key + ".Year", date.Year);
        }

        Add("page", page.ToString(CultureInfo.InvariantCulture));
        return "/admin/audit?" + string.Join("&", parts);
    }

    private DateOnly? DayOf(DateInput input, string field, string label)
    {
        if (input.IsEmpty)
        {
            return null;
        }

        if (input.TryParse(label, out var error) is { } date)
        {
            return DateOnly.FromDateTime(date);
        }

        Errors.Add(field, error!);
        return null;
    }
}
