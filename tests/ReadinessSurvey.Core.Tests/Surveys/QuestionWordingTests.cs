using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Surveys;

public sealed class QuestionWordingTests
{
    [Theory]
    [InlineData("What is your role?", "your role")]
    [InlineData("How many staff does your council employ?", "how many staff your council employs")]
    [InlineData("Which best describes your council's use of AI?", "which best describes your council's use of AI")]
    [InlineData("Which types of AI does your council use?", "which types of AI your council uses")]
    [InlineData("Why is your council not using AI?", "why your council is not using AI")]
    [InlineData("How many AI tools are live in your council?", "how many AI tools are live in your council")]
    [InlineData("What access do staff have to generative AI tools?", "what access staff have to generative AI tools")]
    [InlineData("In which service areas does your council use AI?", "in which service areas your council uses AI")]
    [InlineData("Which benefits has AI delivered so far?", "which benefits AI has delivered so far")]
    [InlineData("How are the benefits of AI measured?", "how the benefits of AI are measured")]
    [InlineData("Roughly how much does AI save your council each year?", "roughly how much AI saves your council each year")]
    [InlineData("Where do your AI solutions come from?", "where your AI solutions come from")]
    [InlineData("Does your council have an AI strategy?", "whether your council has an AI strategy")]
    [InlineData("Is a named senior leader responsible for AI?", "whether a named senior leader is responsible for AI")]
    [InlineData("Councillors are engaged in decisions about AI.", "whether councillors are engaged in decisions about AI")]
    [InlineData("AI work is aligned to the council's corporate priorities.", "whether AI work is aligned to the council's corporate priorities")]
    [InlineData("How is AI work funded?", "how AI work is funded")]
    [InlineData("Does a board or panel approve AI deployments?", "whether a board or panel approves AI deployments")]
    [InlineData("Are data protection impact assessments done for AI tools?", "whether data protection impact assessments are done for AI tools")]
    [InlineData("Has your council published Algorithmic Transparency Recording Standard records?", "whether your council has published Algorithmic Transparency Recording Standard records")]
    [InlineData("Do your contracts include clauses on AI and data?", "whether your contracts include clauses on AI and data")]
    [InlineData("What are your main concerns about AI?", "your main concerns about AI")]
    [InlineData("How mature is your council's use of data?", "how mature your council's use of data is")]
    [InlineData("How far has your council moved to the cloud?", "how far your council has moved to the cloud")]
    [InlineData("Are the AI features of your office software in use?", "whether the AI features of your office software are in use")]
    [InlineData("What percentage of staff have had AI training?", "what percentage of staff have had AI training")]
    [InlineData("Have trade unions and staff been engaged about AI?", "whether trade unions and staff have been engaged about AI")]
    [InlineData("How severe is your council's AI skills gap?", "how severe your council's AI skills gap is")]
    [InlineData("Which is the single biggest barrier?", "which the single biggest barrier is")]
    [InlineData("What support would you like from the LGA?", "what support you would like from the LGA")]
    [InlineData("What impact do you expect AI to have on your council in three years?", "what impact you expect AI to have on your council in three years")]
    public void Questions_become_indirect_clauses(string text, string expected) =>
        Assert.Equal(expected, QuestionWording.Clause(text));

    [Fact]
    public void A_question_no_rule_fits_is_quoted_whole()
    {
        var question = new Question { Id = "X1", Type = QuestionType.SingleChoice, Text = "Shall we dance?" };

        Assert.Null(QuestionWording.Clause(question.Text));
        Assert.Equal("Select an answer to 'Shall we dance?'", QuestionWording.Select(question));
    }

    [Fact]
    public void Every_question_of_the_survey_has_a_clause()
    {
        var unworded = SurveyAnswers.Default.Questions.Where(q => q.Type != QuestionType.Council && QuestionWording.Clause(q.Text) is null).Select(q => q.Id);

        Assert.Empty(unworded);
    }
}
