using SkiaSharp;

namespace Waves.Engine.Tests.Cli;

/// <summary>A PNG read back: its size from the header, its pixels decoded by SkiaSharp.</summary>
sealed class PngFile
{
    public int Width { get; }
    public int Height { get; }

    /// <summary>Colours in use (quantised to 5 bits a channel) and the share of pixels that differ
    /// from the most common one (the background).</summary>
    public int Colours { get; }
    public double Inked { get; }

    public PngFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 24 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"{path} is not a PNG");
        Width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        Height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        var counts = new Dictionary<uint, int>();
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                var key = (uint)(c.Red >> 3) << 10 | (uint)(c.Green >> 3) << 5 | (uint)(c.Blue >> 3);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        Colours = counts.Count;
        Inked = 1 - counts.Values.Max() / (double)(bitmap.Width * bitmap.Height);
    }

    /// <summary>The share of pixels in a region (fractions of the image) that are not the region's
    /// most common colour.</summary>
    public static double InkedIn(string path, double left, double top, double right, double bottom)
    {
        using var bitmap = SKBitmap.Decode(path);
        var counts = new Dictionary<SKColor, int>();
        var total = 0;
        for (var y = (int)(top * bitmap.Height); y < (int)(bottom * bitmap.Height); y++)
            for (var x = (int)(left * bitmap.Width); x < (int)(right * bitmap.Width); x++)
            {
                var c = bitmap.GetPixel(x, y);
                counts[c] = counts.GetValueOrDefault(c) + 1;
                total++;
            }
        return 1 - counts.Values.Max() / (double)total;
    }

    /// <summary>The row (as a fraction of the image's height) whose pixels in the region are the
    /// most yellow on average (green over blue: the loud end of the viridis colour map, which
    /// white, black and grey do not reach): where a spectrogram draws a steady tone.</summary>
    public static double BrightestRow(string path, double left, double top, double right, double bottom)
    {
        using var bitmap = SKBitmap.Decode(path);
        var (best, bestY) = (-1.0, 0);
        for (var y = (int)(top * bitmap.Height); y < (int)(bottom * bitmap.Height); y++)
        {
            double sum = 0;
            var x0 = (int)(left * bitmap.Width);
            var x1 = (int)(right * bitmap.Width);
            for (var x = x0; x < x1; x++)
            {
                var c = bitmap.GetPixel(x, y);
                sum += c.Green - c.Blue;
            }
            if (sum / (x1 - x0) > best) (best, bestY) = (sum / (x1 - x0), y);
        }
        return bestY / (double)bitmap.Height;
    }
}
