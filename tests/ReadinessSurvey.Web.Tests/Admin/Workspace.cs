using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web.Admin;

/// <summary>Returns in given states, made through the respondents' own services, and small reads for the workspace's tests.</summary>
internal static partial class Workspace
{
    /// <summary>A return with one saved answer: in progress.</summary>
    public static async Task StartAsync(this Scenario scenario, IssuedInvitation invitation) =>
        await scenario.WithAsync(async sp =>
        {
            var returns = sp.GetRequiredService<ReturnService>();
            var contributor = await returns.EnsureContributorAsync(invitation.Invitation);
            var first = SurveyAnswers.Complete(SurveyAnswers.Default, SurveyAnswers.District).First();
            var saved = await returns.SaveAsync(contributor.ReturnId, contributor.Id, [new AnswerChange(first.Key, first.Value, 0)]);
            Assert.Equal(SaveStatus.Saved, saved.Status);
            return contributor.ReturnId;
        });

    /// <summary>A complete, submitted return (answers for a district council, like Adur's).</summary>
    public static async Task<int> SubmitAsync(this Scenario scenario, IssuedInvitation invitation) =>
        await scenario.WithAsync(async sp =>
        {
            var returns = sp.GetRequiredService<ReturnService>();
            var contributor = await returns.EnsureContributorAsync(invitation.Invitation);
            var answers = SurveyAnswers.Complete(SurveyAnswers.Default, SurveyAnswers.District);
            await returns.SaveAsync(contributor.ReturnId, contributor.Id, answers.Select(a => new AnswerChange(a.Key, a.Value, 0)).ToList());
            Assert.True((await sp.GetRequiredService<SubmissionService>().SubmitAsync(contributor.ReturnId, contributor.Id)).Submitted);
            return contributor.ReturnId;
        });

    public static async Task<T> DbAsync<T>(this Scenario scenario, Func<ReadinessDbContext, Task<T>> query) =>
        await scenario.WithAsync(sp => query(sp.GetRequiredService<ReadinessDbContext>()));

    public static async Task<int> AuditCountAsync(this Scenario scenario, string action, string? target = null, string? actor = null) =>
        await scenario.DbAsync(db => db.AuditEvents.CountAsync(e => e.Action == action && (target == null || e.Target == target) && (actor == null || e.Actor == actor)));

    public static async Task<SurveyRound> RoundAsync(this Scenario scenario, int id) =>
        await scenario.DbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Id == id));

    /// <summary>True when the link's token still signs a respondent in.</summary>
    public static async Task<bool> LinkWorksAsync(ReadinessWebFactory factory, string linkOrToken)
    {
        using var client = factory.CreateFormClient();
        var token = linkOrToken[(linkOrToken.LastIndexOf('/') + 1)..];
        var response = await client.GetAsync($"/respond/start/{token}");
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/respond";
    }

    /// <summary>True when the token is usable, asked of the service directly (for apps on Kestrel, where the in-memory client cannot reach).</summary>
    public static async Task<bool> TokenUsableAsync(this Scenario scenario, string linkOrToken) =>
        await scenario.WithAsync(async sp => await sp.GetRequiredService<InvitationService>().FindUsableAsync(linkOrToken[(linkOrToken.LastIndexOf('/') + 1)..]) is not null);

    /// <summary>The invitation link shown on a page.</summary>
    public static string LinkOn(string page) =>
        LinkPattern().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The page shows no invitation link.");

    /// <summary>An admin post must be refused for analysts: 403 or a redirect to the access-denied page.</summary>
    public static void AssertRefused(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/access-denied", StringComparison.Ordinal)),
            $"Expected a refusal, got {(int)response.StatusCode} {location}");
    }

    [GeneratedRegex("id=\"link\" type=\"text\" readonly value=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();
}
