using Waves.Console.View;

namespace Waves.Engine.Tests.Playback;

/// <summary>The terminal view's keys, as the command lines they send.</summary>
public sealed class KeyMapTests
{
    static readonly string[] Tracks = ["lead", "bass", "pad"];

    static KeyContext Context(bool paused = false, double gain = 1, int selected = 0, string[]? muted = null, string[]? soloed = null, string[]? tracks = null) =>
        new(paused, gain, tracks ?? Tracks, selected, muted ?? [], soloed ?? []);

    static ConsoleKeyInfo Key(ConsoleKey key, char c = '\0', bool shift = false, bool control = false) => new(c, key, shift, false, control);

    static ConsoleKeyInfo Char(char c) => new(c, ConsoleKey.NoName, false, false, false);

    [Fact]
    public void Space_PausesWhenPlaying_AndResumesWhenPaused()
    {
        Assert.Equal("pause", KeyMap.Map(Key(ConsoleKey.Spacebar, ' '), Context()).Command);
        Assert.Equal("resume", KeyMap.Map(Key(ConsoleKey.Spacebar, ' '), Context(paused: true)).Command);
    }

    [Fact]
    public void Arrows_MoveTheSelection_WithinTheTracks_AndTabGoesRound()
    {
        Assert.Equal(new KeyAction(null, 1), KeyMap.Map(Key(ConsoleKey.DownArrow), Context(selected: 0)));
        Assert.Equal(new KeyAction(null, 2), KeyMap.Map(Key(ConsoleKey.DownArrow), Context(selected: 2)));
        Assert.Equal(new KeyAction(null, 0), KeyMap.Map(Key(ConsoleKey.UpArrow), Context(selected: 0)));
        Assert.Equal(new KeyAction(null, 1), KeyMap.Map(Key(ConsoleKey.UpArrow), Context(selected: 2)));
        Assert.Equal(new KeyAction(null, 0), KeyMap.Map(Key(ConsoleKey.Tab, '\t'), Context(selected: 2)));
        Assert.Equal(new KeyAction(null, 2), KeyMap.Map(Key(ConsoleKey.Tab, '\t', shift: true), Context(selected: 0)));
        // A selection left beyond the list (the sound lost tracks) is brought back into it.
        Assert.Equal(new KeyAction(null, 1), KeyMap.Map(Key(ConsoleKey.UpArrow), Context(selected: 7)));
    }

    [Fact]
    public void MAndS_ToggleMuteAndSoloOfTheSelectedTrack()
    {
        Assert.Equal(new KeyAction("mute bass", 1), KeyMap.Map(Char('m'), Context(selected: 1)));
        Assert.Equal("unmute bass", KeyMap.Map(Char('m'), Context(selected: 1, muted: ["bass"])).Command);
        Assert.Equal("solo pad", KeyMap.Map(Char('s'), Context(selected: 2, muted: ["pad"])).Command);
        Assert.Equal("unsolo lead", KeyMap.Map(Char('S'), Context(soloed: ["lead"])).Command);
    }

    [Fact]
    public void TrackKeys_WithoutTracks_DoNothing()
    {
        var none = Context(selected: -1, tracks: []);
        Assert.Equal(new KeyAction(null, -1), KeyMap.Map(Char('m'), none));
        Assert.Equal(new KeyAction(null, -1), KeyMap.Map(Char('s'), none));
        Assert.Equal(new KeyAction(null, -1), KeyMap.Map(Key(ConsoleKey.DownArrow), none));
        Assert.Equal("pause", KeyMap.Map(Key(ConsoleKey.Spacebar, ' '), none).Command);
    }

    [Theory]
    [InlineData('+', 1.0, "gain 1.122")]
    [InlineData('=', 1.0, "gain 1.122")]
    [InlineData('-', 1.0, "gain 0.8913")]
    [InlineData('+', 3.9, "gain 4")]
    [InlineData('+', 4.0, "gain 4")]
    [InlineData('+', 0.0, "gain 0.0011")]
    [InlineData('-', 0.001, "gain 0")]
    [InlineData('-', 0.0, "gain 0")]
    public void PlusAndMinus_StepTheGainByAboutOneDecibel_WithinZeroToFour(char key, double gain, string command)
    {
        Assert.Equal(command, KeyMap.Map(Char(key), Context(gain: gain)).Command);
    }

    [Fact]
    public void KeypadPlusAndMinus_StepTheGainToo()
    {
        Assert.Equal("gain 1.122", KeyMap.Map(Key(ConsoleKey.Add, '+'), Context()).Command);
        Assert.Equal("gain 0.8913", KeyMap.Map(Key(ConsoleKey.Subtract, '-'), Context()).Command);
    }

    [Fact]
    public void R_Records_Q_Stops_AndOtherKeysDoNothing()
    {
        Assert.Equal("record", KeyMap.Map(Char('r'), Context()).Command);
        Assert.Equal("stop", KeyMap.Map(Char('q'), Context()).Command);
        Assert.Null(KeyMap.Map(Char('x'), Context()).Command);
        Assert.Null(KeyMap.Map(Key(ConsoleKey.Enter, '\r'), Context()).Command);
        // Control keys are the terminal's (Ctrl-C ends the session through its signal).
        Assert.Null(KeyMap.Map(Key(ConsoleKey.Q, '\u0011', control: true), Context()).Command);
    }
}

/// <summary>The meters and the scope, cell by cell.</summary>
public sealed class MeterBarTests
{
    static string Cells(string markup) => System.Text.RegularExpressions.Regex.Replace(markup, @"\[[^\]]*\]", "");

    [Fact]
    public void Level_FillsByDecibels_RmsSolidAndPeakShaded()
    {
        // −48 dB is empty, 0 dB is full: −24 dB RMS fills half, −12 dB peak three quarters.
        var cells = Cells(MeterBar.Level(Math.Pow(10, -12 / 20.0), Math.Pow(10, -24 / 20.0), 8));
        Assert.Equal("████▒▒··", cells);
        Assert.Equal("········", Cells(MeterBar.Level(0, 0, 8)));
        Assert.Equal("-6.0", MeterBar.FormatDb(0.5012));
        Assert.Equal("-inf", MeterBar.FormatDb(0));
    }

    [Fact]
    public void Linear_And_Bipolar_FillFromTheirOrigin()
    {
        Assert.Equal("█████···", Cells(MeterBar.Linear(0.625, 0, 1, 8)));
        Assert.Equal("····██··", Cells(MeterBar.Bipolar(0.5, -1, 1, 8)));
        Assert.Equal("·███····", Cells(MeterBar.Bipolar(-0.75, -1, 1, 8)));
        Assert.Equal("···│···", Cells(MeterBar.Bipolar(0, -1, 1, 7)));                // zero marked when nothing is filled
    }

    [Fact]
    public void Scope_OfSilence_IsALineInTheMiddleRow_AndOfAFullScaleSquare_FillsEveryRow()
    {
        var silence = MeterBar.Scope(new float[100], 10, 5).Select(Cells).ToArray();
        Assert.Equal(["", "", "──────────", "", ""], silence.Select(r => r.Trim()));
        var square = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 1f : -1f).ToArray();
        Assert.All(MeterBar.Scope(square, 10, 5).Select(Cells), row => Assert.Equal("██████████", row));
    }
}
