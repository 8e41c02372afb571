using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using Sylvan.Data.Csv;

namespace ReadinessSurvey.Councils;

/// <summary>
/// Imports the council register CSV (mySociety / ONS derived; see the README for attribution).
/// Re-importing updates councils matched on their GSS code and adds new ones; councils are never
/// deleted, because returns refer to them.
/// </summary>
public sealed class CouncilRegisterImporter(ReadinessDbContext db, TimeProvider clock)
{
    private static readonly string[] s_requiredColumns =
        ["gss_code", "gss_entity", "name", "official_name", "la_type", "la_type_name", "tier", "nation", "region_code", "region_name"];

    private static readonly HashSet<string> s_knownTypes = ["E06", "E07", "E08", "E09", "E10", "W06"];

    /// <summary>Reads and checks the whole file, then saves it in one transaction, or saves nothing.</summary>
    public async Task<CouncilImportResult> ImportAsync(string path, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return CouncilImportResult.Failed([$"{path}: the file does not exist."]);
        }

        var (rows, errors) = Read(path);
        if (errors.Count > 0)
        {
            return CouncilImportResult.Failed(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Councils.ToDictionaryAsync(c => c.Code, cancellationToken);
        int added = 0, updated = 0, done = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Code, out var council))
            {
                if (Apply(row, council))
                {
                    council.ImportedAt = now;
                    updated++;
                }
            }
            else
            {
                row.ImportedAt = now;
                db.Councils.Add(row);
                added++;
            }

            progress?.Report(++done * 100 / rows.Count);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CouncilImportResult(true, rows.Count, added, updated, []);
    }

    private static (List<Council> Rows, List<string> Errors) Read(string path)
    {
        var rows = new List<Council>();
        var errors = new List<string>();
        using var csv = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true });
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToHashSet(StringComparer.Ordinal);
        var missing = s_requiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return (rows, [$"{path}: line 1: missing column(s) {string.Join(", ", missing)}."]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            // RowNumber counts records after the header; the register has no multi-line fields, so line = record + 1.
            var line = csv.RowNumber + 1;
            string Field(string name) => csv.GetString(csv.GetOrdinal(name)).Trim();
            string? Optional(string name) => header.Contains(name) && Field(name) is { Length: > 0 } v ? v : null;

            var code = Field("gss_code");
            var type = Field("gss_entity");
            var where = $"{path}: line {line}";
            if (code.Length != 9)
            {
                errors.Add($"{where}: gss_code '{code}' is not a 9-character GSS code.");
                continue;
            }

            if (!seen.Add(code))
            {
                errors.Add($"{where}: gss_code {code} appears more than once.");
            }

            if (!s_knownTypes.Contains(type))
            {
                errors.Add($"{where}: gss_entity '{type}' is not a principal council type (E06, E07, E08, E09, E10, W06).");
            }

            if (string.IsNullOrEmpty(Field("name")))
            {
                errors.Add($"{where}: name is empty.");
            }

            var nation = Field("nation");
            var regionCode = Field("region_code");
            var regionName = Field("region_name");
            if (regionCode.Length == 0 && nation == "Wales")
            {
                // Wales has no E12 region; the nation stands as its region in every breakdown.
                regionCode = "W92000004";
                regionName = "Wales";
            }

            if (regionCode.Length == 0)
            {
                errors.Add($"{where}: region_code is empty for an English council.");
            }

            rows.Add(new Council
            {
                Code = code,
                Name = Field("name"),
                OfficialName = Optional("official_name") ?? Field("name"),
                TypeCode = type,
                LaType = Field("la_type"),
                TypeName = Field("la_type_name"),
                Tier = Field("tier"),
                Nation = nation,
                RegionCode = regionCode,
                RegionName = regionName,
                CountyCode = Optional("county_gss_code"),
                CountyName = Optional("county_name"),
            });
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{path}: the file has no councils.");
        }

        return (rows, errors);
    }

    private static bool Apply(Council from, Council to)
    {
        var changed = to.Name != from.Name || to.OfficialName != from.OfficialName || to.TypeCode != from.TypeCode
            || to.LaType != from.LaType || to.TypeName != from.TypeName || to.Tier != from.Tier || to.Nation != from.Nation
            || to.RegionCode != from.RegionCode || to.RegionName != from.RegionName
            || to.CountyCode != from.CountyCode || to.CountyName != from.CountyName;
        to.Name = from.Name;
        to.OfficialName = from.OfficialName;
        to.TypeCode = from.TypeCode;
        to.LaType = from.LaType;
        to.TypeName = from.TypeName;
        to.Tier = from.Tier;
        to.Nation = from.Nation;
        to.RegionCode = from.RegionCode;
        to.RegionName = from.RegionName;
        to.CountyCode = from.CountyCode;
        to.CountyName = from.CountyName;
        return changed;
    }
}

/// <summary>What a council register import did, or why it did nothing.</summary>
public sealed record CouncilImportResult(bool Succeeded, int Read, int Added, int Updated, IReadOnlyList<string> Errors)
{
    public static CouncilImportResult Failed(IReadOnlyList<string> errors) => new(false, 0, 0, 0, errors);
}
