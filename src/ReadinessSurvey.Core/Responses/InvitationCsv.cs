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

        using var csv = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true });
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = s_columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvitationException([$"{path}: line 1: missing column(s) {string.Join(", ", missing)}. Expected: {string.Join(",", s_columns)}."]);
        }

        var requests = new List<InvitationRequest>();
        while (csv.Read())
        {
            string Field(string name) => csv.GetString(csv.GetOrdinal(name)).Trim();

            // RowNumber counts records after the header, so the file line is one more.
            requests.Add(new InvitationRequest(roundId, Field("council_code"), Field("name"), Field("email"), Field("role"), $"{path}: line {csv.RowNumber + 1}"));
        }

        return requests.Count > 0 ? requests : throw new InvitationException([$"{path}: the file has no invitations."]);
    }
}
