using Sylvan.Data.Csv;

namespace ReadinessSurvey.Responses;

/// <summary>Reads a mail-merge CSV of people to invite: council_code, name, email, role.</summary>
public static class InvitationCsv
{
    private static readonly string[] s_columns = ["council_code", "name", "email", "role"];

    public static IReadOnlyList<InvitationRequest> Read(string path, int roundId)
    {
        if (!File.Exists(path))
        {
            throw new InvitationException([$"{path}: the file does not exist."]);
        }

        using var reader = new StreamReader(path);
        return Read(reader, path, roundId);
    }

    /// <summary>Reads the CSV from a reader (e.g. an uploaded file); <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<InvitationRequest> Read(TextReader reader, string source, int roundId)
    {
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true });
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = s_columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvitationException([$"{source}: line 1: missing column(s) {string.Join(", ", missing)}. Expected: {string.Join(",", s_columns)}."]);
        }

        var requests = new List<InvitationRequest>();
        while (csv.Read())
        {
            string Field(string name) => csv.GetString(csv.GetOrdinal(name)).Trim();

            // RowNumber counts records after the header, so the file line is one more.
            requests.Add(new InvitationRequest(roundId, Field("council_code"), Field("name"), Field("email"), Field("role"), $"{source}: line {csv.RowNumber + 1}"));
        }

        return requests.Count > 0 ? requests : throw new InvitationException([$"{source}: the file has no invitations."]);
    }
}
