using System.Globalization;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// Rules the JSON Schema cannot express: unique ids, references between parts, score ranges,
/// positive weights and ascending maturity bands. Each problem is reported with its JSON path.
/// </summary>
internal sealed class DefinitionChecker
{
    private readonly SurveyDefinition _definition;
    private readonly List<(string Path, string Message)> _errors = [];

    private DefinitionChecker(SurveyDefinition definition) => _definition = definition;

    public static IReadOnlyList<(string Path, string Message)> Check(SurveyDefinition definition)
    {
        var checker = new DefinitionChecker(definition);
        checker.CheckSections();
        checker.CheckScoring();
        return checker._errors;
    }

    private void Add(string path, string message) => _errors.Add((path, message));

    private void CheckSections()
    {
        var sectionIds = new HashSet<string>(StringComparer.Ordinal);
        var questionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < _definition.Sections.Count; s++)
        {
            var section = _definition.Sections[s];
            var sectionPath = JsonLineMap.Index("$.sections", s);
            if (!sectionIds.Add(section.Id))
            {
                Add(sectionPath + ".id", $"Section id '{section.Id}' is used more than once.");
            }

            for (var q = 0; q < section.Questions.Count; q++)
            {
                var question = section.Questions[q];
                var path = JsonLineMap.Index(sectionPath + ".questions", q);
                if (!questionIds.Add(question.Id))
                {
                    Add(path + ".id", $"Question id '{question.Id}' is used more than once.");
                }

                CheckQuestion(question, path);
            }
        }
    }

    private void CheckQuestion(Question question, string path)
    {
        if (question.Weight <= 0)
        {
            Add(path + ".weight", $"Question weight {Format(question.Weight)} must be more than 0.");
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var o = 0; o < question.Options.Count; o++)
        {
            var option = question.Options[o];
            var optionPath = JsonLineMap.Index(path + ".options", o);
            if (!values.Add(option.Value))
            {
                Add(optionPath + ".value", $"Option value '{option.Value}' is used more than once in question {question.Id}.");
            }

            if ((option.DontKnow || IsDontKnowSpelling(option.Value)) && option.Value != Responses.AnswerStorage.DontKnowCode)
            {
                Add(optionPath + ".value", $"A \"don't know\" option must have the value '{Responses.AnswerStorage.DontKnowCode}', the one code the survey uses for it; '{option.Value}' is not it.");
            }

            if (option.Score is { } score && !IsPoints(score))
            {
                Add(optionPath + ".score", $"Option score {Format(score)} is outside 0-4.");
            }
        }

        if (question.IsAboutContributor && question.Type == QuestionType.Council)
        {
            Add(path + ".about", $"Question {question.Id} shows the council's profile, so it is about the council, not the contributor.");
        }

        CheckBands(question.Bands, path + ".bands");
        CheckRanges(question, path);
        CheckScored(question, path);
    }

    private void CheckRanges(Question question, string path)
    {
        if (question.Min is { } min && question.Max is { } max && min > max)
        {
            Add(path + ".max", $"Maximum {Format(max)} is less than minimum {Format(min)}.");
        }

        if (question.Type == QuestionType.YesNo)
        {
            if (!IsPoints(question.YesScore))
            {
                Add(path + ".yesScore", $"Score {Format(question.YesScore)} is outside 0-4.");
            }

            if (!IsPoints(question.NoScore))
            {
                Add(path + ".noScore", $"Score {Format(question.NoScore)} is outside 0-4.");
            }
        }

        var points = new HashSet<int>();
        for (var p = 0; p < question.Points.Count; p++)
        {
            if (!points.Add(question.Points[p].Point))
            {
                Add(JsonLineMap.Index(path + ".points", p) + ".point", $"Likert point {question.Points[p].Point} is used more than once.");
            }
        }
    }

    private void CheckScored(Question question, string path)
    {
        if (question.Dimension is null)
        {
            return;
        }

        if (question.IsAboutContributor)
        {
            Add(path + ".dimension", $"Question {question.Id} is about the contributor, so it cannot be scored: a council's score comes from answers about the council. Remove its dimension.");
            return;
        }

        if (_definition.Scoring.FindDimension(question.Dimension) is null)
        {
            Add(path + ".dimension", $"Dimension '{question.Dimension}' is not listed in scoring.dimensions.");
        }

        var problem = question.Type switch
        {
            QuestionType.Text or QuestionType.LongText or QuestionType.Council =>
                $"A {question.Type} question cannot be scored. Remove its dimension.",
            QuestionType.MultipleChoice when !question.IsBreadthScored || question.Bands is null =>
                "A scored multiple-choice question needs \"scoring\": \"breadth\" and bands.",
            QuestionType.Number when question.Bands is null =>
                "A scored number question needs bands.",
            QuestionType.SingleChoice when question.Options.All(o => o.Score is null) =>
                "A scored single-choice question needs a score on its options.",
            _ => null,
        };
        if (problem is not null)
        {
            Add(path + ".dimension", problem);
        }
    }

    private void CheckBands(IReadOnlyList<ScoreBand>? bands, string path)
    {
        for (var b = 0; b < (bands?.Count ?? 0); b++)
        {
            var band = bands![b];
            var bandPath = JsonLineMap.Index(path, b);
            if (!IsPoints(band.Score))
            {
                Add(bandPath + ".score", $"Band score {Format(band.Score)} is outside 0-4.");
            }

            if (band.Min is { } min && band.Max is { } max && min > max)
            {
                Add(bandPath + ".max", $"Band maximum {Format(max)} is less than its minimum {Format(min)}.");
            }
        }
    }

    private void CheckScoring()
    {
        var scoring = _definition.Scoring;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < scoring.Dimensions.Count; d++)
        {
            var dimension = scoring.Dimensions[d];
            var path = JsonLineMap.Index("$.scoring.dimensions", d);
            if (!ids.Add(dimension.Id))
            {
                Add(path + ".id", $"Dimension id '{dimension.Id}' is used more than once.");
            }

            if (dimension.Weight <= 0)
            {
                Add(path + ".weight", $"Dimension weight {Format(dimension.Weight)} must be more than 0.");
            }
        }

        for (var m = 1; m < scoring.MaturityLevels.Count; m++)
        {
            var previous = scoring.MaturityLevels[m - 1];
            var level = scoring.MaturityLevels[m];
            var path = JsonLineMap.Index("$.scoring.maturityLevels", m);
            if (level.MinScore <= previous.MinScore)
            {
                Add(path + ".minScore", $"Maturity levels must be in ascending order: minScore {Format(level.MinScore)} is not above {Format(previous.MinScore)}.");
            }

            if (level.Level <= previous.Level)
            {
                Add(path + ".level", $"Maturity levels must be in ascending order: level {level.Level} follows level {previous.Level}.");
            }
        }

        if (scoring.MaturityLevels.Count > 0 && scoring.MaturityLevels[0].MinScore != 0)
        {
            Add("$.scoring.maturityLevels[0].minScore", "The first maturity level must start at minScore 0 so every score has a level.");
        }
    }

    /// <summary>"dont-know", "DontKnow", "don't know" and the like: another spelling of the one code.</summary>
    private static bool IsDontKnowSpelling(string value) =>
        string.Concat(value.Where(char.IsLetter)).Equals("dontknow", StringComparison.OrdinalIgnoreCase);

    private static bool IsPoints(decimal score) => score is >= 0 and <= QuestionPoints.Maximum;

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
