using Waves.Console.Commands;

namespace Waves.Console;

/// <summary>The <c>waves</c> command: the composition root that wires files, clocks and devices.</summary>
static class Cli
{
    public const string Usage = """
        usage: waves <command> [arguments]

          play SOUND [overrides] [options]     play in real time; saving a sound file reloads it
          render SOUND [overrides] [options]   render a sound to a WAV file
          replay [SESSION|last] [options]      render a journaled session again (-o FILE.wav, --from S, --to S, --stems, --journal FILE)
          sessions [--journal FILE]            the journal's sessions
          log [SESSION|last] [--journal FILE]  a session's events as a timeline, with each edit's diff
          log --plot [SESSION|last] [-o FILE.png] [--width W] [--height H]   the session as a picture: levels, load, events
          check [--sounds DIR]                 validate every sound, print every problem
          list [--sounds DIR]                  sound names, files and declared durations
          nodes [TYPE] [--markdown]            the node reference (parameters, defaults, ranges); --markdown: docs/reference.md
          schema [--sounds DIR]                JSON schema of sound files (with the folder's sound names), for editors
          new DIR                              a new project: sounds/ with a starter library, samples/, README, schema
          plot SOUND|FILE.wav [-o FILE.png]    waveform, level and spectrogram as a PNG (--width W, --height H,
                                               --duration S; for a sound also --sounds, --rate, --block, --seed)
          doctor [--sounds DIR] [--journal FILE]   which audio outputs and MIDI work here, journal, sounds, version
          devices                              audio outputs and their devices
          bench [reload|compile|render|journal|all] [--saves N]   quick speed measurements (default all)
          bench output [--output O] [--latency MS] [--seconds S]   underruns of a busy patch on a real device
          bench peers [--seconds S] [--runs N] [--engines E] [--out DIR] [--kit DIR]   patches A and B
                                               beside scsynth, Pd, Csound … (../shared/bench-peers)

        render options:
          --sounds DIR        sound folder (default ./sounds)
          -o FILE.wav         output file (default output/<sound>.wav, never overwritten: _2, _3 …)
          --force             overwrite an existing -o file
          --duration S        seconds to render (less if the sound ends first); default: the
                              sound's declared duration, capped at 60 s, or 60 s when it has none
          --block N           frames per block (default 256)
          --rate SR           sample rate (default 44100)
          --seed N            random seed (default 1): the same seed gives the same samples
          --stems             also write each track of a root mix as <name>__<track>.wav
          --format F          f32 (default), s16 or s24
          --threads N         render the independent tracks of the sound's mix on N threads (same samples)
          --midi-file FILE.mid  play a standard MIDI file into the sound's midi_in and midi_cc nodes
          --midi-state        start from the controller values that play saved
        play options: --sounds, --block, --rate, --seed as for render, and
          --duration S        stop after S seconds (default: when the sound ends, or Ctrl-C)
          --loop              a sound that ends starts again (edit a one-shot while it repeats)
          --xfade MS          declick length where a reload changed something (default 10, 0: off)
          --reload-at W       block (default), beat or bar: hold a reload for the sound's tempo
          --output O          auto (default: pulse, jack, alsa; wasapi, waveout on Windows; else
                              null), pulse, alsa, jack, wasapi, waveout or null (no device, clock-paced)
          --device NAME       a sink, an ALSA device, or JACK ports to connect to (waves devices)
          --latency MS        output buffer the render thread keeps filled (default 50)
          --record FILE.wav   keep what was played (stereo float), flushed as it goes
          --stems             with --record: also each track of a root mix, beside it
          --journal FILE      journal the session there (default .waves/journal.db)
          --no-ui             plain lines instead of the terminal view (also when not a terminal)
          --midi-file FILE.mid, --midi-in NAME, --midi-out NAME   MIDI from a file, from and to JACK MIDI ports
          --input I           live audio for input nodes: auto, pulse, jack, alsa, wavein or none
          --input-device NAME a source, an ALSA device or JACK ports to capture from
        while playing, type: pause, resume, gain G, mute TRACK, unmute TRACK, solo TRACK,
          unsolo TRACK, reset [ID], record (start/stop), stop
        keys in the terminal view: space pause/resume, up/down pick a track, m mute, s solo,
          + / - master gain, r record, q quit
        overrides: name=value or node-string tokens such as warp1 or v.2
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help" || args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            System.Console.Out.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            return args[0] switch
            {
                "render" => RenderCommand.Run(args[1..]),
                "play" => PlayCommand.Run(args[1..]),
                "replay" => ReplayCommand.Run(args[1..]),
                "sessions" => SessionsCommand.List(args[1..]),
                "log" => args.Contains("--plot") ? PlotCommand.Session(args[1..]) : SessionsCommand.Log(args[1..]),
                "check" => CheckCommand.Run(args[1..]),
                "list" => ListCommand.Run(args[1..]),
                "nodes" => NodesCommand.Run(args[1..]),
                "schema" => NodesCommand.Schema(args[1..]),
                "new" => NewCommand.Run(args[1..]),
                "plot" => PlotCommand.Run(args[1..]),
                "doctor" => DoctorCommand.Run(args[1..]),
                "devices" => DevicesCommand.Run(args[1..]),
                "bench" => BenchCommand.Run(args[1..]),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            System.Console.Error.WriteLine($"waves: {e.Message}");
            System.Console.Error.WriteLine("run 'waves --help' for usage");
            return 2;
        }
    }
}
