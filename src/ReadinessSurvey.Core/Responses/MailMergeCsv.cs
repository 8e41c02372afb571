using System.Globalization;
using ReadinessSurvey.Reporting.Excel;

namespace ReadinessSurvey.Responses;

/// <summary>
/// CSV files for the policy team's mail merges (invitation links, chase lists). They are opened in
/// Excel, so every field is quoted and kept inert with the reporting module's <see cref="SafeText"/> rules.
/// </summary>
public static class MailMergeCsv
{
    /// <summary>The columns of the links file, the same from the CLI's <c>invite import</c> and from the web.</summary>
    public const string LinksHeader = "invitation_id,council_code,council_name,name,email,role,expires,link";

    /// <summary>One CSV line: each field quoted, with formula-like text prefixed so it stays text.</summary>
    public static string Line(params IEnumerable<string?> fields) =>
        string.Join(',', fields.Select(f => "\"" + SafeText.ForCsv(f).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>Writes the links of invitations just created or reissued: the only time their links exist.</summary>
    public static async Task WriteLinksAsync(TextWriter writer, IEnumerable<IssuedInvitation> issued, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(issued);
        await writer.WriteLineAsync(LinksHeader);
        foreach (var i in issued)
        {
            await writer.WriteLineAsync(Line(
                i.Invitation.Id.ToString(CultureInfo.InvariantCulture), i.CouncilCode, i.CouncilName, i.Invitation.Name,
                i.Invitation.Email, i.Invitation.Role, i.Invitation.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Link(baseUrl)));
        }
    }
}
