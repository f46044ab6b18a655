using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Waves.Console.Output;
using Waves.Console.Output.Native;
using Waves.Engine.Nodes;
using Waves.Engine.Patching;

namespace Waves.Console.Commands;

/// <summary><c>waves doctor</c>: what works here — each audio output opened for real and closed,
/// JACK MIDI, the journal, the sound folder and its schema, the version. A report, so it exits 0.</summary>
static class DoctorCommand
{
    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string>());
        o.RequireOnly(["--sounds", "--journal"], positional: 0);
        var folder = o.Get("--sounds") ?? "sounds";
        var journal = o.Get("--journal") ?? JournalFiles.DefaultPath;
        var inv = CultureInfo.InvariantCulture;

        var version = typeof(DoctorCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
        Line("version", $"waves {version} ({JournalFiles.EngineVersion}), .NET {Environment.Version}, {RuntimeInformation.RuntimeIdentifier}");

        if (!Directory.Exists(folder)) Line("sounds", $"{folder}: not found (waves new DIR makes a project)");
        else
        {
            var library = SoundLibrary.Load(folder);
            var problems = CheckCommand.Check(library);
            var errors = problems.Count(p => p.IsError);
            Line("sounds", string.Create(inv, $"{folder}: {library.Sounds.Count} sounds in {library.Files.Count} files, {errors} errors, {problems.Count - errors} warnings{(errors > 0 ? " (waves check shows them)" : "")}"));
            var schemaPath = Path.Combine(library.ProjectRoot, NodeSchema.FileName);
            Line("schema", !File.Exists(schemaPath) ? $"{schemaPath}: none (waves schema > {NodeSchema.FileName} lets editors check sound files)"
                : File.ReadAllText(schemaPath) == NodeSchema.Text(library.Sounds.Keys) ? $"{schemaPath}: current"
                : $"{schemaPath}: out of date (waves schema > {NodeSchema.FileName})");
        }

        Line("journal", !File.Exists(journal) ? $"{journal}: none yet (play writes it)" : Journal(journal));

        var first = true;
        string? picked = null;
        foreach (var name in Outputs.AutoOrder)
        {
            var result = TryOutput(name);
            if (result.StartsWith("works", StringComparison.Ordinal)) picked ??= name;
            Line(first ? "audio" : "", $"{name}: {result}");
            first = false;
        }
        Line("", "null: works (clock-paced, no sound; the fallback)");
        Line("", $"play uses: {picked ?? "null (no audio device works here)"}");
        Line("midi", JackMidi());
        return 0;
    }

    static void Line(string topic, string text) => System.Console.Out.WriteLine($"{topic,-8} {text}");

    static string Journal(string path)
    {
        try
        {
            using var journal = JournalFiles.Open(path);
            var sessions = journal.Sessions();
            return string.Create(CultureInfo.InvariantCulture,
                $"{path}: {sessions.Count} sessions, {new FileInfo(path).Length / 1024.0:0} kB{(sessions.Count > 0 ? $", last {sessions[^1].Id} ({sessions[^1].Sound})" : "")}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteDB.LiteException or Waves.Journal.Storage.JournalFormatException)
        {
            return $"{path}: cannot be read: {e.Message}";
        }
    }

    /// <summary>Opens the backend as play would and closes it again.</summary>
    static string TryOutput(string name)
    {
        try
        {
            using var output = Outputs.Open(name, new OutputRequest(null, 44100, TimeSpan.FromMilliseconds(50), "waves-doctor"));
            return $"works ({output.Description}, {output.DeviceRate} Hz)";
        }
        catch (Exception e) when (e is OutputUnavailableException or DllNotFoundException or EntryPointNotFoundException or ExternalException)
        {
            return $"unavailable: {e.Message}";
        }
    }

    static string JackMidi()
    {
        if (OperatingSystem.IsWindows()) return "JACK MIDI: not on Windows";
        IntPtr client;
        try { client = JackOutput.Open("waves-doctor"); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return "JACK MIDI: unavailable: no JACK library (libjack.so.0)";
        }
        catch (OutputUnavailableException e)
        {
            return $"JACK MIDI: unavailable: {e.Message}";
        }
        try
        {
            var ports = LibJack.Ports(client, null, LibJack.MidiType, 0);
            return $"JACK MIDI: reachable, {ports.Count} MIDI ports (play --midi-in PORT, --midi-out PORT)";
        }
        finally { LibJack.ClientClose(client); }
    }
}
