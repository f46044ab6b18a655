using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waves.Engine.Midi;
using Waves.Journal.Events;

namespace Waves.Console.Midi;

/// <summary>
/// Controller values kept across sessions: <c>.waves/midi-state.json</c> in the project root, by
/// device ("" for the default input), then "channel,cc". Every value a session journals is kept;
/// the file is written at most a few times a second and at the end of the session, each time whole
/// through a temporary file, so an exit right after a change keeps it. A session starts with the
/// saved values as messages on its first frame (journaled, so a replay has them too).
/// </summary>
sealed class MidiState(string path)
{
    readonly Dictionary<(string Device, int Channel, int Cc), int> values = [];
    readonly Lock gate = new();
    bool dirty;

    public string Path => path;

    /// <summary>Why the last save failed, if it did.</summary>
    public string? LastError { get; private set; }

    public static string PathFor(string soundFolder) =>
        System.IO.Path.Combine(MidiConfig.ProjectRoot(soundFolder), ".waves", "midi-state.json");

    /// <summary>The saved values (none when there is no file; a broken file is reported and ignored).</summary>
    public static MidiState Load(string soundFolder, Action<string> warn)
    {
        var state = new MidiState(PathFor(soundFolder));
        if (!File.Exists(state.Path)) return state;
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(state.Path))?.AsObject() ?? [];
            foreach (var (device, entries) in root)
                foreach (var (key, value) in entries?.AsObject() ?? [])
                {
                    var parts = key.Split(',');
                    if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var ch) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var cc)
                        && ch is >= 0 and < 16 && cc is >= 0 and < 128 && value?.GetValue<int>() is { } v and >= 0 and < 128)
                        state.values[(device, ch, cc)] = v;
                }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            warn($"waves: {state.Path}: ignored, it does not read as saved controller values: {e.Message}");
        }
        return state;
    }

    /// <summary>The saved values as messages on frame 0, for the devices the session knows.</summary>
    public IEnumerable<MidiMessage> Messages(MidiInput midi)
    {
        lock (gate)
            return [.. values.OrderBy(kv => kv.Key.Device, StringComparer.Ordinal).ThenBy(kv => kv.Key.Channel).ThenBy(kv => kv.Key.Cc)
                .Select(kv => new MidiMessage(0, midi.Device(kv.Key.Device), (byte)(0xB0 | kv.Key.Channel), (byte)kv.Key.Cc, (byte)kv.Value))];
    }

    /// <summary>Keeps the value of a journaled controller message.</summary>
    public void Heard(MidiReceived m)
    {
        if ((m.Status & 0xF0) != 0xB0) return;
        lock (gate)
        {
            var key = (m.Device, m.Status & 15, m.Data1);
            if (values.TryGetValue(key, out var v) && v == m.Data2) return;
            values[key] = m.Data2;
            dirty = true;
        }
    }

    /// <summary>Writes the file when a value changed since the last save.</summary>
    public void Save()
    {
        JsonObject root;
        lock (gate)
        {
            if (!dirty) return;
            dirty = false;
            root = [];
            foreach (var group in values.GroupBy(kv => kv.Key.Device).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var o = new JsonObject();
                foreach (var kv in group.OrderBy(kv => kv.Key.Channel).ThenBy(kv => kv.Key.Cc))
                    o[string.Create(CultureInfo.InvariantCulture, $"{kv.Key.Channel},{kv.Key.Cc}")] = kv.Value;
                root[group.Key] = o;
            }
        }
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            var temp = path + ".tmp";
            File.WriteAllText(temp, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Kept in memory: the next save tries again.
            lock (gate) dirty = true;
            LastError = e.Message;
        }
    }
}
