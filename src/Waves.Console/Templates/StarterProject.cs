using Waves.Engine.Nodes;

namespace Waves.Console.Templates;

/// <summary>The files of a new project (<c>waves new DIR</c>): a commented starter library, a
/// samples folder and a short README. The schema beside them is written from the registry.</summary>
static class StarterProject
{
    public const string SoundFile = "sounds/starter.yaml";

    public static readonly string Sounds = NodeSchema.ModelineForSoundFolder + "\n" + """
        # A starter library. Each top-level name is a sound: `waves play NAME` plays it, `waves render
        # NAME` writes output/NAME.wav. Save this file while a sound plays and you hear the change.
        # Every node type and parameter: `waves nodes`, or docs/reference.md in the Waves repository.

        vars:
          root: 110           # a bass note in Hz; every expression below can use it

        # A plain tone. `t` is the time in seconds; note names (a4, cs4) and intervals (fifth) work too.
        tone:
          osc:
            type: sin         # sin, tri, saw, sqr, noise …
            freq: a4
            amp: 0.3
            duration: 2       # seconds; a sound without one plays until stopped

        # A pluck: an envelope shapes an oscillator whose phase another oscillator bends.
        pluck:
          context:
            pitch: e4         # a variable: play it with `waves play pluck pitch=440`
            signal:
              envelope:
                attack: 0.005
                decay: 0.2
                sustain: 0.2
                release: 0.3
                duration: 0.8
                signal:
                  osc:
                    freq: pitch
                    phase: {osc: {freq: pitch * 2, amp: [2, 0]}}   # a list: a ramp over the duration
                    duration: 0.8

        # A short kick and a hat, for the beat below.
        kick:
          osc:
            freq: 45 + 120 * exp(-30 * t)
            amp: 0.8 * exp(-8 * t)
            duration: 0.4
        hat:
          osc:
            type: noise
            amp: 0.15 * exp(-60 * t)
            duration: 0.1

        # A beat: a tempo gives `beat`, `sixteenth` … to the nodes below it; the sequencer plays
        # sounds of the library on its steps (~ is a rest, a list is a chord).
        beat:
          tempo:
            bpm: 120
            duration: 4
            signal:
              sequencer:
                interval: eighth
                steps: [kick, hat, ~, hat, [kick, hat], hat, ~, hat]

        # A song: a mix of tracks, each with its own volume and pan. Give a node an `id` to keep
        # its state (phase, envelope stage) across edits.
        song:
          mix:
            drums:
              track:
                volume: 0.8
                signal: {beat: {}}
            bass:
              track:
                pan: -0.3
                signal:
                  osc:
                    id: bass
                    type: saw
                    freq: root * (1 if t % 2 < 1 else fifth)
                    amp: 0.12
                    duration: 4
            lead:
              track:
                pan: 0.3
                signal: {pluck: {pitch: a4}}

        """;

    public const string Readme = """
        # A Waves project

        - `sounds/` holds the sound library: every `*.yaml` file in it. Start with `sounds/starter.yaml`.
        - `samples/` holds the WAV files that `sample` and `buffer` nodes play (paths are relative to here).
        - `waves.schema.json` lets editors with the YAML language server complete and check node names and
          parameters; after adding a sound that other sounds use as a node, run `waves schema > waves.schema.json`.

        Try, from this folder: `waves play song` (edit and save while it plays), `waves render beat`,
        `waves check`, `waves plot song -o song.png`, and `waves replay last` after a session.

        """;
}
