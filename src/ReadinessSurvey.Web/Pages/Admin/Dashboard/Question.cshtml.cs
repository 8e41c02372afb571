using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Web.Dashboard;

namespace ReadinessSurvey.Web.Pages.Admin.Dashboard;

/// <summary>One question's answers by group, filtered by council type and region (a GET form, so it works without JavaScript).</summary>
public sealed class QuestionModel(Dashboards dashboards) : DashboardPageModel(dashboards)
{
    [FromRoute]
    public string QuestionId { get; set; } = "";

    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    [FromQuery(Name = "region")]
    public string? Region { get; set; }

    public override string ViewName => "Question " + QuestionId;

    public Question? Question { get; private set; }

    public GroupFilter Filter { get; private set; } = GroupFilter.None;

    public string? Error { get; private set; }

    public DashboardView View { get; private set; } = DashboardView.Empty;

    public IReadOnlyList<GroupInfo> Types => Snapshot?.GroupsOf(Breakdowns.Type) ?? [];

    public IReadOnlyList<GroupInfo> Regions => Snapshot?.GroupsOf(Breakdowns.Region) ?? [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await BuildAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        if (!await BuildAsync(cancellationToken) || Snapshot is null)
        {
            return NotFound();
        }

        return Error is not null ? BadRequest(Error) : await DownloadAsync(View.AllTables, Filter.Describe(Snapshot), cancellationToken);
    }

    /// <summary>False for an unknown round or question.</summary>
    private async Task<bool> BuildAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return false;
        }

        if (Snapshot is not { } s)
        {
            return true;
        }

        Question = s.Source.Definition.FindQuestion(QuestionId.Trim().ToUpperInvariant()) ?? s.Source.Definition.FindQuestion(QuestionId.Trim());
        // A question about each contributor (their role) is not a statistic about councils: it has no page.
        if (Question is null || Question.IsAboutContributor)
        {
            return false;
        }

        QuestionId = Question.Id;
        (Filter, Error) = GroupFilter.Parse(s, Type, Region);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        View = QuestionViews.For(s, Question, Filter);
        return true;
    }
}
