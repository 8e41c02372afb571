using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ReadinessSurvey.Tests.Reporting.Charts;

/// <summary>A text's estimated box in SVG pixels.</summary>
public readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public double CentreX => (Left + Right) / 2;

    public double CentreY => (Top + Bottom) / 2;

    /// <summary>True when the boxes share more than <paramref name="tolerance"/> pixels each way.</summary>
    public bool Overlaps(Box other, double tolerance = 1) =>
        Math.Min(Right, other.Right) - Math.Max(Left, other.Left) > tolerance &&
        Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top) > tolerance;

    public bool Inside(Box outer, double tolerance = 1) =>
        Left >= outer.Left - tolerance && Right <= outer.Right + tolerance && Top >= outer.Top - tolerance && Bottom <= outer.Bottom + tolerance;
}

/// <summary>
/// A line of text as ScottPlot (through Skia's SVG canvas) writes it, with its estimated box and the box
/// it is clipped to, if any (the plotting area, or the legend's frame).
/// </summary>
public sealed record SvgText(string Content, double FontSize, Box Box, Box? Clip)
{
    public bool InDataArea => Clip is not null;
}

/// <summary>
/// Reads what a test can check in a chart's SVG. Skia writes each line of text as a &lt;text&gt; with
/// transform="translate(x y)" (plus rotate(-90) for a vertical axis title) and each glyph's x offset.
/// A text's box is estimated, not measured: it runs from its first glyph to its last glyph's position
/// plus 0.6 of the font size (DejaVu Sans' characters average a little under 0.6 em; without glyph
/// positions, the character count times 0.6 of the font size), and its height is the font size, from 0.8
/// of it above the baseline to 0.2 below. That is close enough to find labels printed over each other
/// ("39%43%38%") or off the edge, which is what the checks are for.
/// </summary>
public sealed class ChartSvg
{
    private const double CharWidth = 0.6;
    private static readonly Regex _translate = new(@"translate\(([-\d.]+)[ ,]+([-\d.]+)\)", RegexOptions.Compiled);

    // Skia writes a text turned a quarter anticlockwise (a vertical axis title) as matrix(0 -1 1 0 x y).
    private static readonly Regex _turned = new(@"matrix\(0 -1 1 0 ([-\d.]+) ([-\d.]+)\)", RegexOptions.Compiled);

    public ChartSvg(string svg)
    {
        var doc = XDocument.Parse(svg);
        var root = doc.Root!;
        Width = Number(root.Attribute("width")!.Value);
        Height = Number(root.Attribute("height")!.Value);
        var clips = root.Descendants().Where(e => e.Name.LocalName == "clipPath")
            .ToDictionary(e => $"url(#{e.Attribute("id")!.Value})", e => RectBox(e.Elements().First()));
        DataArea = clips.Values.First();
        Texts = [.. root.Descendants().Where(e => e.Name.LocalName == "text").Select(e => Read(e, clips))];
        Fills = [.. root.Descendants()
            .Where(e => e.Name.LocalName is "rect" or "path" && e.Attribute("fill") is { } f && f.Value is not ("none" or "white" or "#FFFFFF") && e.Attribute("fill-opacity")?.Value is not "0")
            .Select(e => e.Attribute("fill")!.Value.ToUpperInvariant())];
        Rects = [.. root.Descendants().Where(e => e.Name.LocalName == "rect" && e.Attribute("x") is not null).Select(e => (e.Attribute("fill")?.Value ?? "", RectBox(e)))];
        HasBitmap = root.Descendants().Any(e => e.Name.LocalName == "image");
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>The plotting area (ScottPlot clips the data to it).</summary>
    public Box DataArea { get; }

    public IReadOnlyList<SvgText> Texts { get; }

    /// <summary>The fill of every filled rectangle and path, white and unfilled ones left out.</summary>
    public IReadOnlyList<string> Fills { get; }

    public IReadOnlyList<(string Fill, Box Box)> Rects { get; }

    public bool HasBitmap { get; }

    public Box Canvas => new(0, 0, Width, Height);

    public string AllText => string.Join("\n", Texts.Select(t => t.Content));

    /// <summary>Tick labels below the data area that are numbers (the value axis of horizontal bars), left to right.</summary>
    public IReadOnlyList<(double Value, SvgText Text)> NumbersBelow() => Numbers(t => t.Box.Top >= DataArea.Bottom - 1 && t.Box.Top < DataArea.Bottom + 30, t => t.Box.CentreX);

    /// <summary>Tick labels left of the data area that are numbers (the value axis of upright bars), bottom to top.</summary>
    public IReadOnlyList<(double Value, SvgText Text)> NumbersLeft() => Numbers(t => t.Box.Right <= DataArea.Left + 1 && t.Box.Right > DataArea.Left - 40, t => -t.Box.CentreY);

    private IReadOnlyList<(double, SvgText)> Numbers(Func<SvgText, bool> where, Func<SvgText, double> order) =>
        [.. Texts.Where(t => !t.InDataArea && where(t) && Regex.IsMatch(t.Content, @"^-?[\d,]+(\.\d+)?%?$"))
            .OrderBy(order)
            .Select(t => (double.Parse(t.Content.TrimEnd('%').Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture), t))];

    private static SvgText Read(XElement e, Dictionary<string, Box> clips)
    {
        var content = e.Value.Trim();
        var size = Number(e.Attribute("font-size")!.Value);
        var transform = e.Attribute("transform")?.Value ?? "";
        var turned = _turned.Match(transform);
        var match = turned.Success ? turned : _translate.Match(transform);
        var (tx, ty) = match.Success ? (Number(match.Groups[1].Value), Number(match.Groups[2].Value)) : (0, 0);
        var glyphs = Numbers(e.Attribute("x")?.Value);
        var x0 = glyphs.Count > 0 ? glyphs[0] : 0;
        var y0 = Numbers(e.Attribute("y")?.Value).FirstOrDefault();
        var width = glyphs.Count == content.Length ? glyphs[^1] - x0 + (size * CharWidth) : content.Length * size * CharWidth;
        // Local box: from the first glyph along the baseline; the quarter turn makes it run upwards.
        var (left, top, right, bottom) = (x0, y0 - (0.8 * size), x0 + width, y0 + (0.2 * size));
        var box = turned.Success
            ? new Box(tx + top, ty - right, tx + bottom, ty - left)
            : new Box(tx + left, ty + top, tx + right, ty + bottom);
        var clip = e.Ancestors().Select(a => a.Attribute("clip-path")?.Value).FirstOrDefault(v => v is not null);
        return new SvgText(content, size, box, clip is null ? null : clips[clip]);
    }

    private static Box RectBox(XElement e)
    {
        var x = Number(e.Attribute("x")?.Value ?? "0");
        var y = Number(e.Attribute("y")?.Value ?? "0");
        return new Box(x, y, x + Number(e.Attribute("width")!.Value), y + Number(e.Attribute("height")!.Value));
    }

    private static List<double> Numbers(string? list) =>
        list is null ? [] : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Number)];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
