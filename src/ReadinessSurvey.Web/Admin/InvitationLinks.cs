using System.Text;
using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Web.Admin;

/// <summary>Where invitation links point, and the mail-merge file of links made in one action.</summary>
public static class InvitationLinks
{
    /// <summary>
    /// <c>Site:BaseUrl</c> (see <see cref="Security.SiteAddress"/>), never the address a request claims
    /// to have come to: a forged Host header must not put another site's address in an invitation.
    /// </summary>
    public static Uri BaseUrl(IConfiguration configuration) => Security.SiteAddress.BaseUrl(configuration);

    /// <summary>
    /// The links as a CSV download. Only hashes are stored, so this response is the one copy: it is
    /// never cached, and the file is built in memory (a few hundred rows at most).
    /// </summary>
    public static async Task<FileContentResult> CsvAsync(HttpResponse response, IEnumerable<IssuedInvitation> issued, Uri baseUrl, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        await using var text = new StringWriter();
        await MailMergeCsv.WriteLinksAsync(text, issued, baseUrl);
        return new FileContentResult(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8")
        {
            FileDownloadName = fileName,
        };
    }
}
