using ReadinessSurvey.Web.Site;

namespace ReadinessSurvey.Tests.Web.Site;

public sealed class NoticeTextTests
{
    [Fact]
    public void Headings_lists_and_paragraphs_are_read_and_markup_stays_text()
    {
        var blocks = NoticeText.Parse("## Who we are\nThe LGA.\n\n- one\n- <b>two</b>\n\nA paragraph\nover two lines.\r\n\r\n## Alone");

        Assert.Equal(
            [NoticeBlockKind.Heading, NoticeBlockKind.Paragraph, NoticeBlockKind.List, NoticeBlockKind.Paragraph, NoticeBlockKind.Heading],
            blocks.Select(b => b.Kind));
        Assert.Equal(["one", "<b>two</b>"], blocks[2].Lines);
        Assert.Equal("A paragraph over two lines.", blocks[3].Lines[0]);
    }

    [Fact]
    public void The_shipped_privacy_notice_reads_as_headings_and_text()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Site", "privacy-notice.md");

        var blocks = NoticeText.Parse(File.ReadAllText(path));

        Assert.Contains(blocks, b => b.Kind == NoticeBlockKind.Heading && b.Lines[0] == "How long we keep it");
        Assert.Contains(blocks, b => b.Kind == NoticeBlockKind.List);
    }
}
