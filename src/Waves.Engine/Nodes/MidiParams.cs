using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>The parameters the MIDI nodes share: whole numbers in a range, and the input device.</summary>
internal static class MidiParams
{
    /// <summary>A whole number in [min, max]; anything else is an error at its position.</summary>
    public static int Integer(NodeSpec spec, CompileScope scope, string name, int min, int max, int fallback)
    {
        switch (spec.Get(name))
        {
            case null or Value.Null:
                return fallback;
            case Value.Number { V: var v } number when v != Math.Floor(v) || v < min || v > max:
                scope.Env.Error(number.Pos, $"'{name}' of '{spec.Type}' is a whole number from {min} to {max}, got {v}");
                return fallback;
            case Value.Number number:
                return (int)number.V;
            case var other:
                scope.Env.Error(other.Pos, $"'{name}' of '{spec.Type}' is a whole number from {min} to {max}, got {other.Describe()}");
                return fallback;
        }
    }

    /// <summary>Whether a node reading <paramref name="device"/> (null: any) hears a message from input
    /// <paramref name="from"/>. The session's own input (0: a MIDI file, the computer keyboard) is heard
    /// by every node, so a patch written for a named controller also plays from a file.</summary>
    public static bool Hears(byte? device, byte from) => device is null || from == 0 || from == device;

    /// <summary>The session's index of the input named by <c>device</c>, or null (any input) without one.</summary>
    public static byte? Device(NodeSpec spec, CompileScope scope) =>
        spec.Get("device") switch
        {
            Value.Text { V: var name } when name.Trim().Length > 0 => scope.Env.Inputs.Midi.Device(name.Trim()),
            Value.Number n => scope.Env.Inputs.Midi.Device(n.V.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => null,
        };
}
