using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Admin;

/// <summary>How the workspace words rounds, returns and dates, so every page says the same thing.</summary>
public static class AdminDisplay
{

    /// <summary>The UK date of an instant stored in UTC.</summary>
    public static string Date(DateTime value) => UkTime.FormatDate(value);

    /// <summary>An instant stored in UTC, in UK time.</summary>
    public static string DateTime(DateTime value) => UkTime.Format(value);

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
