using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Surveys;

public class AnswerValidatorTests
{
    private static readonly SurveyDefinition _definition = TestSurveys.Load(TestSurveys.Json("""
        [ { "id": "S", "title": "S", "questions": [
            { "id": "Y", "type": "yesNo", "text": "Y?", "dimension": "d" },
            { "id": "C", "type": "singleChoice", "text": "C?", "options": [
                { "value": "a", "label": "A" }, { "value": "b", "label": "B", "showIf": "[Y] = true" }, { "value": "dk", "label": "Don't know", "dontKnow": true } ] },
            { "id": "M", "type": "multipleChoice", "text": "M?", "other": { "label": "Other, please specify", "maxLength": 10 }, "options": [
                { "value": "p", "label": "P" }, { "value": "q", "label": "Q" }, { "value": "none", "label": "None", "exclusive": true } ] },
            { "id": "N", "type": "number", "text": "N?", "min": 0, "max": 100, "integer": true, "unit": "%" },
            { "id": "T", "type": "text", "text": "T?", "maxLength": 5 },
            { "id": "O", "type": "longText", "text": "O?", "required": false },
            { "id": "L", "type": "likert", "text": "L?", "dontKnow": "Don't know", "points": [ { "point": 1, "label": "Low" }, { "point": 2, "label": "Mid" }, { "point": 3, "label": "High" } ] },
            { "id": "H", "type": "yesNo", "text": "H?", "showIf": "[Y] = true" } ] } ]
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
        Assert.Equal("Select one option", MessageFor("C", AnswerValue.Choice("a", "dk")));

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
    public void Validate_ExclusiveAlone_IsAccepted() =>
        Assert.Null(MessageFor("M", AnswerValue.Choice("none")));

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_NumberOutOfRange_IsRefused(int value) =>
        Assert.Equal("Enter a number between 0 and 100", MessageFor("N", AnswerValue.Of(value)));

    [Fact]
    public void Validate_FractionForWholeNumber_IsRefused() =>
        Assert.Equal("Enter a whole number", MessageFor("N", AnswerValue.Of(2.5m)));

    [Fact]
    public void Validate_WrongKindOfAnswer_IsRefused()
    {
        Assert.Equal("Enter a number", MessageFor("N", AnswerValue.OfText("ten")));
        Assert.Equal("Select yes or no", MessageFor("Y", AnswerValue.Of(1)));
        Assert.Equal("Enter your answer as text", MessageFor("T", AnswerValue.Of(3)));
    }

    [Fact]
    public void Validate_LikertPointNotOnScale_IsRefused() =>
        Assert.Equal("Select one point on the scale", MessageFor("L", AnswerValue.Of(4)));

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
                new AnswerError("Y", "Select yes or no"),
                new AnswerError("C", "Select an answer"),
                new AnswerError("M", "Select at least one option"),
                new AnswerError("N", "Enter a number"),
                new AnswerError("T", "Enter an answer"),
                new AnswerError("L", "Select an answer"),
            ],
            errors);
    }

    [Fact]
    public void Validate_SubmissionWhenConditionShowsQuestion_RequiresIt()
    {
        var errors = Validate(AnswerValidationMode.Submission, ("Y", AnswerValue.Of(true)));

        Assert.Contains(new AnswerError("H", "Select yes or no"), errors);
    }

    [Fact]
    public void Validate_DefaultSurveyCouncilQuestion_IsNeverRequired()
    {
        var errors = AnswerValidator.Validate(TestSurveys.Default, TestSurveys.District, AnswerSet.Empty, AnswerValidationMode.Submission);

        Assert.DoesNotContain(errors, e => e.QuestionId == "A1");
        Assert.Contains(errors, e => e.QuestionId == "B1");
    }
}
