using System.Globalization;
using System.Text.RegularExpressions;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Aggregation.Disclosure;

/// <summary>
/// What the published questionnaire tells a reader about how counts relate: which answers lead to a
/// follow-up question (so its base is their sum), which questions everyone must answer (so their base
/// is the councils that submitted), which options some council types never see (so they count 0 there).
/// Found by asking the survey's own display logic, one answer at a time, for each council type.
/// </summary>
public static partial class RoutingLinks
{
    /// <summary>The published family of a question's counts, as the published view names its tables.</summary>
    public static string FamilyOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type == QuestionType.Number ? $"number:{question.Id}" : $"question:{question.Id}";
    }

    /// <summary>The row counting everyone who answered a question: its base, or n for a number question.</summary>
    public static string TotalRowOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type == QuestionType.Number ? "(n)" : "(base)";
    }

    /// <summary>The row code an answer is counted under, for a single-choice, yes/no or Likert question.</summary>
    public static IEnumerable<(string Row, AnswerValue Answer)> ChoiceRows(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        switch (question.Type)
        {
            case QuestionType.SingleChoice:
                foreach (var option in question.Options)
                {
                    yield return (option.Value, AnswerValue.Choice(option.Value));
                }

                break;
            case QuestionType.YesNo:
                yield return ("yes", AnswerValue.Of(true));
                yield return ("no", AnswerValue.Of(false));
                break;
            case QuestionType.Likert:
                foreach (var point in question.Points)
                {
                    yield return (point.Point.ToString(CultureInfo.InvariantCulture), AnswerValue.Of(point.Point));
                }

                break;
            default:
                yield break;
        }

        if (question.DontKnow is not null && question.Type is QuestionType.YesNo or QuestionType.Likert)
        {
            yield return (Responses.AnswerStorage.DontKnowCode, AnswerValue.DontKnowAnswer);
        }
    }

    public static IReadOnlyList<RoutingLink> From(SurveyDefinition definition, IEnumerable<string> councilTypes)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(councilTypes);
        var links = new List<RoutingLink>();
        foreach (var type in councilTypes.Distinct(StringComparer.Ordinal))
        {
            var council = new CouncilProfile("probe", "probe", type, "probe", "probe");
            foreach (var question in definition.Questions.Where(IsCounted))
            {
                links.AddRange(LinksOf(definition, council, question));
            }
        }

        return links;
    }

    private static bool IsCounted(Question question) =>
        question.Type is not (QuestionType.Council or QuestionType.Text or QuestionType.LongText);

    private static IEnumerable<RoutingLink> LinksOf(SurveyDefinition definition, CouncilProfile council, Question question)
    {
        var family = FamilyOf(question);
        var total = TotalRowOf(question);
        var type = council.Type;
        var leads = LeadsOf(definition, question);
        List<AnswerSet> showing;
        if (leads.Count == 0)
        {
            showing = Visible(definition, council, question, AnswerSet.Empty) ? [AnswerSet.Empty] : [];
            yield return showing.Count > 0
                ? new RoutingLink(family, total, LinkedAudit.ResponseFamily, [LinkedAudit.SubmittedRow], question.Required, type)
                : new RoutingLink(family, total, LinkedAudit.ResponseFamily, [], true, type);
        }
        else if (leads is [var lead] && ChoiceRows(lead).Any())
        {
            var rows = ChoiceRows(lead).Where(r => Visible(definition, council, question, new AnswerSet().With(lead.Id, r.Answer))).ToList();
            showing = [.. rows.Select(r => new AnswerSet().With(lead.Id, r.Answer))];
            yield return new RoutingLink(family, total, FamilyOf(lead), [.. rows.Select(r => r.Row)], question.Required && lead.Required, type);
        }
        else if (leads is [var multi] && multi.Type == QuestionType.MultipleChoice)
        {
            showing = [.. multi.Options.Select(o => new AnswerSet().With(multi.Id, AnswerValue.Choice(o.Value)))
                .Where(answers => Visible(definition, council, question, answers))];
            var everyTick = showing.Count == multi.Options.Count;
            yield return new RoutingLink(family, total, FamilyOf(multi), [TotalRowOf(multi)], everyTick && question.Required, type);
        }
        else
        {
            // Routed on several answers: only "at most the councils that submitted" is certain.
            showing = [];
            yield return new RoutingLink(family, total, LinkedAudit.ResponseFamily, [LinkedAudit.SubmittedRow], false, type);
        }

        foreach (var link in OptionLinks(definition, council, question, family, showing))
        {
            yield return link;
        }

        foreach (var link in OptionBaseLinks(definition, council, question, family, total, showing))
        {
            yield return link;
        }
    }

    /// <summary>
    /// An option with its own base (shown only to some councils): within a type, its base is the question's
    /// base where the type is always shown it, 0 where never, at most the question's base where it depends on
    /// answers; its count is at most its base.
    /// </summary>
    private static IEnumerable<RoutingLink> OptionBaseLinks(
        SurveyDefinition definition, CouncilProfile council, Question question, string family, string total, List<AnswerSet> showing)
    {
        if (showing.Count == 0)
        {
            yield break;
        }

        foreach (var value in QuestionShapes.OptionsShownToSome(question))
        {
            var option = question.Options.Single(o => o.Value == value);
            var row = PublishedSystem.OptionBaseRow(value);
            var byAnswers = Referenced(definition, option.ShowIf!).Any(q => q.Id != question.Id);
            if (byAnswers)
            {
                yield return new RoutingLink(family, row, family, [total], false, council.Type);
            }
            else if (showing.Any(s => OptionVisible(definition, council, question, option, s)))
            {
                yield return new RoutingLink(family, row, family, [total], true, council.Type);
            }
            else
            {
                yield return new RoutingLink(family, row, LinkedAudit.ResponseFamily, [], true, council.Type);
            }

            yield return new RoutingLink(family, value, family, [row], false, council.Type);
        }
    }

    /// <summary>Options shown only to some types (0 elsewhere), or only when one earlier option was ticked (at most its count).</summary>
    private static IEnumerable<RoutingLink> OptionLinks(SurveyDefinition definition, CouncilProfile council, Question question, string family, List<AnswerSet> showing)
    {
        if (showing.Count == 0 || question.Type is not (QuestionType.SingleChoice or QuestionType.MultipleChoice))
        {
            yield break;
        }

        foreach (var option in question.Options.Where(o => o.ShowIf is not null))
        {
            var leads = Referenced(definition, option.ShowIf!).Where(q => q.Id != question.Id).ToList();
            if (leads is [var lead] && lead.Type == QuestionType.MultipleChoice)
            {
                var ticks = lead.Options
                    .Where(o => showing.Any(s => OptionVisible(definition, council, question, option, s.With(lead.Id, AnswerValue.Choice(o.Value)))))
                    .ToList();
                if (ticks.Count < lead.Options.Count)
                {
                    yield return new RoutingLink(family, option.Value, FamilyOf(lead), [.. ticks.Select(t => t.Value)], false, council.Type);
                }
            }
            else if (leads.Count == 0 && !showing.Any(s => OptionVisible(definition, council, question, option, s)))
            {
                yield return new RoutingLink(family, option.Value, LinkedAudit.ResponseFamily, [], true, council.Type);
            }
        }
    }

    private static bool Visible(SurveyDefinition definition, CouncilProfile council, Question question, AnswerSet answers) =>
        DisplayLogic.Evaluate(definition, council, answers).IsQuestionVisible(question.Id);

    private static bool OptionVisible(SurveyDefinition definition, CouncilProfile council, Question question, QuestionOption option, AnswerSet answers)
    {
        var visibility = DisplayLogic.Evaluate(definition, council, answers);
        return visibility.IsQuestionVisible(question.Id) && visibility.IsOptionVisible(question.Id, option.Value);
    }

    /// <summary>The earlier questions a question's (and its section's) display condition refers to.</summary>
    private static List<Question> LeadsOf(SurveyDefinition definition, Question question)
    {
        var section = definition.SectionOf(question);
        var text = $"{section.ShowIf} {question.ShowIf}";
        return Referenced(definition, text).Where(q => q.Id != question.Id).ToList();
    }

    private static List<Question> Referenced(SurveyDefinition definition, string text) =>
        [.. Reference().Matches(text)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .Select(definition.FindQuestion)
            .OfType<Question>()
            .Where(IsCounted)];

    [GeneratedRegex(@"\[([A-Za-z][A-Za-z0-9_]*)(?:\.[a-z]+)?\]")]
    private static partial Regex Reference();
}
