namespace ReadinessSurvey.Web.Site;

/// <summary>
/// A notice kept as a plain text file, split into blocks a page renders with GOV.UK classes. Only
/// headings ("## "), list items ("- ") and paragraphs: the text is always encoded when shown, so an
/// operator's file can never put markup or script on a page.
/// </summary>
public static class NoticeText
{
    public static IReadOnlyList<NoticeBlock> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<NoticeBlock>();
        foreach (var chunk in text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = chunk.Split('\n', StringSplitOptions.TrimEntries);
            if (lines[0].StartsWith("## ", StringComparison.Ordinal))
            {
                blocks.Add(new NoticeBlock(NoticeBlockKind.Heading, [lines[0][3..].Trim()]));
                lines = lines[1..];
                if (lines.Length == 0)
                {
                    continue;
                }
            }

            blocks.Add(lines.All(l => l.StartsWith("- ", StringComparison.Ordinal))
                ? new NoticeBlock(NoticeBlockKind.List, lines.Select(l => l[2..].Trim()).ToList())
                : new NoticeBlock(NoticeBlockKind.Paragraph, [string.Join(' ', lines)]));
        }

        return blocks;
    }
}

public enum NoticeBlockKind
{
    Heading,
    Paragraph,
    List,
}

public sealed record NoticeBlock(NoticeBlockKind Kind, IReadOnlyList<string> Lines);
