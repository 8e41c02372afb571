using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Api;

/// <summary>A round with results.</summary>
/// <param name="DataDate">When the results were computed (UTC): the date of the data.</param>
/// <param name="Returns">Submitted returns the results come from.</param>
public sealed record ApiRound(int Id, string Name, string Status, string SurveyId, int SurveyVersion, DateTime DataDate, int Returns)
{
    internal static ApiRound Of(SurveyRound round, SurveyDefinition definition, DateTime dataDate, int returns) =>
        new(round.Id, round.Name, round.Status.ToString(), definition.Id, definition.Version, dataDate, returns);
}

/// <summary>A round's summary: the groups used in every breakdown, the dimensions, maturity levels and the suppression rule.</summary>
public sealed record ApiRoundDetail(
    ApiRound Round, ApiSuppression Suppression, IReadOnlyList<GroupInfo> Groups, IReadOnlyList<ApiLabel> Dimensions, IReadOnlyList<ApiLabel> MaturityLevels);

/// <summary>How small numbers are withheld. Withheld numbers are null everywhere in the API.</summary>
/// <param name="Threshold">Numbers from fewer councils than this are withheld.</param>
/// <param name="WithheldCells">How many cells the published view withholds.</param>
public sealed record ApiSuppression(int Threshold, int WithheldCells, string Note);

/// <summary>An id with its label.</summary>
public sealed record ApiLabel(string Id, string Label);

/// <summary>A dimension's (or "overall") score statistics in every group.</summary>
public sealed record ApiDimension(string DimensionId, string Label, IReadOnlyList<DimensionGroup> Groups);

/// <summary>
/// A question's answers in every group. Each option's percent is of its base: the councils in the group that
/// answered the question and were shown the option ("Don't know" included). ShownToSome lists the options
/// offered only to some councils, whose base differs from the question's.
/// </summary>
public sealed record ApiQuestion(string QuestionId, string Text, string Kind, IReadOnlyList<QuestionGroup> Groups, IReadOnlyList<string> ShownToSome);
