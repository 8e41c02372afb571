using System.Globalization;
using System.Text;

namespace ReadinessSurvey.Email;

/// <summary>What one message says: plain English in the GOV.UK style, with the link, council, closing date and contact.</summary>
public sealed record EmailContent(string To, string Subject, string Body, IReadOnlyDictionary<string, string> Fields)
{
    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Builds the message. <paramref name="closes"/> is the round's closing time in UTC, shown in UK time.</summary>
    public static EmailContent For(EmailKind kind, string to, string name, string council, string round, DateTime closes, string link, string contact)
    {
        var closing = ClosingText(closes);
        var subject = kind switch
        {
            EmailKind.Invitation => $"You are invited to complete {council}'s AI readiness return",
            EmailKind.NewLink => $"Your new link to {council}'s AI readiness return",
            _ => $"Reminder: {council}'s AI readiness return closes on {closing}",
        };

        var body = new StringBuilder();
        body.Append("Dear ").Append(name).AppendLine(",").AppendLine();
        switch (kind)
        {
            case EmailKind.Invitation:
                body.Append("You have been asked to contribute to ").Append(council).Append("'s return to the ").Append(round)
                    .AppendLine(" survey of councils' readiness for AI.").AppendLine();
                break;
            case EmailKind.NewLink:
                body.Append("Here is a new link to ").Append(council).Append("'s return to the ").Append(round)
                    .AppendLine(" survey of councils' readiness for AI. Links sent to you before no longer work.").AppendLine();
                break;
            default:
                body.Append(council).Append(" has not yet submitted its return to the ").Append(round)
                    .AppendLine(" survey of councils' readiness for AI.").AppendLine();
                break;
        }

        body.AppendLine("Use this link to open the return:").AppendLine().AppendLine(link).AppendLine()
            .AppendLine("The link is for you only. Do not forward this email. Links in earlier emails may no longer work.").AppendLine()
            .Append("The survey closes on ").Append(closing).AppendLine(". Your answers are saved as you go, and colleagues who have been invited can add to the same return.").AppendLine()
            .Append("If you have any questions, contact ").Append(contact).AppendLine(".").AppendLine()
            .AppendLine("Local Government Association");

        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["council"] = council,
            ["round"] = round,
            ["closing_date"] = closing,
            ["link"] = link,
            ["contact"] = contact,
        };
        return new EmailContent(to, subject, body.ToString(), fields);
    }

    /// <summary>E.g. "Friday 20 March 2026 at 23:59 UK time": the pages' time convention (<see cref="UkTime"/>) with the weekday.</summary>
    public static string ClosingText(DateTime closesUtc) =>
        UkTime.FromUtc(closesUtc).ToString("dddd ", UkEnglish) + UkTime.Format(closesUtc);
}
