using System.Globalization;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Admin;

/// <summary>How the workspace words rounds, returns and dates, so every page says the same thing.</summary>
public static class AdminDisplay
{
    private static readonly CultureInfo s_uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateTime value) => value.ToString("d MMMM yyyy", s_uk);

    public static string DateTime(DateTime value) => value.ToString("d MMMM yyyy HH:mm", s_uk) + " UTC";

    public static string Date(DateTime? value) => value is { } v ? Date(v) : "";

    /// <summary>A round's state as people mean it: an open round before its opening date is "Scheduled".</summary>
    public static string RoundState(SurveyRound round, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.Status switch
        {
            RoundStatus.Closed => "Closed",
            RoundStatus.Draft => "Draft",
            _ when round.ClosesAt <= now => "Closing date passed",
            _ when round.OpensAt > now => "Scheduled",
            _ => "Open",
        };
    }

    /// <summary>GOV.UK tag colour class for a council's state.</summary>
    public static string TagClass(CouncilRoundState state) => state switch
    {
        CouncilRoundState.Submitted => "govuk-tag--green",
        CouncilRoundState.InProgress => "govuk-tag--blue",
        CouncilRoundState.NotStarted => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };

    public static string ReturnLabel(ReturnStatus status) => status switch
    {
        ReturnStatus.Submitted => "Submitted",
        ReturnStatus.InProgress => "In progress",
        _ => "Not started",
    };
}
