using ScottPlot;
using SkiaSharp;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// A chart: its title, alt text, size and data table, with the PNG (for workbooks) and SVG (for the web)
/// each drawn on first use. Workbooks never need the SVG, and a writer can start the PNG on another
/// thread (<see cref="StartPng"/>) and carry on writing cells while it is drawn.
/// </summary>
public sealed class ChartImage
{
    private readonly Lazy<byte[]> _png;
    private readonly Lazy<string> _svg;

    internal ChartImage(string title, string altText, ChartSize size, ChartTable table, Func<Plot> draw)
    {
        Title = title;
        AltText = altText;
        (Width, Height) = size;
        Table = table;
        // One Plot per drawing: Plots are not thread-safe, but separate ones draw in parallel safely.
        _png = new Lazy<byte[]>(() => DrawPng(draw, Width, Height));
        _svg = new Lazy<string>(() =>
        {
            using var plot = draw();
            return plot.GetSvgXml(Width, Height);
        });
    }

    public string Title { get; }

    /// <summary>The title, the chart's main finding, its n, and where its data is.</summary>
    public string AltText { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The chart's data, shown wherever the chart is (screen readers cannot read a picture).</summary>
    public ChartTable Table { get; }

    public byte[] Png => _png.Value;

    public string Svg => _svg.Value;

    /// <summary>Draws the PNG on the thread pool; <see cref="Png"/> then waits for it or returns it.</summary>
    public Task<byte[]> StartPng() => _png.IsValueCreated ? Task.FromResult(_png.Value) : Task.Run(() => _png.Value);

    /// <summary>
    /// Note: Skia's default PNG settings (zlib level 6, every row filter tried) spent about three times
    /// as long compressing a chart as drawing it. Charts are flat colours on white: the "Up" filter
    /// with zlib level 3 made files 2% larger in a third of the time (16 Likert charts: 0.30 s of CPU
    /// against 0.89 s).
    /// </summary>
    private static byte[] DrawPng(Func<Plot> draw, int width, int height)
    {
        using var plot = draw();
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
                            ?? throw new InvalidOperationException($"Skia could not make a {width} x {height} drawing surface.");
        plot.Render(surface.Canvas, width, height);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Up, 3))
                         ?? throw new InvalidOperationException("Skia could not encode the chart as PNG.");
        return data.ToArray();
    }
}
