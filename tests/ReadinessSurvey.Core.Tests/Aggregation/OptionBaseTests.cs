using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.Reporting.Charts;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>
/// A base is the councils shown the question or option (issue 14, item 4). C1 "In which service areas
/// does your council use AI?" shows "Adult social care" to every type but districts (E07), which do not
/// run it: its percentage is of the councils shown it, not of everyone who answered C1. Read from the
/// full demo round (339 councils, seeded and aggregated once for the collection).
/// </summary>
[Trait("Category", "Database")]
[Collection(DemoRounds.Name)]
[Trait("Category", "Slow")]
public sealed class OptionBaseTests(ChartRounds rounds)
{
    [Fact]
    public async Task An_option_shown_only_to_some_council_types_has_the_councils_shown_it_as_its_base()
    {
        var roundId = rounds[ChartRounds.Full].Source.RoundId;

        await using var db = rounds.Database.CreateContext();
        var hand = await CountByHandAsync(db, roundId);
        var reader = new SnapshotReader(db);
        var content = (await reader.GetCurrentContentAsync(roundId))!;
        var c1 = content.Questions.Single(q => q.QuestionId == "C1");
        var sector = c1.Groups.Single(g => g.Breakdown == Breakdowns.Sector);
        var care = sector.Options.Single(o => o.Value == "adult_social_care");

        // Everyone who answered C1 is the question's base; only those not districts are the option's.
        Assert.Equal(hand.Answered, sector.Base);
        Assert.True(hand.Shown < hand.Answered, $"{hand.Shown} shown of {hand.Answered}");
        Assert.Equal(hand.Shown, care.Base);
        Assert.Equal(hand.Ticked, care.Count);
        Assert.Equal(Math.Round(100.0 * hand.Ticked / hand.Shown, 2), care.Percent);
        // An option shown to everyone keeps the question's base.
        Assert.Equal(sector.Base, sector.Options.Single(o => o.Value == "planning").Base);

        // Districts were never shown it: no base and no percentage, not 0%.
        var districts = c1.Groups.Single(g => g.Breakdown == Breakdowns.Type && g.Group == "E07");
        var notShown = districts.Options.Single(o => o.Value == "adult_social_care");
        Assert.True(districts.Base > 0);
        Assert.Equal(0, notShown.Base);
        Assert.Null(notShown.Percent);

        // A region's base leaves out its districts too.
        foreach (var region in c1.Groups.Where(g => g.Breakdown == Breakdowns.Region))
        {
            Assert.Equal(hand.ShownByRegion.GetValueOrDefault(region.Group), region.Options.Single(o => o.Value == "adult_social_care").Base);
        }

        // The published view states the same base and percentage wherever they are not withheld, and never
        // a percentage beside a withheld option base.
        var published = (await reader.GetLatestPublishedAsync(roundId))!;
        foreach (var group in published.Questions.Single(q => q.QuestionId == "C1").Groups)
        {
            var inner = c1.Groups.Single(g => g.Breakdown == group.Breakdown && g.Group == group.Group).Options.Single(o => o.Value == "adult_social_care");
            var shown = group.Options.Single(o => o.Value == "adult_social_care");
            Assert.True(shown.Base is null || shown.Base == inner.Base, $"{group.Breakdown} {group.Group}");
            Assert.True(shown.Percent is null || (shown.Base is not null && shown.Count is not null && shown.Percent == inner.Percent), $"{group.Breakdown} {group.Group}");
        }
    }

    /// <summary>C1 from the raw submission records, with the survey's rules written out by hand: section C
    /// is asked when B1 is piloting or live; "Adult social care" is offered to every type but E07.</summary>
    private static async Task<(int Answered, int Shown, int Ticked, Dictionary<string, int> ShownByRegion)> CountByHandAsync(ReadinessDbContext db, int roundId)
    {
        string[] asked = ["piloting", "live_some", "live_many"];
        var records = await db.Returns.Where(r => r.RoundId == roundId && r.Status == ReturnStatus.Submitted)
            .Select(r => new
            {
                r.Council!.TypeCode,
                r.Council.RegionCode,
                Json = r.History.Where(e => e.Kind == SubmissionEventKind.Submitted).OrderByDescending(e => e.Id).Select(e => e.AnswersJson!).First(),
            })
            .ToListAsync();
        var (answered, shown, ticked) = (0, 0, 0);
        var byRegion = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var answers = AnswerSet.FromJson(record.Json);
            if (!asked.Contains(answers.Get("B1")?.Options?.Single()) || answers.Get("C1")?.Options is not { Count: > 0 } options)
            {
                continue;
            }

            answered++;
            if (record.TypeCode != "E07")
            {
                shown++;
                byRegion[record.RegionCode] = byRegion.GetValueOrDefault(record.RegionCode) + 1;
                ticked += options.Contains("adult_social_care") ? 1 : 0;
            }
        }

        return (answered, shown, ticked, byRegion);
    }
}
