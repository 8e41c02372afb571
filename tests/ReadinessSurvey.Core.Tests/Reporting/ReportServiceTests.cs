using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>Every kind of report generated once through ReportService from a seeded, aggregated round.</summary>
public sealed class ReportServiceFixture : IDisposable
{
    public ReportServiceFixture()
    {
        Round = ReportRound.SeedAsync(Database).GetAwaiter().GetResult();
        Services = ReportRound.Services(Database);
        using var scope = Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<ReportService>();
        Content = scope.ServiceProvider.GetRequiredService<SnapshotReader>().GetCurrentContentAsync(Round.RoundId).GetAwaiter().GetResult()!;
        Published = scope.ServiceProvider.GetRequiredService<SnapshotReader>().GetLatestPublishedAsync(Round.RoundId).GetAwaiter().GetResult()!;
        SmallCouncil = Round.SmallTypeCouncils[0];
        Outputs = new Dictionary<string, ReportOutput>();
        foreach (var kind in ReportKinds.All)
        {
            Outputs[kind] = service.GenerateFilesAsync(Round.RoundId, kind, kind == ReportKinds.Council ? SmallCouncil : null, Folder.Path, null, default)
                .GetAwaiter().GetResult();
        }

        // One soffice process reads all four (most of a conversion is LibreOffice starting).
        var read = LibreOffice.SheetsAsCsv(
            [Outputs[ReportKinds.Sector].Path, Outputs[ReportKinds.Published].Path, Outputs[ReportKinds.Council].Path, Outputs[ReportKinds.Export].Path]);
        (Sector, PublishedSheets, Council, Export) = (read[0], read[1], read[2], read[3]);
    }

    public TestDatabase Database { get; } = new();

    public OutputFolder Folder { get; } = new();

    public ReportRound.Seeded Round { get; }

    public ServiceProvider Services { get; }

    public SnapshotContent Content { get; }

    public SnapshotContent Published { get; }

    public string SmallCouncil { get; }

    public Dictionary<string, ReportOutput> Outputs { get; }

    public Dictionary<string, List<string[]>> Sector { get; }

    public Dictionary<string, List<string[]>> PublishedSheets { get; }

    public Dictionary<string, List<string[]>> Council { get; }

    public Dictionary<string, List<string[]>> Export { get; }

    /// <summary>A report's sheets as LibreOffice read them.</summary>
    public Dictionary<string, List<string[]>> SheetsOf(string kind) => kind switch
    {
        ReportKinds.Sector => Sector,
        ReportKinds.Published => PublishedSheets,
        ReportKinds.Council => Council,
        ReportKinds.Export => Export,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such report in the fixture."),
    };

    public void Dispose()
    {
        Services.Dispose();
        Folder.Dispose();
        Database.Dispose();
    }
}

[Trait("Category", "Database")]
[Trait("Category", LibreOffice.Trait)]
public class ReportServiceTests(ReportServiceFixture fixture) : IClassFixture<ReportServiceFixture>
{
    private static decimal Num(string text) => SectorWorkbookWriterTests.Num(text);

    private static string[] Row(List<string[]> sheet, params string[] leading) =>
        sheet.First(r => leading.Select((v, i) => i < r.Length && r[i] == v).All(x => x));

    private static Stats SectorStats(SnapshotContent view, string dimension) =>
        view.Dimensions.Single(d => d.DimensionId == dimension).Groups.Single(g => g.Breakdown == Breakdowns.Sector).Scores;

    [Fact]
    public void Sector_OverallScores_MatchSnapshot()
    {
        var stats = SectorStats(fixture.Content, "overall");
        var row = Row(fixture.Sector["Readiness overview"], "Overall", "All councils");

        Assert.Equal(11, Num(row[3]));
        Assert.Equal((decimal)stats.Mean!.Value, Num(row[4]));
        Assert.Equal((decimal)stats.Median!.Value, Num(row[5]));
        Assert.Equal((decimal)stats.Min!.Value, Num(row[8]));
    }

    [Fact]
    public async Task Number_questions_are_summarised_in_the_sector_and_published_workbooks()
    {
        // B3 "How many AI tools are in use?" from the stored submitted answers, summarised by hand:
        // quartiles as Excel's QUARTILE.INC (the value at position (n - 1) p of the sorted values, interpolated).
        await using var db = fixture.Database.CreateContext();
        var values = (await ReadinessSurvey.Responses.SubmittedAnswers.ReadAsync(db, fixture.Round.RoundId, null, default))
            .Select(r => r.Answers.Get("B3")?.Number).OfType<decimal>().Order().ToList();
        Assert.True(values.Count >= 5, $"only {values.Count} answers to B3");
        decimal At(decimal p)
        {
            var h = (values.Count - 1) * p;
            var low = (int)Math.Floor(h);
            return low + 1 < values.Count ? values[low] + ((h - low) * (values[low + 1] - values[low])) : values[low];
        }

        var sector = Row(fixture.Sector["Number questions"], "B3", "How many AI tools are in use?", "All councils", "All councils");
        Assert.Equal(values.Count, Num(sector[4]));
        Assert.Equal(Math.Round(values.Average(), 2), Num(sector[5]));
        Assert.Equal(Math.Round(At(0.5m), 2), Num(sector[6]));
        Assert.Equal(Math.Round(At(0.25m), 2), Num(sector[7]));
        Assert.Equal(Math.Round(At(0.75m), 2), Num(sector[8]));
        Assert.Equal(values[0], Num(sector[9]));
        Assert.Equal(values[^1], Num(sector[10]));
        Assert.Contains(fixture.Sector["Number questions"], r => r.Any(c => c.Contains("QUARTILE.INC", StringComparison.Ordinal)));

        // Published: the same figures where n is published, [c] for every figure of a withheld group,
        // and no minimum or maximum (each is one council's answer).
        var published = fixture.PublishedSheets["Number questions"];
        Assert.Equal(sector[..9], Row(published, "B3", "How many AI tools are in use?", "All councils", "All councils")[..9]);
        Assert.DoesNotContain(published, r => r.Contains("Minimum"));
        var withheld = fixture.Published.Questions.Single(q => q.QuestionId == "B3").Groups.Where(g => g.Base is null).ToList();
        Assert.NotEmpty(withheld);
        var rows = published.Where(r => r.Length > 8 && r[0] == "B3").ToList();
        Assert.Contains(rows, r => r[4..9].All(c => c == "[c]"));
        Assert.DoesNotContain(rows, r => r[4] == "[c]" && r[5..9].Any(c => c != "[c]"));
    }

    [Fact]
    public void Sector_ResponseRates_CountSubmittedAgainstTheRegister()
    {
        var row = Row(fixture.Sector["Response rates"], "All councils");

        Assert.Equal(fixture.Content.Responses.Rates.Single(r => r.Breakdown == Breakdowns.Sector).Registered, Num(row[2]));
        Assert.Equal(11, Num(row[3]));
    }

    [Fact]
    public void Sector_QuestionCounts_MatchSnapshot()
    {
        var group = fixture.Content.Questions.Single(q => q.QuestionId == "B1").Groups.Single(g => g.Breakdown == Breakdowns.Sector);
        var live = Row(fixture.Sector["Adoption of AI"], "Live in services");

        Assert.Equal(group.Options.Single(o => o.Value == "live").Count, (int)Num(live[1]));
        Assert.Equal(2, (int)Num(Row(fixture.Sector["Governance"], "Don't know")[1]));
    }

    [Fact]
    public void Sector_HostileFreeText_StaysText()
    {
        Assert.Contains(fixture.Sector["Free text"], r => r[4] == ReportRound.Hostile);
        Assert.Contains(fixture.Sector["Free text"], r => r[4] == ReportRound.HostileOther);
        using var package = new Package(fixture.Outputs[ReportKinds.Sector].Path);
        Assert.Equal(0, package.FormulaCount);
        Assert.Contains(package.Cells("Free text"), c => c.IsString && c.Text == ReportRound.Hostile);
        Assert.True(package.ImageCount("Readiness overview") >= 3);
        Assert.True(package.ImageCount("Governance") >= 1, "the Likert chart");
    }

    [Fact]
    public void Published_NamesNoCouncilFromTheRegister()
    {
        var names = File.ReadAllLines(Repository.File("src", "ReadinessSurvey.Core", "Councils", "Register", "councils.csv"))
            .Skip(1).Select(l => l.Split(',')[2].Trim('"')).ToList();
        static List<string> Named(IEnumerable<string> names, Dictionary<string, List<string[]>> sheets)
        {
            var text = string.Join("\n", sheets.Values.SelectMany(s => s).SelectMany(r => r));
            return names.Where(n => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(n)}(?![\w-])")).ToList();
        }

        Assert.Empty(Named(names, fixture.PublishedSheets));
        Assert.True(Named(names, fixture.Sector).Count >= 11, "the check finds the names the internal workbook holds");
        var text = string.Join("\n", fixture.PublishedSheets.Values.SelectMany(s => s).SelectMany(r => r));
        Assert.DoesNotContain(ReportRound.Hostile, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Council scores", fixture.PublishedSheets.Keys);
    }

    [Fact]
    public void Published_SmallGroups_AreSuppressed()
    {
        var unitary = Row(fixture.PublishedSheets["Readiness overview"], "Overall", "Council type", "Unitary authority");
        var published = SectorStats(fixture.Published, "overall");
        var all = Row(fixture.PublishedSheets["Readiness overview"], "Overall", "All councils");

        Assert.Equal(["[c]", "[c]", "[c]"], unitary[3..6]);
        Assert.Equal((decimal)published.Median!.Value, Num(all[5]));
        using var package = new Package(fixture.Outputs[ReportKinds.Published].Path);
        Assert.Empty(package.ValidationErrors);
    }

    [Fact]
    public void Council_ShowsOwnScoresAndSuppressesSmallPeerGroups()
    {
        var own = fixture.Content.Councils.Single(c => c.Code == fixture.SmallCouncil);
        var overall = Row(fixture.Council["Scores"], "Overall");
        var sector = SectorStats(fixture.Published, "overall");

        Assert.Equal(Math.Round((decimal)own.OverallScore!.Value, 2), Num(overall[1]));
        Assert.Equal(11, Num(overall[2]));
        Assert.Equal((decimal)sector.Median!.Value, Num(overall[3]));
        Assert.Equal(["[c]", "[c]", "[c]", "[c]"], overall[6..10]);
        Assert.Equal(11, Num(overall[10]));

        var answers = fixture.Council["Answers"];
        Assert.Contains(answers, r => r[0] == "B1" && r[4] == "Yes");
        Assert.All(answers.Skip(1), r => Assert.Equal("[c]", r[7]));
        Assert.Contains(fixture.Council["Guidance"], r => r[3].EndsWith("advice " + r[2] + ".", StringComparison.Ordinal));
        using var package = new Package(fixture.Outputs[ReportKinds.Council].Path);
        Assert.Equal(1, package.ImageCount("Scores"));
    }

    [Fact]
    public void Councils_OneWorkbookPerSubmittedCouncil()
    {
        var files = fixture.Outputs[ReportKinds.Councils].Files;

        Assert.Equal(fixture.Round.Submitted.Order(StringComparer.Ordinal).Select(c => "council-" + c.ToLowerInvariant()),
            files.Select(f => Path.GetFileName(f)[..^16]));
        Assert.All(files, f =>
        {
            using var package = new Package(f);
            Assert.Equal(1, package.ImageCount("Scores"));
        });
    }

    [Fact]
    public async Task Councils_GivenCodes_WritesThoseOnly_AndRefusesOneNotInTheSnapshot()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ReportService>();
        var source = await service.LoadAsync(fixture.Round.RoundId, published: true, default);
        var two = fixture.Round.Submitted.Order(StringComparer.Ordinal).Take(2).ToList();
        using var folder = new OutputFolder();

        var output = await service.CouncilsAsync(source, two, folder.Path, null, default);
        var error = await Assert.ThrowsAsync<ReportException>(() =>
            service.CouncilsAsync(source, [two[0], fixture.Round.InProgress], folder.Path, null, default));

        Assert.Equal(two.Select(c => "council-" + c.ToLowerInvariant()), output.Files.Select(f => Path.GetFileName(f)[..^16]));
        Assert.Equal(2, Directory.GetFiles(folder.Path).Length);
        Assert.Contains(fixture.Round.InProgress, error.Message, StringComparison.Ordinal);
        Assert.Contains("not in round", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_OneRowPerSubmittedReturn_InEveryFormat()
    {
        var output = fixture.Outputs[ReportKinds.Export];
        var responses = fixture.Export["Responses"];
        var csv = Csv.Parse(File.ReadAllText(output.Files[1]));

        Assert.Equal(3, output.Files.Count);
        Assert.Equal(12, responses.Count);
        Assert.Equal(12, csv.Count);
        Assert.Equal(fixture.Round.Submitted.Order(StringComparer.Ordinal), responses.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(responses, r => r[0] == fixture.Round.InProgress);
        var b4 = Array.IndexOf(responses[0], "B4");
        Assert.Contains(responses, r => r[b4] == ReportRound.Hostile);
        Assert.Contains(Csv.Parse(File.ReadAllText(output.Files[2])), r => r[0] == "E2_dont_know" && r[6] == AnswerStorage.DontKnowCode);
    }

    [Theory]
    [InlineData(ReportKinds.Sector)]
    [InlineData(ReportKinds.Published)]
    [InlineData(ReportKinds.Council)]
    public void Contents_lists_for_each_sheet_exactly_the_columns_of_its_tables(string kind)
    {
        var contents = fixture.SheetsOf(kind)["Contents"];
        var header = Array.IndexOf(contents[2], "Columns");
        using var package = new Package(fixture.Outputs[kind].Path);

        Assert.True(header > 0, "The contents sheet has a Columns column.");
        var listed = contents.Skip(3).Where(r => r[0].Length > 0).ToList();
        Assert.Equal(package.SheetNames.Skip(1), listed.Select(r => r[0]));
        foreach (var row in listed)
        {
            var tables = package.TableHeaders(row[0]).Select(h => string.Join(", ", h)).Distinct().ToList();
            Assert.Equal(string.Join("; ", tables), row[header]);
        }

        Assert.DoesNotContain(listed, r => r[1].Contains("invited", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Export_stores_agreement_scale_points_as_numbers_and_dont_know_in_its_own_0_1_column()
    {
        var typed = LibreOffice.SheetsAsCsv(fixture.Outputs[ReportKinds.Export].Path, quoteText: true)["Responses"];
        var header = typed[0].Select(h => h.Trim('"')).ToList();
        var points = typed.Skip(1).Select(r => r[header.IndexOf("E2")]).ToList();
        var dontKnow = typed.Skip(1).Select(r => r[header.IndexOf("E2_dont_know")]).ToList();

        // Unquoted: LibreOffice read a number, not text.
        Assert.All(points.Where(p => p.Length > 0), p => Assert.Matches("^[1-5]$", p));
        Assert.Equal(10, points.Count(p => p.Length > 0));
        Assert.Equal(["0", "1"], dontKnow.Distinct().Order(StringComparer.Ordinal));
        Assert.All(points.Zip(dontKnow), x => Assert.True(x.First.Length == 0 == (x.Second == "1"), $"{x.First} / {x.Second}"));
    }

    [Fact]
    public void Export_names_each_councils_tier_in_words_and_the_codebook_lists_the_words()
    {
        var responses = fixture.Export["Responses"];
        var tier = Array.IndexOf(responses[0], "tier");
        var described = fixture.Export["Codebook"].Single(r => r[0] == "tier")[9];

        Assert.True(tier > 0, "The export has a tier column.");
        Assert.All(responses.Skip(1), r => Assert.Contains(r[tier], described, StringComparison.Ordinal));
        Assert.Contains(responses.Skip(1), r => r[tier] == "Lower tier (district councils)");
    }

    [Fact]
    public void Export_codebook_describes_exactly_the_columns_of_the_responses_sheet_in_order()
    {
        var responses = fixture.Export["Responses"];
        var codebook = fixture.Export["Codebook"];
        var csvCodebook = Csv.Parse(File.ReadAllText(fixture.Outputs[ReportKinds.Export].Files[2]));

        Assert.Equal(responses[0], codebook.Skip(1).Select(r => r[0]).Distinct());
        Assert.Equal(responses[0], csvCodebook.Skip(1).Select(r => r[0]).Distinct());
        Assert.Equal(responses[0], Csv.Parse(File.ReadAllText(fixture.Outputs[ReportKinds.Export].Files[1]))[0]);
    }

    [Fact]
    public async Task Generate_WithoutSnapshot_AsksForAggregation()
    {
        using var database = new TestDatabase();
        var seeded = await ReportRound.SeedAsync(database, aggregate: false);
        await using var services = ReportRound.Services(database);
        await using var scope = services.CreateAsyncScope();

        var error = await Assert.ThrowsAsync<ReportException>(() =>
            scope.ServiceProvider.GetRequiredService<IReportGenerator>().GenerateAsync(
                new ReportRun { RoundId = seeded.RoundId, Kind = ReportKinds.Sector, RequestedBy = "test" }, new Progress<int>(), default));

        Assert.Contains($"Run 'aggregate --round {seeded.RoundId}' first", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("E99999999", "no council with code")]
    [InlineData(null, "has no submitted return")]
    public async Task Council_UnknownOrNotSubmitted_IsRefused(string? code, string message)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ReportService>();

        var error = await Assert.ThrowsAsync<ReportException>(() =>
            service.GenerateAsync(fixture.Round.RoundId, ReportKinds.Council, code ?? fixture.Round.InProgress, fixture.Folder.Path, null, default));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
