using Waves.Journal.Events;

namespace Waves.Journal.Tests.Storage;

/// <summary>One event of every type, with values that are easy to get wrong: unicode and empty
/// strings, the largest seed, -0, huge and tiny doubles, a wall clock with ticks and an offset.</summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset Clock = new DateTimeOffset(2025, 3, 14, 20, 15, 2, TimeSpan.FromHours(5.5)).AddTicks(1_234_567);

    public static SessionStarted Started(string sound = "demo") => new(
        sound,
        ["tempo=120", "", "naïve=\"quoted\" \\ 🎵"],
        48_000,
        333,
        ulong.MaxValue,
        2_400,
        true,
        "0.1.0+abc",
        "/home/x/sounds ü",
        [new FileRef("drums.yaml", "aa11"), new FileRef("日本/pad.yaml", "")]);

    /// <summary>Every event type except <see cref="SessionStarted"/> (which only StartSession writes).</summary>
    public static IReadOnlyList<SessionEvent> AllButStart() =>
    [
        new LibraryEdited([new FileRef("drums.yaml", "bb22"), new FileRef("", "")], 3),
        new LibraryEdited([], 0),
        new ReloadApplied(7, ["kick", "snare"], [], ["pad/filter"]),
        new ReloadRejected(["drums.yaml:3:5: unknown node 'osk'", "é\n\t\u0000"]),
        new Paused(),
        new Resumed(),
        new MasterGainChanged(-0.0),
        new MasterGainChanged(double.MaxValue),
        new MasterGainChanged(double.Epsilon),
        new MasterGainChanged(0.1 + 0.2),
        new TrackMuted("kick", true),
        new TrackSoloed("", false),
        new StateReset(null),
        new StateReset("pad/lfo"),
        new Ticked(Clock, 0.4375, long.MaxValue),
        new SessionEnded("stopped by the user ✋"),
        new OutputUnderran(3, 1_024),
        new RecordingStarted("takes/α 1.wav"),
        new RecordingStopped("takes/α 1.wav", long.MaxValue),
        new MidiReceived("keys ü", 0x90, 60, 127),
        new MidiReceived("", 0xF8, 0, 0),
        new InputOpened("inputs/ü 1.wav", 2, 44_100, "pulse: source é"),
        new InputClosed(long.MaxValue, 0, 17),
        new StateSnapshotted([new NodeStateRecord("s/osc", "OscillatorState", "{\"Phase\":1.5,\"Clock\":44100}"), new NodeStateRecord("", "", "{}")]),
    ];

    public static IEnumerable<SessionEvent> All() => AllButStart().Prepend(Started());
}
