using Waves.Engine.Midi;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;
using static Waves.Engine.Tests.Midi.MidiRender;

namespace Waves.Engine.Tests.Midi;

public sealed class MidiInTests
{
    [Fact]
    public void NoteOn_StartsAVoiceOnItsFrame_WithFreqVelocityAndNote()
    {
        var x = Render("s:\n  midi_in: {signal: {expression: {exp: \"freq + 1000 * vel + 10000 * n\"}}}\n", 600,
            [On(100, 69, 127), On(333, 60, 0x40)], block: 128).Left;
        Assert.Equal(0f, x[99]);
        Assert.Equal(440f + 1000 + 690000, x[100], 1e-1);
        Assert.Equal(440f + 1000 + 690000, x[332], 1e-1);
        Assert.Equal(440f + 1000 + 690000 + 261.6256f + 1000 * 64 / 127f + 600000, x[333], 1);
    }

    [Fact]
    public void NoteOff_ClosesTheGate_OnItsFrame_AndVelocityZeroDoesTheSame()
    {
        var x = Render("s:\n  midi_in: {signal: {expression: {exp: \"gate\"}}}\n", 400, [On(10, 60), Off(150, 60), On(200, 62), On(250, 62, 0)], block: 64).Left;
        Assert.Equal(1f, x[10]);
        Assert.Equal(1f, x[149]);
        Assert.Equal(0f, x[150]);
        Assert.Equal(1f, x[249]);
        Assert.Equal(0f, x[250]);
    }

    [Fact]
    public void AVoice_EndsWithItsSignal_AfterTheRelease()
    {
        const string yaml = "s:\n  midi_in: {signal: {envelope: {attack: 0.001, release: 0.01, gate: gate, end: true, signal: 1}}}\n";
        var x = Render(yaml, 44100, [On(0, 60), Off(1000, 60)], block: 100).Left;
        Assert.Equal(1f, x[999], 1e-6);
        Assert.InRange(x[1100], 0.1f, 0.99f);
        Assert.Equal(0f, x[1000 + 441 + 2]);
    }

    [Fact]
    public void Stealing_BeyondTheVoiceLimit_FadesTheOldestOutOver5Ms_AndTheNewNoteSounds()
    {
        var x = Render("s:\n  midi_in: {voices: 1, signal: {expression: {exp: \"n\"}}}\n", 1000, [On(100, 10), On(400, 20)], block: 64).Left;
        Assert.Equal(10f, x[399]);
        Assert.Equal(20f + 10f, x[400], 1e-4);
        Assert.Equal(20f + 10f * 110 / 220, x[510], 1e-4);
        Assert.Equal(20f, x[400 + 220]);
        Assert.Equal(20f, x[999]);
    }

    [Fact]
    public void Messages_OnAnotherChannel_OrFromAnotherNamedDevice_AreNotHeard_ButTheSessionsOwnInputIs()
    {
        const string yaml = "s:\n  expression: {exp: \"a * 1000 + b\", a: {midi_in: {channel: 1, signal: {expression: {exp: n}}}}, b: {midi_in: {device: keys, signal: {expression: {exp: n}}}}}\n";
        var settings = Settings([]);
        var keys = settings.Inputs.Midi.Device("keys");
        var pads = settings.Inputs.Midi.Device("pads");
        settings.Inputs.Midi.Schedule([On(10, 5, channel: 1), new MidiMessage(20, pads, 0x90, 7, 100), new MidiMessage(30, keys, 0x90, 3, 100), On(40, 2)]);
        var patch = PatchCompiler.Compile(Patches.Library(yaml), "s", settings).Patch!;
        var x = OfflineRender.ToArrays(patch, 100).Left;
        Assert.Equal(0f, x[9]);
        Assert.Equal(5000f, x[25]);         // note 7 came from another device than keys
        Assert.Equal(5003f, x[35]);
        Assert.Equal(5005f, x[45]);         // the session's own input (a file) reaches a node reading keys
    }

    [Fact]
    public void TwoMidiInNodes_BothHearEveryNote()
    {
        const string yaml = "s:\n  expression: {exp: \"a * 1000 + b\", a: {midi_in: {signal: {expression: {exp: n}}}}, b: {midi_in: {signal: {expression: {exp: n}}}}}\n";
        var x = Render(yaml, 100, [On(10, 60)], block: 32).Left;
        Assert.Equal(60060f, x[50]);
    }

    [Fact]
    public void Voices_AreTheSameForAnyBlockSize()
    {
        const string yaml = "s:\n  midi_in: {voices: 2, signal: {envelope: {attack: 0.01, release: 0.05, gate: gate, end: true, signal: {osc: {type: saw, freq: f, amp: vel}}}}}\n";
        List<MidiMessage> notes = [On(7, 60), On(1000, 64, 90), Off(2345, 60), On(3001, 67, 50), On(3002, 72), Off(5000, 64), Off(5003, 67), Off(6000, 72)];
        var one = Render(yaml, 9000, notes, block: 1).Left;
        Assert.True(Signals.Peak(one) > 0.5f);
        Assert.Equal(one, Render(yaml, 9000, notes, block: 64).Left);
        Assert.Equal(one, Render(yaml, 9000, notes, block: 4096).Left);
    }

    [Fact]
    public void WithoutASource_MidiInIsSilent() =>
        Assert.Equal(0f, Signals.Peak(Patches.Render("s:\n  midi_in: {signal: {osc: {freq: f}}}\n", 0.1).Left));

    [Fact]
    public void StereoVoices_AreMixedInStereo()
    {
        var x = Render("s:\n  midi_in: {signal: {track: {pan: 1, signal: {expression: {exp: n}}}}}\n", 100, [On(10, 60)], block: 32);
        Assert.NotNull(x.Right);
        Assert.Equal(0f, x.Left[50], 1e-6);
        Assert.True(x.Right![50] > 1);
    }

    [Fact]
    public void Reload_DuringHeldNotes_KeepsThemSounding()
    {
        const string before = "s:\n  mix:\n    keys: {midi_in: {signal: {envelope: {attack: 0.01, gate: gate, signal: {osc: {freq: f}}}}}}\n    pad: {osc: {freq: 3, amp: 0}}\n";
        const string after = "s:\n  mix:\n    keys: {midi_in: {signal: {envelope: {attack: 0.01, gate: gate, signal: {osc: {freq: f}}}}}}\n    pad: {osc: {freq: 5, amp: 0}}\n";
        List<MidiMessage> notes = [On(100, 57), On(300, 69)];
        var reference = OfflineRender.ToArrays(PatchCompiler.Compile(Patches.Library(before), "s", Settings(notes, block: 64)).Patch!, 64 * 40).Left;
        var (session, _) = LiveSession.Start(Patches.Library(before), "s", Settings(notes, block: 64));
        var left = new float[64];
        var right = new float[64];
        var heard = new List<float>();
        for (var b = 0; b < 40; b++)
        {
            if (b == 20) Assert.True(session!.Reload(Patches.Library(after)).Accepted);
            session!.Renderer.RenderBlock(left, right, 64);
            heard.AddRange(left);
        }
        Assert.Equal(2, session!.Renderer.Current.Revision);
        Assert.True(Signals.Peak(heard.ToArray().AsSpan(64 * 21)) > 0.3f);
        Assert.Equal(reference, heard.ToArray());   // the pad is silent, so only the held notes are heard: unchanged
    }

    [Fact]
    public void LateLiveMessages_TakeEffectOnTheBlocksFirstFrame_AndAreHandedBackWithIt()
    {
        var settings = new RenderSettings(44100, 64) { Inputs = new SessionInputs() };
        var live = settings.Inputs.Midi.Live();
        var applied = settings.Inputs.Midi.Applied();
        var patch = PatchCompiler.Compile(Patches.Library("s:\n  midi_in: {signal: {expression: {exp: n}}}\n"), "s", settings).Patch!;
        var renderer = new Renderer(patch);
        var left = new float[64];
        renderer.RenderBlock(left, [], 64);
        Assert.True(live.TryWrite(On(10, 60)));     // stamped in the block already rendered
        Assert.True(live.TryWrite(On(100, 61)));    // inside the next block
        Assert.True(live.TryWrite(On(500, 62)));    // a later block
        renderer.RenderBlock(left, [], 64);
        Assert.Equal(60f, left[0]);
        Assert.Equal(121f, left[100 - 64]);
        Assert.True(applied.TryRead(out var a) && a.Frame == 64 && a.Data1 == 60);
        Assert.True(applied.TryRead(out var b) && b.Frame == 100 && b.Data1 == 61);
        Assert.False(applied.TryRead(out _));
    }

    [Fact]
    public void BadParameters_AreErrorsAtTheirPositions()
    {
        var problems = Patches.Problems("s:\n  midi_in: {channel: 16, voices: 0, signal: {osc: {}}}\n");
        Assert.Contains("sounds/test.yaml:2:22: error: 'channel' of 'midi_in' is a whole number from 0 to 15, got 16", problems);
        Assert.Contains(problems, p => p.StartsWith("sounds/test.yaml:2:34: error: 'voices' of 'midi_in'", StringComparison.Ordinal));
        Assert.Contains("sounds/test.yaml:2:3: error: 'midi_in' needs 'signal': what each note plays", Patches.Problems("s:\n  midi_in: {channel: 1}\n"));
    }
}
