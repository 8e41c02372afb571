using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Councils;

[Trait("Category", "Database")]
public sealed class CouncilRegisterImporterTests : IDisposable
{
    private const string Header = "gss_code,gss_entity,name,official_name,la_type,la_type_name,tier,nation,region_code,region_name,county_gss_code,county_name,start_date,mysociety_code";
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Import_bundled_register_loads_every_council_with_type_and_region()
    {
        await using var db = _database.CreateContext();

        var result = await new CouncilRegisterImporter(db, _clock).ImportAsync(CouncilRegister.BundledFile);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(339, result.Added);
        Assert.Equal(164, await db.Councils.CountAsync(c => c.TypeCode == "E07"));
        Assert.Equal(21, await db.Councils.CountAsync(c => c.TypeCode == "E10"));
        Assert.Equal(22, await db.Councils.CountAsync(c => c.TypeCode == "W06" && c.RegionName == "Wales"));
        var derbyshire = await db.Councils.SingleAsync(c => c.Code == "E10000007");
        Assert.Equal("East Midlands", derbyshire.RegionName);
        var district = await db.Councils.FirstAsync(c => c.TypeCode == "E07");
        Assert.Equal("lower", district.Tier);
        Assert.NotNull(district.CountyCode);
    }

    [Fact]
    public async Task Import_again_updates_changed_councils_and_adds_none()
    {
        await using (var db = _database.CreateContext())
        {
            await new CouncilRegisterImporter(db, _clock).ImportAsync(CouncilRegister.BundledFile);
        }

        var changed = WriteCsv(Header, "E06000001,E06,Hartlepool (renamed),Hartlepool Borough Council,UA,Unitary authority,unitary,England,E12000001,North East,,,2005-06-18,HPL");
        await using (var db = _database.CreateContext())
        {
            var result = await new CouncilRegisterImporter(db, _clock).ImportAsync(changed);

            Assert.True(result.Succeeded);
            Assert.Equal((0, 1), (result.Added, result.Updated));
        }

        await using var check = _database.CreateContext();
        Assert.Equal(339, await check.Councils.CountAsync());
        Assert.Equal("Hartlepool (renamed)", (await check.Councils.SingleAsync(c => c.Code == "E06000001")).Name);
    }

    [Fact]
    public async Task Import_reports_every_bad_row_with_its_line_and_saves_nothing()
    {
        var bad = WriteCsv(
            Header,
            "E06000001,E06,Hartlepool,Hartlepool Borough Council,UA,Unitary authority,unitary,England,E12000001,North East,,,,",
            "E0600,E06,Short code,x,UA,Unitary authority,unitary,England,E12000001,North East,,,,",
            "E06000002,X99,Bad type,x,UA,Unitary authority,unitary,England,E12000001,North East,,,,",
            "E06000001,E06,Duplicate,x,UA,Unitary authority,unitary,England,E12000001,North East,,,,");
        await using var db = _database.CreateContext();

        var result = await new CouncilRegisterImporter(db, _clock).ImportAsync(bad);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("line 3", StringComparison.Ordinal) && e.Contains("'E0600'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("line 4", StringComparison.Ordinal) && e.Contains("'X99'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("line 5", StringComparison.Ordinal) && e.Contains("more than once", StringComparison.Ordinal));
        Assert.Equal(0, await db.Councils.CountAsync());
    }

    [Fact]
    public async Task Import_of_a_file_missing_columns_names_them()
    {
        var bad = WriteCsv("code,name", "E06000001,Hartlepool");
        await using var db = _database.CreateContext();

        var result = await new CouncilRegisterImporter(db, _clock).ImportAsync(bad);

        Assert.False(result.Succeeded);
        Assert.Contains("missing column(s) gss_code, gss_entity", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_a_missing_file_says_so()
    {
        await using var db = _database.CreateContext();

        var result = await new CouncilRegisterImporter(db, _clock).ImportAsync(Path.Combine(_database.Folder, "nope.csv"));

        Assert.Contains("does not exist", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();

    private string WriteCsv(params string[] lines)
    {
        var path = Path.Combine(_database.Folder, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}
