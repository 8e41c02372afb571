using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Api;

/// <summary>
/// The read-only JSON API under <c>/api/v1</c>: the published (suppressed) view of each round's current
/// snapshot, never the internal one, so it holds nothing the published workbook does not. Read from the
/// stored snapshot, never recomputed per request.
/// </summary>
public static class PublishedApi
{
    private const string WithheldNote =
        "Numbers from fewer councils than the threshold are withheld (null), and so are others that would let them be worked out. " +
        "Minimum and maximum scores are never published: each is one council's.";

    public static IEndpointRouteBuilder MapPublishedApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiAuthentication.Policy).WithTags("Published aggregates");
        api.MapGet("/rounds", RoundsAsync)
            .WithName("ListRounds").WithSummary("Rounds with results").WithDescription("Every round that has aggregate results, with the date of its data.");
        api.MapGet("/rounds/{roundId:int}", RoundAsync)
            .WithName("GetRound").WithSummary("A round's results: summary").WithDescription("The round, its groups and dimensions, and how small numbers are withheld.");
        api.MapGet("/rounds/{roundId:int}/response-rates", ResponseRatesAsync)
            .WithName("GetResponseRates").WithSummary("Response rates").WithDescription("Councils in the register and councils that submitted, by group.");
        api.MapGet("/rounds/{roundId:int}/dimensions", DimensionsAsync)
            .WithName("GetDimensions").WithSummary("Dimension scores").WithDescription("Score statistics (0 to 100) of each readiness dimension and the overall score, by group.");
        api.MapGet("/rounds/{roundId:int}/maturity", MaturityAsync)
            .WithName("GetMaturity").WithSummary("Maturity levels").WithDescription("How many councils are at each maturity level, by group.");
        api.MapGet("/rounds/{roundId:int}/questions", QuestionsAsync)
            .WithName("GetQuestions").WithSummary("Answers to each question").WithDescription(
                "Counts and percentages of each answer, or the statistics of a number question, by group. " +
                "An answer's percent is 100 x count / base, its base being the councils in the group that answered the question and were shown " +
                "that answer (an option offered only to some council types counts only those); \"Don't know\" is in the base and has its own count " +
                "and percent. A number question gives n (councils answering), mean, median and lower and upper quartiles " +
                "(interpolated between closest ranks, as Excel's QUARTILE.INC); minimum and maximum are never published.");
        return app;
    }

    private static async Task<Ok<List<ApiRound>>> RoundsAsync(ReadinessDbContext db, SurveyLibrary surveys, CancellationToken ct)
    {
        var rows = await db.AggregateSnapshots.AsNoTracking().Where(s => s.IsCurrent)
            .Join(db.Rounds.AsNoTracking(), s => s.RoundId, r => r.Id, (s, r) => new { Round = r, s.ComputedAt, s.ReturnCount })
            .OrderBy(x => x.Round.Id)
            .ToListAsync(ct);
        var rounds = new List<ApiRound>();
        foreach (var row in rows)
        {
            rounds.Add(ApiRound.Of(row.Round, await surveys.GetAsync(row.Round.DefinitionVersionId, ct), row.ComputedAt, row.ReturnCount));
        }

        return TypedResults.Ok(rounds);
    }

    private static async Task<Results<Ok<ApiRoundDetail>, NotFound>> RoundAsync(int roundId, ReadinessDbContext db, SurveyLibrary surveys, CancellationToken ct) =>
        await LoadAsync(roundId, db, surveys, ct) is { } data
            ? TypedResults.Ok(new ApiRoundDetail(
                data.Round,
                new ApiSuppression(data.Content.Threshold, SnapshotJson.ReadSuppressionLog(data.Snapshot).Count, WithheldNote),
                data.Content.Groups,
                [.. data.Definition.Scoring.Dimensions.Select(d => new ApiLabel(d.Id, d.Label))],
                [.. data.Definition.Scoring.MaturityLevels.Select(m => new ApiLabel(m.Level.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Label))]))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<ResponseRate>>, NotFound>> ResponseRatesAsync(int roundId, ReadinessDbContext db, SurveyLibrary surveys, CancellationToken ct) =>
        await LoadAsync(roundId, db, surveys, ct) is { } data ? TypedResults.Ok(data.Content.Responses.Rates) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<ApiDimension>>, NotFound>> DimensionsAsync(int roundId, ReadinessDbContext db, SurveyLibrary surveys, CancellationToken ct) =>
        await LoadAsync(roundId, db, surveys, ct) is { } data
            ? TypedResults.Ok(data.Content.Dimensions.Select(d => new ApiDimension(
                d.DimensionId, data.Definition.Scoring.FindDimension(d.DimensionId)?.Label ?? "Overall", d.Groups)).ToList())
            : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<MaturityResult>>, NotFound>> MaturityAsync(int roundId, ReadinessDbContext db, SurveyLibrary surveys, CancellationToken ct) =>
        await LoadAsync(roundId, db, surveys, ct) is { } data ? TypedResults.Ok(data.Content.Maturity) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<ApiQuestion>>, NotFound>> QuestionsAsync(int roundId, ReadinessDbContext db, SurveyLibrary surveys, CancellationToken ct) =>
        await LoadAsync(roundId, db, surveys, ct) is { } data
            ? TypedResults.Ok(data.Content.Questions.Select(q => new ApiQuestion(
                q.QuestionId, data.Definition.FindQuestion(q.QuestionId)?.Text ?? "", q.Kind, q.Groups, q.ShownToSome ?? [])).ToList())
            : TypedResults.NotFound();

    /// <summary>
    /// The round with its newest protected published view (the current snapshot's once protected, until then the one
    /// before); null when either is missing.
    /// </summary>
    private static async Task<RoundData?> LoadAsync(int roundId, ReadinessDbContext db, SurveyLibrary surveys, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var snapshot = round is null ? null : await new SnapshotReader(db).GetLatestProtectedSnapshotAsync(roundId, ct);
        if (round is null || snapshot is null)
        {
            return null;
        }

        var definition = await surveys.GetAsync(round.DefinitionVersionId, ct);
        return new RoundData(ApiRound.Of(round, definition, snapshot.ComputedAt, snapshot.ReturnCount), definition, snapshot, SnapshotJson.ReadPublished(snapshot));
    }

    private sealed record RoundData(ApiRound Round, SurveyDefinition Definition, AggregateSnapshot Snapshot, SnapshotContent Content);
}
