using ScottPlot;

namespace Waves.Console.Plot;

/// <summary>Panels stacked top to bottom into one PNG of an exact size (ScottPlot's multiplot,
/// drawn by SkiaSharp without a display).</summary>
static class Figure
{
    public static void Save(string path, int width, int height, params ScottPlot.Plot[] panels)
    {
        var multiplot = new Multiplot();
        multiplot.RemovePlot(multiplot.GetPlot(0));
        foreach (var p in panels) multiplot.AddPlot(p);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        multiplot.SavePng(path, width, height);
    }

    /// <summary>A panel with the common look: a title and time in seconds along the bottom.</summary>
    public static ScottPlot.Plot Panel(string title, string yLabel)
    {
        var p = new ScottPlot.Plot();
        p.Title(title);
        p.YLabel(yLabel);
        p.XLabel("seconds");
        // The same margins on every panel, so that their time axes line up.
        p.Layout.Fixed(new PixelPadding(90, 25, 50, 40));
        return p;
    }
}
