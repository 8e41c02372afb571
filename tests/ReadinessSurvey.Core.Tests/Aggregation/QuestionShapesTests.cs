using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Aggregation;

public sealed class QuestionShapesTests
{
    private static readonly IReadOnlyList<QuestionShape> Shapes = QuestionShapes.From(SurveyAnswers.Default);

    private static QuestionShape Shape(string id) => Shapes.Single(s => s.Id == id);

    [Fact]
    public void Every_question_about_the_council_has_a_shape_in_definition_order_and_profile_and_personal_questions_have_none()
    {
        var answerable = SurveyAnswers.Default.Questions.Where(q => q.Type != QuestionType.Council && !q.IsAboutContributor).Select(q => q.Id);

        Assert.Equal(answerable, Shapes.Select(s => s.Id));
        Assert.DoesNotContain(Shapes, s => s.Id == "A1");
        Assert.DoesNotContain(Shapes, s => s.Id == "A2");
        Assert.All(Shapes, s => Assert.True(QuestionKinds.IsKnown(s.Kind)));
    }

    [Fact]
    public void Single_choice_options_are_the_option_values_in_order_including_dont_know_options()
    {
        Assert.Equal(QuestionKinds.SingleChoice, Shape("B1").Kind);
        Assert.Equal(["no_use", "exploring", "piloting", "live_some", "live_many"], Shape("B1").Options);
        Assert.Equal(["none", "in_development", "part_of_digital", "approved", "dont_know"], Shape("D1").Options);
    }

    [Fact]
    public void Multiple_choice_keeps_every_option_value()
    {
        Assert.Equal(QuestionKinds.Multiple, Shape("B2").Kind);
        Assert.Equal(["perceptive", "predictive", "generative", "simulation", "dont_know"], Shape("B2").Options);
    }

    [Fact]
    public void Likert_points_are_strings_with_the_stored_dont_know_code()
    {
        Assert.Equal(QuestionKinds.Likert, Shape("D3").Kind);
        Assert.Equal(["1", "2", "3", "4", "5", AnswerStorage.DontKnowCode], Shape("D3").Options);
    }

    [Fact]
    public void Every_dont_know_answer_of_the_default_survey_has_one_code()
    {
        var codes = Shapes.SelectMany(s => s.Options).Where(o => o.Replace('-', '_').StartsWith("dont", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();

        Assert.Equal(["dont_know"], codes);
    }

    [Fact]
    public void Yes_no_is_yes_then_no_then_dont_know()
    {
        Assert.Equal(QuestionKinds.YesNo, Shape("D2").Kind);
        Assert.Equal(["yes", "no", "dont_know"], Shape("D2").Options);
    }

    [Fact]
    public void A_likert_question_without_dont_know_has_only_its_points()
    {
        var question = new Question
        {
            Id = "X1",
            Type = QuestionType.Likert,
            Points = [new() { Point = 1, Label = "Low" }, new() { Point = 2, Label = "Mid" }, new() { Point = 3, Label = "High" }],
        };

        Assert.Equal(["1", "2", "3"], QuestionShapes.From(question).Options);
    }

    [Fact]
    public void Numbers_and_text_have_no_options()
    {
        Assert.Equal(QuestionKinds.Number, Shape("A3").Kind);
        Assert.Empty(Shape("A3").Options);
        Assert.Equal(QuestionKinds.Text, Shape("C2").Kind);
        Assert.Equal(QuestionKinds.Text, Shape("I5").Kind);
    }
}
