using System.Globalization;
using System.Text;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// The voices of one distinct sound of a sequencer, compiled when the patch is: each slot is the
/// sound's own plan with its own states (ids: the sequencer's id, <c>voice</c>, the sound and the
/// slot), and the fresh values a start copies into them, so starting a voice allocates nothing.
/// </summary>
sealed class VoicePool
{
    public sealed class Slot(Signal signal, VoiceState state, StateWrite restart)
    {
        public readonly Signal Signal = signal;
        public readonly VoiceState State = state;
        public readonly StateWrite Restart = restart;
        /// <summary>Block in which the slot last started (a slot renders once per block).</summary>
        public long StartedInBlock = -1;
        /// <summary>Frame of this block the voice starts at (0 when it rang before the block).</summary>
        public int Offset;
        /// <summary>Block the voice was last rendered in (once per block, also in chain mode's passes).</summary>
        public long RenderedInBlock = -1;
        /// <summary>Steps and triggers: the block in which the voice was rendered up to frame
        /// <see cref="Done"/> (every voice is rendered up to a start before it, so a start finds the
        /// voices as they are on its frame, whatever the block size).</summary>
        public long PartBlock = -1;
        public int Done;
    }

    public VoicePool(Slot[] slots, long lifetime) => (Slots, Lifetime) = (slots, lifetime);

    public Slot[] Slots { get; }

    /// <summary>Frames a voice plays at most: the sound's largest duration, or 1 s (as in the original).</summary>
    public long Lifetime { get; }

    public bool IsStereo => Slots.Length > 0 && Slots[0].Signal.IsStereo;

    /// <summary>Compiles <paramref name="slots"/> voices of <paramref name="sound"/>, written at <paramref name="at"/>
    /// (the step's id path), under the sequencer <paramref name="owner"/>.</summary>
    public static VoicePool Compile(NodeSpec owner, NodeSpec sound, string at, string name, int slots, CompileScope scope)
    {
        var compiled = new Slot[slots];
        var written = scope.TemplateOf(at);
        for (var k = 0; k < slots; k++)
        {
            var prefix = $"{owner.Id}/voice/{name}/{k}";
            var spec = Rename(sound, at, written, prefix);
            var voice = scope.Env.States.Bind<VoiceState>(prefix + "#voice");
            var signal = scope.WithVoiceSlot(voice, prefix, $"{owner.Id}/voice/{name}", k).WithVoice(sound, spec, at, prefix).CompileNode(spec);
            var fresh = scope.Env.States.Bound
                .Where(kv => kv.Key.StartsWith(prefix + "/", StringComparison.Ordinal))
                .Select(kv => (kv.Value, kv.Value.Fresh()))
                .ToArray();
            compiled[k] = new Slot(signal, voice, new StateWrite(fresh));
        }
        var seconds = (sound with { Triggered = false }).DeclaredDuration() ?? 1;
        return new VoicePool(compiled, Math.Max(1, FramesWave.ToFrames(seconds, scope.SampleRate)));
    }

    /// <summary>The sound with every id moved from under <paramref name="from"/> to under <paramref name="to"/>.
    /// Inside a voice of a spawn or multiply, explicit ids keep the template's path (<paramref name="written"/>,
    /// the step's path as written) with the voice's <c>#k</c> after it: those move from under that path.</summary>
    static NodeSpec Rename(NodeSpec spec, string from, string written, string to)
    {
        var id = spec.Id.StartsWith(from, StringComparison.Ordinal) ? to + spec.Id[from.Length..]
            : written != from && spec.Id.StartsWith(written + "/", StringComparison.Ordinal) ? to + spec.Id[written.Length..]
            : $"{to}/{spec.Id}";
        return spec with { Id = id, Params = [.. spec.Params.Select(p => p with { Value = Rename(p.Value, from, written, to) })] };
    }

    static Value Rename(Value value, string from, string written, string to) => value switch
    {
        Value.Node n => new Value.Node(Rename(n.Spec, from, written, to)),
        Value.List l => l with { Items = [.. l.Items.Select(i => Rename(i, from, written, to))] },
        _ => value,
    };

    /// <summary>What makes two step sounds the same sound: everything but ids and positions.</summary>
    public static string Key(NodeSpec spec)
    {
        var b = new StringBuilder();
        Append(b, new Value.Node(spec));
        return b.ToString();
    }

    static void Append(StringBuilder b, Value v)
    {
        switch (v)
        {
            case Value.Node n:
                b.Append(n.Spec.Type).Append('{');
                foreach (var p in n.Spec.Params.Where(p => p.Name != "id"))
                {
                    b.Append(p.Name).Append(':');
                    Append(b, p.Value);
                    b.Append(';');
                }
                b.Append('}');
                break;
            case Value.Number x: b.Append(x.V.ToString("R", CultureInfo.InvariantCulture)); break;
            case Value.Text t: b.Append('"').Append(t.V.Replace("\"", "\\\"")).Append('"'); break;
            case Value.List l:
                b.Append('[');
                foreach (var i in l.Items)
                {
                    Append(b, i);
                    b.Append(',');
                }
                b.Append(']');
                break;
            case Value.Map m: b.Append("map@").Append(m.Pos); break;
            default: b.Append('~'); break;
        }
    }

    /// <summary>A readable, stable name for the voices of a step sound written at <paramref name="at"/>:
    /// the sound's name (with the step's parameters) for a sound of the library, else the step's place.</summary>
    public static string Name(NodeSpec spec, string at, string place)
    {
        var relative = spec.Id.StartsWith(at + "/", StringComparison.Ordinal) ? spec.Id[(at.Length + 1)..] : spec.Type;
        var first = relative.Split('/')[0];
        if (first == spec.Type) return place;
        if (spec.Type != Context.Info.Key || !relative.EndsWith("/params", StringComparison.Ordinal)) return first;
        var ps = spec.Params.Where(p => p.Name != "signal")
            .Select(p => p.Value is Value.Number n ? $"{p.Name}{n.V.ToString("R", CultureInfo.InvariantCulture)}" : p.Name);
        return string.Join(' ', ps.Prepend(first));
    }
}
