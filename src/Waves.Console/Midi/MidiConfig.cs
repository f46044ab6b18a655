using YamlDotNet.RepresentationModel;

namespace Waves.Console.Midi;

/// <summary>
/// <c>waves.config.yaml</c> in the project root (the folder holding the sound folder, never inside it):
/// short aliases for MIDI ports, so patches and options can say <c>keys</c> instead of a port name.
/// <code>
/// midi:
///   devices:
///     keys: "system:midi_capture_1"
///     synth: "system:midi_playback_1"
/// </code>
/// </summary>
sealed class MidiConfig
{
    public const string FileName = "waves.config.yaml";

    public IReadOnlyDictionary<string, string> Devices { get; }

    public string? Path { get; }

    MidiConfig(IReadOnlyDictionary<string, string> devices, string? path) => (Devices, Path) = (devices, path);

    /// <summary>The project root of a sound folder: its parent.</summary>
    public static string ProjectRoot(string soundFolder) =>
        System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(soundFolder).TrimEnd(System.IO.Path.DirectorySeparatorChar)) ?? ".";

    /// <summary>Reads the config beside <paramref name="soundFolder"/>; none is an empty config, a broken one a usage error.</summary>
    public static MidiConfig Load(string soundFolder)
    {
        var path = System.IO.Path.Combine(ProjectRoot(soundFolder), FileName);
        if (!File.Exists(path)) return new MidiConfig(new Dictionary<string, string>(), null);
        var devices = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(path)) yaml.Load(reader);
            if (yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode root &&
                root.Children.TryGetValue(new YamlScalarNode("midi"), out var midi))
            {
                if (midi is not YamlMappingNode m || !m.Children.TryGetValue(new YamlScalarNode("devices"), out var list)) return new MidiConfig(devices, path);
                if (list is not YamlMappingNode map)
                    throw new UsageException($"{path}:{list.Start.Line}:{list.Start.Column}: error: 'devices' is a map of alias: port name");
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: { } alias } || value is not YamlScalarNode { Value: { } port })
                        throw new UsageException($"{path}:{key.Start.Line}:{key.Start.Column}: error: a device is written alias: \"port name\"");
                    devices[alias] = port;
                }
            }
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new UsageException($"{path}:{e.Start.Line}:{e.Start.Column}: error: {e.Message}");
        }
        return new MidiConfig(devices, path);
    }

    /// <summary>The port an alias stands for, or the name itself.</summary>
    public string Port(string name) => Devices.TryGetValue(name, out var port) ? port : name;
}
