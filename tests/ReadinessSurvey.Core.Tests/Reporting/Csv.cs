using System.Text;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>A small RFC 4180 reader for test assertions (quoted fields, doubled quotes, CRLF or LF).</summary>
internal static class Csv
{
    /// <summary>The rows; with <paramref name="keepQuotes"/> a quoted field keeps its quotes, so text cells can be told from numbers.</summary>
    public static List<string[]> Parse(string text, bool keepQuotes = false)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append(keepQuotes ? "\"\"" : "\"");
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                    if (keepQuotes)
                    {
                        field.Append('"');
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    if (keepQuotes)
                    {
                        field.Append('"');
                    }

                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    rows.Add([.. fields]);
                    fields.Clear();
                    field.Clear();
                    any = false;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }
}
