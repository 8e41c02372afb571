using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Privacy;

namespace ReadinessSurvey.Web.Pages.Admin.Audit;

/// <summary>
/// Names for the audit log's "contributor:206", "invitation:205", "round:3", "return:9" and
/// "report-run:12", looked up when the page is shown (the log keeps ids, so erasing a person erases their
/// name here too: they read "a former contributor"). Anything else is shown as it was recorded.
/// </summary>
public sealed class AuditNames
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public static async Task<AuditNames> ForAsync(ReadinessDbContext db, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        var refs = events.SelectMany(e => new[] { e.Actor, e.Target }).OfType<string>().Distinct().ToList();
        List<int> Ids(string kind) => [.. refs.Select(r => Parse(r, kind)).OfType<int>()];
        var names = new AuditNames();

        var contributorIds = Ids("contributor");
        foreach (var c in await db.Contributors.AsNoTracking().Where(c => contributorIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, Erased = c.Invitation!.ErasedAt != null, Council = c.Return!.Council!.Name }).ToListAsync(cancellationToken))
        {
            names.Add("contributor", c.Id, c.Erased || c.Name == PersonalData.FormerContributor ? $"{PersonalData.FormerContributor} at {c.Council}" : $"{c.Name} at {c.Council}");
        }

        var invitationIds = Ids("invitation");
        foreach (var i in await db.Invitations.AsNoTracking().Where(i => invitationIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Name, Erased = i.ErasedAt != null, Council = i.Council!.Name }).ToListAsync(cancellationToken))
        {
            names.Add("invitation", i.Id, $"the invitation of {(i.Erased ? PersonalData.FormerContributor : i.Name)} at {i.Council}");
        }

        var roundIds = Ids("round");
        foreach (var r in await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken))
        {
            names.Add("round", r.Id, $"round {r.Name}");
        }

        var returnIds = Ids("return");
        foreach (var r in await db.Returns.AsNoTracking().Where(r => returnIds.Contains(r.Id))
            .Select(r => new { r.Id, Council = r.Council!.Name, Round = r.Round!.Name }).ToListAsync(cancellationToken))
        {
            names.Add("return", r.Id, $"{r.Council}'s return for {r.Round}");
        }

        var runIds = Ids("report-run").Select(i => (long)i).ToList();
        foreach (var r in await db.ReportRuns.AsNoTracking().Where(r => runIds.Contains(r.Id)).Select(r => new { r.Id, r.Kind, r.CouncilCode }).ToListAsync(cancellationToken))
        {
            names.Add("report-run", (int)r.Id, $"report run {r.Id} ({Reports.ReportKindLabels.Of(r.Kind, r.CouncilCode)})");
        }

        // An id that no longer resolves: a contributor or invitation removed with their round reads as a former one.
        foreach (var id in contributorIds.Where(id => !names._names.ContainsKey(Key("contributor", id))))
        {
            names.Add("contributor", id, PersonalData.FormerContributor);
        }

        return names;
    }

    /// <summary>The name for a recorded actor or target, or the text itself when it is not a reference.</summary>
    public string Of(string? recorded) => recorded is null ? "" : _names.GetValueOrDefault(recorded, recorded);

    private void Add(string kind, int id, string name) => _names[Key(kind, id)] = name;

    private static string Key(string kind, int id) => kind + ":" + id.ToString(CultureInfo.InvariantCulture);

    private static int? Parse(string recorded, string kind) =>
        recorded.StartsWith(kind + ":", StringComparison.Ordinal)
        && int.TryParse(recorded.AsSpan(kind.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
