using Waves.Engine.Audio;
using static Waves.Engine.Tests.Cli.CliRun;

namespace Waves.Engine.Tests.Cli;

/// <summary><c>waves plot</c> and <c>waves log --plot</c>: real PNG files read back.</summary>
[Collection("cli")]
public sealed class PlotCommandTests : IDisposable
{
    const string Sounds = """
        tone: {osc: {freq: 440, amp: 0.5, duration: 1}}
        high: {osc: {freq: 9000, amp: 0.5, duration: 1}}
        quiet: {osc: {freq: 440, amp: 0, duration: 1}}

        """;

    readonly CliFolder folder = new();

    public PlotCommandTests() => folder.Write("sounds/x.yaml", Sounds);

    public void Dispose() => folder.Dispose();

    static void AssertPicture(string path, int width, int height)
    {
        Assert.True(File.Exists(path), path);
        var png = new PngFile(path);
        Assert.Equal((width, height), (png.Width, png.Height));
        Assert.True(png.Colours > 20 && png.Inked > 0.05, $"{path} looks blank: {png.Colours} colours, {png.Inked:P1} inked");
    }

    [Fact]
    public void Plot_Sound_WritesAPngOfTheAskedSize()
    {
        var r = Run("plot", "tone", "-o", "tone.png", "--width", "800", "--height", "600");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("wrote tone.png (800×600)", r.Out);
        AssertPicture("tone.png", 800, 600);
    }

    [Fact]
    public void Plot_WavFile_DrawsWhatTheFileHolds()
    {
        Assert.Equal(0, Run("render", "tone", "-o", "tone.wav").Exit);
        Assert.Equal(0, Run("render", "quiet", "-o", "quiet.wav").Exit);

        var r = Run("plot", "tone.wav", "-o", "pics/tone.png");
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(0, Run("plot", "quiet.wav", "-o", "pics/quiet.png").Exit);

        AssertPicture("pics/tone.png", 1200, 900);
        // The waveform panel (the top third) of a tone is full of ink; of silence, a flat line.
        var tone = PngFile.InkedIn("pics/tone.png", 0.1, 0.05, 0.95, 0.3);
        var quiet = PngFile.InkedIn("pics/quiet.png", 0.1, 0.05, 0.95, 0.3);
        Assert.True(tone > quiet + 0.2, $"waveform ink: tone {tone:P1}, silence {quiet:P1}");
    }

    [Fact]
    public void Plot_Spectrogram_PutsAHighToneHigher()
    {
        Assert.Equal(0, Run("plot", "tone", "-o", "low.png").Exit);
        Assert.Equal(0, Run("plot", "high", "-o", "high.png").Exit);

        // In the bottom third (the spectrogram, 0 … 22050 Hz upwards), a steady tone is the
        // brightest row: 9 kHz about 40 % of the panel above 440 Hz.
        var low = PngFile.BrightestRow("low.png", 0.2, 0.7, 0.9, 0.96);
        var high = PngFile.BrightestRow("high.png", 0.2, 0.7, 0.9, 0.96);
        Assert.True(high < low - 0.05, $"brightest rows: 440 Hz at {low:0.000}, 9 kHz at {high:0.000} of the height");
    }

    [Fact]
    public void Plot_BadInput_IsAClearMessage()
    {
        Assert.Contains("no sound named 'tonne' in sounds — did you mean 'tone'?", Run("plot", "tonne", "-o", "x.png").Err);
        Assert.Contains("no file missing.wav", Run("plot", "missing.wav").Err);
        Assert.Contains("-o expects a .png file", Run("plot", "tone", "-o", "x.jpg").Err);
        File.WriteAllText("notes.wav", "not audio at all");
        var bad = Run("plot", "notes.wav", "-o", "x.png");
        Assert.Equal(1, bad.Exit);
        Assert.Contains("waves: cannot read notes.wav: ", bad.Err);
        Assert.False(File.Exists("x.png"));
    }

    [Fact]
    public void LogPlot_PlayedSession_WritesItsTimeline()
    {
        var play = RunWithInput("gain 0.5\nmute nothing\nreset\n", "play", "tone", "--output", "null", "--no-ui", "--duration", "0.5");
        Assert.True(play.Exit == 0, play.ToString());

        var r = Run("log", "--plot", "last", "-o", "session.png", "--width", "900", "--height", "700");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Matches(@"wrote session\.png \(900×700\): session \S+, \d+ events", r.Out);
        AssertPicture("session.png", 900, 700);
        // The level panel (top third) shows the tone that was heard.
        Assert.True(PngFile.InkedIn("session.png", 0.15, 0.08, 0.9, 0.28) > 0.02);
    }

    [Fact]
    public void LogPlot_WithoutJournal_SaysSo()
    {
        var r = Run("log", "--plot", "-o", "s.png");

        Assert.Equal(1, r.Exit);
        Assert.Contains("no journal at", r.Err);
    }
}
