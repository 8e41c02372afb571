using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Surveys;

public class AnswerValidatorTests
{
    private static readonly SurveyDefinition _definition = TestSurveys.Load(TestSurveys.Json("""
        [ { "id": "S", "title": "S", "questions": [
            { "id": "Y", "type": "yesNo", "text": "Does your council have an AI strategy?", "dimension": "d" },
            { "id": "C", "type": "singleChoice", "text": "Which best describes your council's use of AI?", "options": [
                { "value": "a", "label": "A" }, { "value": "b", "label": "B", "showIf": "[Y] = true" }, { "value": "dont_know", "label": "Don't know", "dontKnow": true } ] },
            { "id": "M", "type": "multipleChoice", "text": "Which types of AI does your council use?", "other": { "label": "Other, please specify", "maxLength": 10 }, "options": [
                { "value": "p", "label": "P" }, { "value": "q", "label": "Q" }, { "value": "none", "label": "None", "exclusive": true }, { "value": "dont_know", "label": "Don't know", "dontKnow": true } ] },
            { "id": "K", "type": "multipleChoice", "text": "Which two matter most?", "required": false, "maxChoices": 2, "options": [
                { "value": "x", "label": "X" }, { "value": "y", "label": "Y" }, { "value": "z", "label": "Z" } ] },
            { "id": "N", "type": "number", "text": "What percentage of staff have had AI training?", "min": 0, "max": 100, "integer": true, "unit": "%" },
            { "id": "T", "type": "text", "text": "What is your job title?", "maxLength": 5 },
            { "id": "O", "type": "longText", "text": "O?", "required": false },
            { "id": "L", "type": "likert", "text": "Councillors are engaged in decisions about AI.", "dontKnow": "Don't know", "points": [ { "point": 1, "label": "Low" }, { "point": 2, "label": "Mid" }, { "point": 3, "label": "High" } ] },
            { "id": "H", "type": "yesNo", "text": "Is a named senior leader responsible for AI?", "showIf": "[Y] = true" } ] } ]
        """));

    private static IReadOnlyList<AnswerError> Validate(AnswerValidationMode mode, params (string Id, AnswerValue Value)[] answers) =>
        AnswerValidator.Validate(_definition, TestSurveys.Unitary, TestSurveys.Answers(answers), mode);

    private static string? MessageFor(string questionId, AnswerValue value, params (string Id, AnswerValue Value)[] others) =>
        Validate(AnswerValidationMode.Draft, [.. others, (questionId, value)]).SingleOrDefault(e => e.QuestionId == questionId)?.Message;

    [Fact]
    public void Validate_ValidAnswers_HasNoErrors()
    {
        var errors = Validate(
            AnswerValidationMode.Submission,
            ("Y", AnswerValue.Of(true)),
            ("C", AnswerValue.Choice("b")),
            ("M", new AnswerValue { Options = ["p", "q"], Other = "Parking" }),
            ("N", AnswerValue.Of(40)),
            ("T", AnswerValue.OfText("short")),
            ("L", AnswerValue.DontKnowAnswer),
            ("H", AnswerValue.Of(false)));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_OptionThatDoesNotExist_IsRefused() =>
        Assert.Equal("Select an option from the list", MessageFor("C", AnswerValue.Choice("zz")));

    [Fact]
    public void Validate_OptionHiddenByDisplayLogic_IsRefused() =>
        Assert.Equal("Select an option from the list", MessageFor("C", AnswerValue.Choice("b"), ("Y", AnswerValue.Of(false))));

    [Fact]
    public void Validate_OptionShownByDisplayLogic_IsAccepted() =>
        Assert.Null(MessageFor("C", AnswerValue.Choice("b"), ("Y", AnswerValue.Of(true))));

    [Fact]
    public void Validate_TwoOptionsForSingleChoice_IsRefused() =>
        Assert.Equal("Select one option", MessageFor("C", AnswerValue.Choice("a", "dont_know")));

    [Fact]
    public void Validate_TextTooLong_IsRefused() =>
        Assert.Equal("Answer must be 5 characters or fewer", MessageFor("T", AnswerValue.OfText("toolong")));

    [Fact]
    public void Validate_OtherTextTooLong_IsRefused() =>
        Assert.Equal("Other, please specify must be 10 characters or fewer", MessageFor("M", new AnswerValue { Other = "far too long for it" }));

    [Fact]
    public void Validate_ExclusiveWithOtherText_IsRefused() =>
        Assert.Equal("Select 'None' or other options, not both", MessageFor("M", new AnswerValue { Options = ["none"], Other = "Parking" }));

    [Fact]
    public void Validate_ExclusiveWithAnotherOption_IsRefused() =>
        Assert.Equal("Select 'None' or other options, not both", MessageFor("M", AnswerValue.Choice("none", "p")));

    [Fact]
    public void Validate_DontKnowWithAnotherOption_IsRefused() =>
        Assert.Equal("Select 'Don't know' or other options, not both", MessageFor("M", AnswerValue.Choice("p", "dont_know")));

    [Fact]
    public void Validate_MoreTicksThanAllowed_IsRefused()
    {
        Assert.Equal("Select up to 2 options", MessageFor("K", AnswerValue.Choice("x", "y", "z")));
        Assert.Null(MessageFor("K", AnswerValue.Choice("x", "z")));
    }

    [Fact]
    public void Validate_ExclusiveAlone_IsAccepted() =>
        Assert.Null(MessageFor("M", AnswerValue.Choice("none")));

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_NumberOutOfRange_IsRefused(int value) =>
        Assert.Equal("Enter what percentage of staff have had AI training as a number between 0 and 100", MessageFor("N", AnswerValue.Of(value)));

    [Fact]
    public void Validate_FractionForWholeNumber_IsRefused() =>
        Assert.Equal("Enter what percentage of staff have had AI training as a whole number, like 25", MessageFor("N", AnswerValue.Of(2.5m)));

    [Fact]
    public void Validate_WrongKindOfAnswer_IsRefused()
    {
        Assert.Equal("Enter what percentage of staff have had AI training as a number, like 25", MessageFor("N", AnswerValue.OfText("ten")));
        Assert.Equal("Select yes if your council has an AI strategy, or no", MessageFor("Y", AnswerValue.Of(1)));
        Assert.Equal("Enter your answer as text", MessageFor("T", AnswerValue.Of(3)));
    }

    [Fact]
    public void Validate_LikertPointNotOnScale_IsRefused() =>
        Assert.Equal("Select whether councillors are engaged in decisions about AI", MessageFor("L", AnswerValue.Of(4)));

    [Fact]
    public void Validate_DontKnowWhereNotOffered_IsRefused() =>
        Assert.Equal("Select one of the answers shown", MessageFor("Y", AnswerValue.DontKnowAnswer));

    [Fact]
    public void Validate_UnknownQuestion_IsRefused()
    {
        var error = Assert.Single(Validate(AnswerValidationMode.Draft, ("ZZ", AnswerValue.Of(true))));

        Assert.Equal(new AnswerError("ZZ", "This question is not in the survey"), error);
    }

    [Fact]
    public void Validate_DraftWithNothingAnswered_HasNoErrors() =>
        Assert.Empty(Validate(AnswerValidationMode.Draft));

    [Fact]
    public void Validate_SubmissionWithNothingAnswered_ListsVisibleRequiredQuestions()
    {
        var errors = Validate(AnswerValidationMode.Submission);

        // O is optional and H is hidden until Y is yes.
        Assert.Equal(
            [
                new AnswerError("Y", "Select yes if your council has an AI strategy, or no"),
                new AnswerError("C", "Select which best describes your council's use of AI"),
                new AnswerError("M", "Select which types of AI your council uses"),
                new AnswerError("N", "Enter what percentage of staff have had AI training"),
                new AnswerError("T", "Enter your job title"),
                new AnswerError("L", "Select whether councillors are engaged in decisions about AI"),
            ],
            errors);
    }

    [Fact]
    public void Validate_SubmissionWhenConditionShowsQuestion_RequiresIt()
    {
        var errors = Validate(AnswerValidationMode.Submission, ("Y", AnswerValue.Of(true)));

        Assert.Contains(new AnswerError("H", "Select yes if a named senior leader is responsible for AI, or no"), errors);
    }

    [Fact]
    public void Validate_DefaultSurveyCouncilQuestion_IsNeverRequired()
    {
        var errors = AnswerValidator.Validate(TestSurveys.Default, TestSurveys.District, AnswerSet.Empty, AnswerValidationMode.Submission);

        Assert.DoesNotContain(errors, e => e.QuestionId == "A1");
        Assert.Contains(errors, e => e.QuestionId == "B1");
    }
}
