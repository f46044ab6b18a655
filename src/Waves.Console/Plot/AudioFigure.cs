using ScottPlot;

namespace Waves.Console.Plot;

/// <summary>The picture of a sound: waveform, level envelope and spectrogram over the same time axis.</summary>
static class AudioFigure
{
    public static void Save(string path, string name, float[][] channels, int sampleRate, int width, int height)
    {
        var frames = channels[0].Length;
        var seconds = frames / (double)sampleRate;

        var wave = Figure.Panel($"{name}: waveform", "amplitude");
        string[] labels = channels.Length == 1 ? ["mono"] : ["left", "right"];
        for (var c = 0; c < Math.Min(2, channels.Length); c++)
        {
            var signal = wave.Add.Signal(Array.ConvertAll(channels[c], v => (double)v), 1.0 / sampleRate);
            signal.LegendText = labels[c];
            signal.Color = c == 0 ? Colors.SteelBlue : Colors.DarkOrange.WithAlpha(0.7);
        }
        wave.Axes.SetLimits(0, seconds, -1.05, 1.05);

        var window = Math.Max(1, sampleRate / 100);
        var (peak, rms) = AudioAnalysis.Levels(channels, window);
        var levels = Figure.Panel("level (10 ms windows)", "dBFS");
        var peakLine = levels.Add.Signal(peak, window / (double)sampleRate);
        peakLine.LegendText = "peak";
        peakLine.Color = Colors.Crimson;
        var rmsLine = levels.Add.Signal(rms, window / (double)sampleRate);
        rmsLine.LegendText = "RMS";
        rmsLine.Color = Colors.SeaGreen;
        levels.Axes.SetLimits(0, seconds, AudioAnalysis.FloorDb, 6);
        levels.ShowLegend(Alignment.LowerRight);

        var fftSize = 2048;
        var spectrum = AudioAnalysis.Spectrogram(channels, fftSize, Math.Max(64, width), out var secondsPerColumn, sampleRate);
        var spectro = Figure.Panel("spectrogram", "Hz");
        var heatmap = spectro.Add.Heatmap(spectrum);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Extent = new CoordinateRect(0, spectrum.GetLength(1) * secondsPerColumn, 0, sampleRate / 2.0);
        spectro.Axes.SetLimits(0, seconds, 0, sampleRate / 2.0);

        Figure.Save(path, width, height, wave, levels, spectro);
    }
}
